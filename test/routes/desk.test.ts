import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { markChatBroken } from "../../src/db/repositories/campaign-chats.js";
import { getDesk } from "../../src/db/repositories/desk.js";
import { alertChatBroken } from "../../src/services/relay/notices.js";
import { Harness } from "../helpers/harness.js";
import { someoneWaitsForALock } from "../helpers/postgres-locks.js";
import { onPostgres, postgresOnly } from "../helpers/skip-reason.js";
import { expectNoFailures, onlyLetter, textOf } from "../letters/flow/helpers.js";
import type { TestUser } from "../helpers/test-user.js";
import { ADMIN_ID, linkDesk, newChannelId, organiser, sendIn, settle } from "../organisers/world.js";

/** Kamardin's last known SIZO is not believed current: no FSIN-pismo or post route, and no campaign chat is linked. */
const KAMARDIN = "kamardin-artem";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start({ admins: [ADMIN_ID] });
});
afterEach(async () => h.stop());


/**
 * A writer without a Russian card writes a short letter to Kamardin and signs it; the organisers being the only route,
 * it is taken without a question (issue 15). Returns what the bot said about it.
 */
async function writeToKamardin(writer: TestUser): Promise<string> {
  await writer.send(`/start w_${KAMARDIN}`);
  await writer.send("Здравствуйте, Артём! Пишу Вам после работы.");
  await writer.press("Done");
  await writer.send("Olena");
  return textOf(await writer.press("No, only this letter"));
}

describe("the organisation desk", () => {
  it("receives exactly once the letter of a writer whose addressee's campaign has no chat, and the reply photo goes back", async () => {
    const admin = h.user({ id: ADMIN_ID, languageCode: "en" });
    await admin.send("/start");
    const desk = await linkDesk(h, admin);
    expect(await getDesk(h.db)).toMatchObject({ chat_id: desk, status: "ok", linked_by: ADMIN_ID });

    const writer = h.user({ languageCode: "en" });
    const advice = await writeToKamardin(writer);
    expect(advice).toContain("goes to the organisation desk");
    expect(advice).toContain("Why through the desk");
    await writer.press(/^No/);
    const letter = await onlyLetter(h, writer.id);
    expect(letter).toMatchObject({ status: "relayed", route: "organisers" });
    await settle(h);

    const posts = h.fake.messages(desk).filter((message) => message.text?.includes(letter.reference!));
    expect(posts.map((post) => post.text?.split("\n")[0])).toEqual([`✉️ Letter ${letter.reference}`, `${letter.reference} · 1/1`]);
    const card = posts[0]!;
    expect(card.text).toContain("Organisation desk");

    // A member of the desk who is neither admin nor organiser cannot pass anything to the writer.
    const stranger = h.user({ languageCode: "en" });
    h.fake.setMember(desk, stranger.id, "member");
    await h.handled(h.fake.injectMessage(stranger.id, desk, { photo: {}, replyToMessageId: card.message_id }));
    expect(h.fake.lastMessage(desk)?.text).toBe("Only organisers of this letter's campaign can pass a reply on to its writer.");
    // A photo in reply to one of the bot's messages that is not a card is explained, not lost silently.
    const linkedNote = h.fake.messages(desk).find((message) => message.text?.startsWith("Done"))!;
    await h.handled(h.fake.injectMessage(ADMIN_ID, desk, { photo: {}, replyToMessageId: linkedNote.message_id }));
    expect(h.fake.lastMessage(desk)?.text).toContain("This is not a letter's card.");

    const before = writer.messages.length;
    await h.handled(h.fake.injectMessage(ADMIN_ID, desk, { photo: { bytes: Buffer.from("scan of the answer") }, replyToMessageId: card.message_id }));
    expect(h.fake.lastMessage(desk)?.text).toBe(`✅ Passed on to the writer of ${letter.reference}.`);
    await settle(h);
    const received = writer.messages.slice(before);
    expect(received).toHaveLength(1);
    expect(received[0]?.photo).toBeDefined();
    expect(received[0]?.caption).toBe(`💌 A reply to your letter ${letter.reference} to Artem Kamardin has arrived. Here it is, as the organisers received it.`);
    const replies = await h.db.selectFrom("letter_replies").selectAll().execute();
    expect(replies).toMatchObject([{ letter_id: letter.id, writer_id: writer.id, kind: "photo", from_chat_id: desk, posted_by: ADMIN_ID }]);
    // Nothing the writer wrote reached the logs.
    expect(h.logs.join("\n")).not.toContain("после работы");
    expectNoFailures(h);
  });

  it("is linked by admins only; without a desk the writer is told honestly that nobody here can pass the letter on", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const group = newChannelId();
    h.fake.addGroup({ id: group, title: "Some group", type: "supergroup" });
    h.fake.setMember(group, boss.id, "creator");
    await sendIn(h, boss, group, "/link desk");
    expect(h.fake.lastMessage(group)?.text).toBe("Only an admin of this bot can link the organisation desk.");
    expect(await getDesk(h.db)).toBeUndefined();

    // No desk and no campaign chat: the refusal says so and is not a dead end.
    const writer = h.user({ languageCode: "uk" });
    await writer.send(`/start w_${KAMARDIN}`);
    const refusal = writer.lastText();
    expect(refusal).toContain("Безпечна адреса поки невідома");
    expect(refusal).toContain("У цього бота немає приймальні організації");
    expect(refusal).toContain("Сервіси, що доставляють листи людям, яких утримує Росія");
    const buttons = writer.buttons();
    expect(buttons).toEqual(expect.arrayContaining(["🔗 «ОВД-Інфо»: Letters Now", "🔔 Стежити за справою", "📋 Огляд"]));
    const neighbour = buttons.find((label) => label.startsWith("✍️ Написати:"));
    expect(neighbour).toBeDefined();
    await writer.press("🔔 Стежити за справою");
    expect(await h.db.selectFrom("news_follows").select(["target_type", "target_slug"]).where("user_id", "=", writer.id).execute()).toEqual([{ target_type: "prisoner", target_slug: KAMARDIN }]);
    await writer.press(neighbour!);
    expect(writer.lastText()).not.toContain("Безпечна адреса поки невідома");
    expectNoFailures(h);
  });

  it("stops offering a desk the bot was removed from, alerts the admins, and offers it again once the bot is back", async () => {
    const admin = h.user({ id: ADMIN_ID, languageCode: "en" });
    await admin.send("/start");
    const desk = await linkDesk(h, admin);
    await h.handled(h.fake.injectMyChatMember({ chatId: desk, fromUserId: ADMIN_ID, status: "kicked" }));
    expect((await getDesk(h.db))?.status).toBe("broken");
    await settle(h);
    expect(admin.lastText()).toContain("I can no longer post to «Lysty desk», where letters for Organisation desk arrive.");

    // Broken desk: the writer is not offered it, and the refusal offers something else to do.
    const writer = h.user({ languageCode: "en" });
    await writer.send(`/start w_${KAMARDIN}`);
    expect(writer.lastText()).toContain("You cannot write to");
    expect(writer.buttons()).toContain("📋 Browse");
    await writer.press("📋 Browse");
    expect(writer.buttons().length).toBeGreaterThan(0);

    // The bot is added back: the desk works again and is offered again.
    await h.handled(h.fake.injectMyChatMember({ chatId: desk, fromUserId: ADMIN_ID, status: "member" }));
    expect((await getDesk(h.db))?.status).toBe("ok");
    expect(await writeToKamardin(writer)).toContain("goes to the organisation desk");
    expectNoFailures(h);
  });

  it.skipIf(!onPostgres)(postgresOnly("a desk lost by two sessions at once (a refused post and the bot's removal) alerts the admins once"), async () => {
    const admin = h.user({ id: ADMIN_ID, languageCode: "en" });
    await admin.send("/start");
    const desk = await linkDesk(h, admin);
    const alerts = () => admin.messages.filter((message) => message.text?.includes("I can no longer post to «Lysty desk»")).length;
    // Another instance's outbox found the desk refusing a post and, as its handler does, marks it broken and alerts;
    // its transaction is still open when the bot learns of its removal.
    const outbox = await h.db.startTransaction().execute();
    const now = h.clock.now();
    expect(await markChatBroken(outbox, desk, "403: Forbidden: bot was kicked", now)).toEqual(["desk"]);
    await alertChatBroken(outbox, { chatId: desk, title: "Lysty desk", campaignSlugs: ["desk"], lastError: "403: Forbidden: bot was kicked", admins: [ADMIN_ID], now });
    const removal = h.handled(h.fake.injectMyChatMember({ chatId: desk, fromUserId: ADMIN_ID, status: "kicked" }));
    await someoneWaitsForALock(h.db, "organisation_desk");
    await outbox.commit().execute();
    await removal;
    await settle(h);
    expect((await getDesk(h.db))?.status).toBe("broken");
    expect(alerts()).toBe(1);
    expectNoFailures(h);
  });
});
