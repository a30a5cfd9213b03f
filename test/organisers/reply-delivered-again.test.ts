import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CrashPoint } from "../helpers/crash-point.js";
import { DeliveredAgain } from "../helpers/delivered-again.js";
import type { Harness } from "../helpers/harness.js";
import { ADMIN_ID, linkedGroup, organiser, relayLetter, settle } from "./world.js";

/**
 * Issue 14, item 5, in webhook mode: an organiser's reply to a letter's card (the prisoner's answer, a photo) is
 * recorded and copied to the writer in one transaction; when the process dies after it committed and before the
 * update was recorded handled, Telegram delivers the same message again to the restarted bot, which must not pass it
 * on a second time.
 */
let bot: DeliveredAgain;
let h: Harness;
let crash: CrashPoint;
beforeEach(async () => {
  crash = new CrashPoint();
  bot = await DeliveredAgain.start({ admins: [ADMIN_ID], dbPlugins: [crash] });
  h = bot.h;
});
afterEach(async () => bot.stop());

describe("an organiser's reply delivered again after the process died once it was passed on", () => {
  it("reaches the writer once, and the organiser is told it was passed on (en)", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const group = await linkedGroup(h, boss);
    const writer = h.user({ languageCode: "en" });
    await writer.send("/start");
    const letter = await relayLetter(h, writer, { text: "Здравствуйте, Борис Юльевич!" });
    await settle(h);
    const card = h.fake.messages(group).find((message) => message.text?.includes(letter.reference ?? "?"))!;
    const before = writer.messages.length;

    crash.arm("seen_updates", "letter_replies");
    await h.handled(h.fake.injectMessage(boss.id, group, { photo: { bytes: Buffer.from("scan") }, replyToMessageId: card.message_id }));
    const update = await bot.lastDelivered();
    expect(crash.struck).toBe(1);
    await settle(h);
    expect(writer.messages.slice(before).filter((message) => message.photo)).toHaveLength(1);

    expect(await bot.deliverAgain(update)).toBe(200);
    expect(h.fake.lastMessage(group)?.text).toBe(`✅ Passed on to the writer of ${letter.reference}.`);
    await settle(h);
    expect(writer.messages.slice(before).filter((message) => message.photo)).toHaveLength(1);
    expect(await h.db.selectFrom("letter_replies").select("letter_id").execute()).toHaveLength(1);
  });
});
