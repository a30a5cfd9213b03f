import { GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { isDatabaseUnreachable, retryWhileStarting, StartupCancelled } from "../../src/startup.js";
import { isTelegramUnavailable } from "../../src/telegram/api-errors.js";
import { captureLogs } from "../helpers/log-capture.js";

const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
const telegramError = (code: number) =>
  new GrammyError("Call to 'getMe' failed!", { ok: false, error_code: code, description: "x" }, "getMe", {});

describe("start-up retries", () => {
  it("retries what is worth waiting for, logging what it waits for each time, then returns the result", async () => {
    const { logger, lines } = captureLogs("info");
    let attempts = 0;
    const result = await retryWhileStarting(
      async () => {
        attempts += 1;
        if (attempts < 3) throw refused();
        return "migrated";
      },
      { waitingFor: "the database", signal: new AbortController().signal, logger, retryable: isDatabaseUnreachable, delaysMs: [0] },
    );
    expect(result).toBe("migrated");
    const waits = lines.map((line) => JSON.parse(line) as { msg: string; waiting_for: string; attempt: number });
    expect(waits.map((line) => [line.msg, line.waiting_for, line.attempt])).toEqual([
      ["waiting for the database", "the database", 1],
      ["waiting for the database", "the database", 2],
    ]);
  });

  it("paces attempts from their start, so a slow failure does not stretch the time between warnings", async () => {
    const { logger, lines } = captureLogs("info");
    let attempts = 0;
    await retryWhileStarting(
      async () => {
        attempts += 1;
        if (attempts > 1) return "up";
        await new Promise((resolve) => setTimeout(resolve, 30));
        throw refused();
      },
      { waitingFor: "Telegram", signal: new AbortController().signal, logger, retryable: isDatabaseUnreachable, delaysMs: [10], message: "waiting for Telegram: cannot reach http://x", fields: { api_root: "http://x" } },
    );
    const [warning] = lines.map((line) => JSON.parse(line) as { msg: string; api_root: string; retry_in_ms: number });
    expect(warning).toMatchObject({ msg: "waiting for Telegram: cannot reach http://x", api_root: "http://x", retry_in_ms: 0 });
  });

  it("fails at once on an error waiting cannot cure", async () => {
    const { logger, lines } = captureLogs("info");
    const wrongToken = telegramError(401);
    await expect(
      retryWhileStarting(() => Promise.reject(wrongToken), {
        waitingFor: "Telegram",
        signal: new AbortController().signal,
        logger,
        retryable: isTelegramUnavailable,
      }),
    ).rejects.toBe(wrongToken);
    expect(lines).toEqual([]);
  });

  it("ends the waiting with StartupCancelled when the signal comes, however long the next wait would be", async () => {
    const { logger } = captureLogs("info");
    const controller = new AbortController();
    const waiting = retryWhileStarting(
      () => {
        setTimeout(() => controller.abort(), 0);
        return Promise.reject(refused());
      },
      { waitingFor: "the database", signal: controller.signal, logger, retryable: isDatabaseUnreachable, delaysMs: [3_600_000] },
    );
    await expect(waiting).rejects.toBeInstanceOf(StartupCancelled);
  });

  it("tells an unreachable service from a broken request", () => {
    expect(isTelegramUnavailable(new HttpError("Network request for 'getMe' failed!", new Error("ECONNREFUSED")))).toBe(true);
    expect(isTelegramUnavailable(telegramError(502))).toBe(true);
    expect(isTelegramUnavailable(telegramError(429))).toBe(true);
    expect(isTelegramUnavailable(telegramError(404))).toBe(false);
    expect(isDatabaseUnreachable(new Error("Database migration unknown failed", { cause: refused() }))).toBe(true);
    expect(isDatabaseUnreachable(new AggregateError([refused()], "all addresses failed"))).toBe(true);
    expect(isDatabaseUnreachable(Object.assign(new Error("the database system is starting up"), { code: "57P03" }))).toBe(true);
    expect(isDatabaseUnreachable(Object.assign(new Error("syntax error"), { code: "42601" }))).toBe(false);
  });
});
