import { Api, Context } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getPrisonerBySlug } from "../../src/db/repositories/prisoners.js";
import { pressedMessage, pressedMessageId } from "../../src/bot/flows/index.js";
import type { ServiceDeps } from "../../src/services/deps.js";
import { submitSuggestion } from "../../src/services/directory/suggestions.js";
import { correctionAccess, saveCorrection } from "../../src/services/organisers/corrections.js";
import { actor } from "../../src/services/organisers/roles.js";
import { Harness } from "../helpers/harness.js";
import { captureLogs } from "../helpers/log-capture.js";
import { auditActions, organiser } from "../organisers/world.js";

/**
 * A press on a message the bot's answer to an inline query put in some chat carries `inline_message_id` and no
 * `message`. The actions done once per press (a /setstatus or /move Save, a "Send to organisers" of someone not
 * listed) are keyed to the pressed message; such a press has none, and is an action of its own: not keyed to a
 * stand-in id (it was 0), which made a second such press read as the first delivered again.
 */
const me = { id: 1, is_bot: true, first_name: "Lysty", username: "lysty_bot" } as UserFromGetMe;
const from = { id: 7, is_bot: false, first_name: "Anna" };

const contextOf = (update: Update) => new Context(update, new Api("0:test"), me);

describe("the pressed message (flow kit)", () => {
  it("is undefined for a press on a message sent in inline mode, and for an update that is no press", () => {
    const inline = contextOf({ update_id: 1, callback_query: { id: "q1", from, chat_instance: "c", inline_message_id: "AAA", data: "orc:abcde:save:-" } });
    expect(pressedMessage(inline)).toBeUndefined();
    expect(pressedMessageId(inline)).toBeUndefined();
    const text = contextOf({ update_id: 2, message: { message_id: 5, date: 0, chat: { id: 7, type: "private", first_name: "Anna" }, from, text: "hi" } });
    expect(pressedMessage(text)).toBeUndefined();
  });

  it("is the chat and id of the message whose button was pressed", () => {
    const message = { message_id: 42, date: 0, chat: { id: 7, type: "private" as const, first_name: "Anna" }, from: { ...me }, text: "Save?" };
    const press = contextOf({ update_id: 3, callback_query: { id: "q2", from, chat_instance: "c", message, data: "orc:abcde:save:-" } });
    expect(pressedMessage(press)).toEqual({ chatId: 7, messageId: 42 });
    expect(pressedMessageId(press)).toBe(42);
  });
});

describe("two presses with no message are two actions, not one press delivered again", () => {
  let h: Harness;
  let deps: ServiceDeps;
  beforeEach(async () => {
    h = await Harness.start({ newsScheduler: "manual" });
    deps = { config: h.config, db: h.db, clock: h.clock, logger: captureLogs().logger };
  });
  afterEach(async () => h.stop());

  const SLUG = "kagarlitsky-boris";
  const SOURCE = "https://example.org/news/kagarlitsky";

  it("/setstatus Save twice: both saved, each with its own audit entry", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const who = actor(boss.id, []);
    const save = async (status: "released" | "sentenced", asOf: string) => {
      const access = await correctionAccess(deps, who, SLUG, "en");
      if (access.kind !== "ok") throw new Error(`no access: ${access.kind}`);
      return saveCorrection(deps, who, { target: access.target, change: { kind: "status", status }, asOf, sourceUrl: SOURCE, pressMessageId: undefined });
    };

    expect(await save("released", "2026-02")).toBe("changed");
    // Keyed to a stand-in id, this press found the first one's entry and answered "changed" with nothing saved.
    expect(await save("sentenced", "2026-03")).toBe("changed");
    expect((await getPrisonerBySlug(h.db, SLUG))?.status).toMatchObject({ value: "sentenced", asOf: "2026-03" });
    expect(await auditActions(h, `prisoner:${SLUG}`)).toEqual(["prisoner.status", "prisoner.status"]);
    const keys = await h.db.selectFrom("audit_log").select("press_message_id").where("target", "=", `prisoner:${SLUG}`).execute();
    expect(keys).toEqual([{ press_message_id: null }, { press_message_id: null }]);
  });

  it("\"Send to organisers\" of two people not listed: two reviews, two cards", async () => {
    const writer = h.user({ languageCode: "en" });
    await writer.send("/start");
    const send = (surname: string) =>
      submitSuggestion(h.db, {
        by: writer.id,
        suggestion: { name: { surname, given: "Ivan", patronymic: null }, birthYear: 1980, gender: "male", institution: "ik-4-torzhok" },
        now: h.clock.now(),
        requestMessageId: undefined,
      });

    const first = await send("Petrov");
    const second = await send("Sidorov");
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.reviewId).not.toBe(first.reviewId);
    expect(second.slug).not.toBe(first.slug);
    const reviews = await h.db.selectFrom("directory_reviews").select(["id", "request_message_id"]).where("submitted_by", "=", writer.id).orderBy("id").execute();
    expect(reviews).toEqual([
      { id: first.reviewId, request_message_id: null },
      { id: second.reviewId, request_message_id: null },
    ]);
  });
});
