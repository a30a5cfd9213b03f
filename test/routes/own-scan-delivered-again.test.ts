import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CrashPoint } from "../helpers/crash-point.js";
import { DeliveredAgain } from "../helpers/delivered-again.js";
import type { TestUser } from "../helpers/test-user.js";
import { KAGARLITSKY } from "../letters/flow/helpers.js";

/**
 * Issue 14, item 5, in webhook mode: a writer who sent a letter themselves answers "a reply came for L-…" with the
 * prisoner's reply as a photo, and it is kept for them. When the process dies after it was stored and before the
 * update was recorded handled, Telegram delivers the same message again to the restarted bot, which must keep it once.
 * Its "I sent it" button delivered again (z36a) found the letter sent already and, its refused alert now resent as a
 * message, told the writer "cannot be marked like that": it is answered as marked, which it is.
 */
let bot: DeliveredAgain;
let crash: CrashPoint;
beforeEach(async () => ({ bot, crash } = await DeliveredAgain.withCrashPoint({})));
afterEach(async () => bot.stop());

/** A letter the writer posts themselves, with its status; then their /letters. */
async function ownLetter(writer: TestUser, status: "finished" | "sent"): Promise<void> {
  const at = bot.h.clock.now().toISOString();
  await bot.h.db
    .insertInto("letters")
    .values({ writer_id: writer.id, prisoner_slug: KAGARLITSKY, status, route: "fsin_pismo", reference: "L-2612-ABCD", text: "Здравствуйте!", created_at: at, updated_at: at, finished_at: at })
    .execute();
  await writer.send("/letters");
}

describe("a writer's own reply scan delivered again after the process died once it was kept", () => {
  it("is kept once, and the writer is told it was kept (en)", async () => {
    const h = bot.h;
    const writer = h.user({ languageCode: "en" });
    await writer.send("/start");
    await ownLetter(writer, "sent");
    await writer.press("💌 A reply came: L-2612-ABCD");
    const prompt = writer.messages.at(-1)!;

    crash.arm("seen_updates", "letter_replies");
    await h.handled(h.fake.injectMessage(writer.id, writer.id, { photo: {}, replyToMessageId: prompt.message_id }));
    const update = await bot.lastDelivered();
    expect(crash.struck).toBe(1);
    expect(await bot.deliverAgain(update)).toBe(200);
    expect(writer.lastText()).toBe("Kept with letter L-2612-ABCD. Only you can see it; /forget deletes it.");
    expect(await h.db.selectFrom("letter_replies").select("id").execute()).toHaveLength(1);

    // Another photo answering the same message is another message: kept too.
    await h.handled(h.fake.injectMessage(writer.id, writer.id, { photo: {}, replyToMessageId: prompt.message_id }));
    expect(await h.db.selectFrom("letter_replies").select("id").execute()).toHaveLength(2);
  });

  it("«I sent it» delivered again: «on its way» again, the letter marked once (en)", async () => {
    const h = bot.h;
    const writer = h.user({ languageCode: "en" });
    await writer.send("/start");
    await ownLetter(writer, "finished");
    crash.arm("seen_updates", "letters");
    await writer.press("📮 I sent L-2612-ABCD");
    const update = await bot.lastDelivered();
    expect(crash.struck).toBe(1);
    const marked = await h.db.selectFrom("letters").select(["status", "updated_at"]).where("writer_id", "=", writer.id).execute();
    const shown = writer.messages.length;
    expect(await bot.deliverAgain(update)).toBe(200);
    expect(writer.textsSince(shown)).toEqual(["Noted: letter L-2612-ABCD is on its way. When a reply comes, press «A reply came» in /letters."]);
    expect(await h.db.selectFrom("letters").select(["status", "updated_at"]).where("writer_id", "=", writer.id).execute()).toEqual(marked);
  });
});
