import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CrashPoint } from "../helpers/crash-point.js";
import { DeliveredAgain } from "../helpers/delivered-again.js";
import { KAGARLITSKY } from "../letters/flow/helpers.js";

/**
 * Issue 14, item 5, in webhook mode: a writer who sent a letter themselves answers "a reply came for L-…" with the
 * prisoner's reply as a photo, and it is kept for them. When the process dies after it was stored and before the
 * update was recorded handled, Telegram delivers the same message again to the restarted bot, which must keep it once.
 */
let bot: DeliveredAgain;
let crash: CrashPoint;
beforeEach(async () => ({ bot, crash } = await DeliveredAgain.withCrashPoint({})));
afterEach(async () => bot.stop());

describe("a writer's own reply scan delivered again after the process died once it was kept", () => {
  it("is kept once, and the writer is told it was kept (en)", async () => {
    const h = bot.h;
    const writer = h.user({ languageCode: "en" });
    await writer.send("/start");
    const at = h.clock.now().toISOString();
    await h.db
      .insertInto("letters")
      .values({ writer_id: writer.id, prisoner_slug: KAGARLITSKY, status: "sent", route: "fsin_pismo", reference: "L-2612-ABCD", text: "Здравствуйте!", created_at: at, updated_at: at, finished_at: at })
      .execute();
    await writer.send("/letters");
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
});
