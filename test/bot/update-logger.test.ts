import { Bot, type ApiClientOptions } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { describe, expect, it, vi } from "vitest";
import type { BotDeps, FlowContext } from "../../src/bot/context.js";
import { attachDeps } from "../../src/bot/middlewares/attach-deps.js";
import { updateLogger } from "../../src/logger.js";
import { captureLogs } from "../helpers/log-capture.js";
import { privateTextUpdate } from "../helpers/updates.js";

/**
 * `ctx.logger` (src/logger.ts, `updateLogger`): pino's child per update cost ~1 µs and ~2 kB (issue 14), so each
 * update's logger inherits from one child per parent. Its lines must be the lines `parent.child({ update_id })`
 * writes, redaction included: letter text and names must never reach a log.
 */
const LETTER_TEXT = "Секретна-фраза-листа-7731";
const NAME = "Зоряна-Логознавець";
/** One error for both loggers, so that its stack is the same in both. */
const FAILURE = new Error("boom");

/** The lines without pino's `time`, the only field that differs between two loggers writing the same call. */
const withoutTime = (lines: string[]) => lines.map((line) => ({ ...(JSON.parse(line) as Record<string, unknown>), time: undefined }));

function logEverything(logger: ReturnType<typeof updateLogger>): void {
  logger.debug("debug line");
  logger.info({ letter_id: 5, text: LETTER_TEXT, from: { first_name: NAME, username: "zoryana" } }, "letter saved");
  logger.warn({ payload: { text: LETTER_TEXT, chat_id: 9 }, update: { message: { text: LETTER_TEXT } } }, "call failed");
  logger.error(FAILURE, "handler failed");
  logger.child({ worker: "inner" }).info({ caption: LETTER_TEXT, last_name: NAME }, "from a grandchild");
}

describe("the per-update logger", () => {
  it("writes the lines pino's child with the update id writes, field for field", () => {
    const viaChild = captureLogs();
    const viaUpdateLogger = captureLogs();
    logEverything(viaChild.logger.child({ update_id: 1234567 }));
    logEverything(updateLogger(viaUpdateLogger.logger, 1234567));

    expect(viaUpdateLogger.lines).toHaveLength(5);
    expect(withoutTime(viaUpdateLogger.lines)).toEqual(withoutTime(viaChild.lines));
    expect(JSON.parse(viaUpdateLogger.lines[1]!)).toMatchObject({ app: "lysty", update_id: 1234567, letter_id: 5, msg: "letter saved" });
  });

  it("redacts letter text and names in every line", () => {
    const { logger, lines } = captureLogs();
    logEverything(updateLogger(logger, 77));

    const logs = lines.join("\n");
    expect(logs).not.toContain(LETTER_TEXT);
    expect(logs).not.toContain(NAME);
    expect(logs).not.toContain("zoryana");
    expect(JSON.parse(lines[1]!)).toMatchObject({ text: "[redacted]", from: { first_name: "[redacted]", username: "[redacted]" } });
    expect(JSON.parse(lines[2]!)).toMatchObject({ payload: { text: "[redacted]", chat_id: 9 }, update: "[redacted]" });
    expect(JSON.parse(lines[4]!)).toMatchObject({ caption: "[redacted]", last_name: "[redacted]", worker: "inner", update_id: 77 });
  });

  it("keeps the parent's level and each update's own id", () => {
    const { logger, lines } = captureLogs("warn");
    const first = updateLogger(logger, 1);
    const second = updateLogger(logger, 2);
    first.info("below the level");
    second.warn("second");
    first.warn("first");

    expect(lines.map((line) => JSON.parse(line) as { update_id: number; msg: string })).toMatchObject([
      { update_id: 2, msg: "second" },
      { update_id: 1, msg: "first" },
    ]);
  });

  it("follows a change of the parent's level made after an update logged", () => {
    const { logger, lines } = captureLogs("warn");
    updateLogger(logger, 1).info("below the level");
    logger.level = "info";
    updateLogger(logger, 2).info("now logged");
    logger.level = "error";
    updateLogger(logger, 3).warn("below the level again");

    expect(lines.map((line) => JSON.parse(line) as { update_id: number; msg: string })).toMatchObject([{ update_id: 2, msg: "now logged" }]);
  });

  it("makes pino's child once per parent logger, not once per update that logs", async () => {
    const { logger, lines } = captureLogs("info");
    const child = vi.spyOn(logger, "child");
    const bot = new Bot<FlowContext>("1:a", {
      botInfo: { id: 1, is_bot: true, first_name: "B", username: "b_bot" } as UserFromGetMe,
      client: { fetch: (async () => Promise.reject(new Error("no Bot API call expected"))) as unknown as ApiClientOptions["fetch"] },
    });
    bot.use(attachDeps({ logger } as BotDeps));
    bot.on("message:text", (ctx) => ctx.logger.info({ text: ctx.message.text }, "seen"));

    for (let update = 0; update < 3; update += 1) await bot.handleUpdate(privateTextUpdate(7, LETTER_TEXT));

    expect(child).toHaveBeenCalledTimes(1);
    const ids = lines.map((line) => (JSON.parse(line) as { update_id: number }).update_id);
    expect(new Set(ids).size).toBe(3);
    expect(lines.join("\n")).not.toContain(LETTER_TEXT);
  });
});
