import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CrashPoint } from "../helpers/crash-point.js";
import { DeliveredAgain } from "../helpers/delivered-again.js";
import { ADMIN_ID, settle } from "../organisers/world.js";
import { RUSSIAN_TRANSLATION, translationAskedFor } from "./translation-world.js";

/**
 * Issue 14, item 5, in webhook mode: an organiser's Russian translation answering a letter's card is saved and queued
 * for the writer in one transaction. When the process dies after it committed and before the update was recorded
 * handled, Telegram delivers the same message again to the restarted bot, which must not send the writer the
 * translation a second time (each translation is a version of its own, so a correction does reach the writer).
 */
const CORRECTED = `${RUSSIAN_TRANSLATION} Обнимаем.`;

let bot: DeliveredAgain;
let crash: CrashPoint;
beforeEach(async () => ({ bot, crash } = await DeliveredAgain.withCrashPoint({ admins: [ADMIN_ID] })));
afterEach(async () => bot.stop());

describe("an organiser's translation delivered again after the process died once it was saved", () => {
  it("reaches the writer once; the organiser is told it was saved; a later correction still reaches the writer (en)", async () => {
    const h = bot.h;
    const { desk, writer, letter, card } = await translationAskedFor(h);
    const before = writer.messages.length;
    const received = (text: string) => writer.textsSince(before).filter((sent) => sent === text);

    crash.arm("seen_updates", "outbox");
    await h.handled(h.fake.injectMessage(ADMIN_ID, desk, { text: RUSSIAN_TRANSLATION, replyToMessageId: card.message_id }));
    const update = await bot.lastDelivered();
    expect(crash.struck).toBe(1);
    await settle(h);
    expect(received(RUSSIAN_TRANSLATION)).toHaveLength(1);

    expect(await bot.deliverAgain(update)).toBe(200);
    expect(h.fake.lastMessage(desk)?.text).toContain(`✅ Translation of ${letter.reference} saved`);
    await settle(h);
    expect(received(RUSSIAN_TRANSLATION)).toHaveLength(1);
    expect(await h.db.selectFrom("outbox").select("ref").where("ref", "like", "translation:%").execute()).toHaveLength(2);
    expect(await h.db.selectFrom("audit_log").select("action").where("action", "=", "letter.translated").execute()).toHaveLength(1);

    await h.handled(h.fake.injectMessage(ADMIN_ID, desk, { text: CORRECTED, replyToMessageId: card.message_id }));
    await settle(h);
    expect(received(CORRECTED)).toHaveLength(1);
    const saved = await h.db.selectFrom("letter_translations").select("text").where("letter_id", "=", letter.id).executeTakeFirstOrThrow();
    expect(saved.text).toBe(CORRECTED);
  });
});
