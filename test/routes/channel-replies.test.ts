import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { linkCampaignChat } from "../../src/db/repositories/campaign-chats.js";
import { Harness } from "../helpers/harness.js";
import { ADMIN_ID, CAMPAIGN, newChannelId, organiser, relayLetter, settle } from "../organisers/world.js";


let h: Harness;
beforeEach(async () => {
  h = await Harness.start({ admins: [ADMIN_ID] });
});
afterEach(async () => h.stop());

describe("replies to a letter posted in a channel", () => {
  it("come from the channel's discussion group, with the same role checks, and reach the writer", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const channel = newChannelId();
    h.fake.addChannel({ id: channel, title: "Open letters" });
    h.fake.setMember(channel, h.fake.botId, "administrator", { can_post_messages: true });
    const discussion = newChannelId();
    h.fake.addGroup({ id: discussion, title: "Open letters chat", type: "supergroup" });
    h.fake.setMember(discussion, h.fake.botId, "administrator");
    h.fake.setMember(discussion, boss.id, "administrator");
    h.fake.linkDiscussion(channel, discussion);
    await linkCampaignChat(h.db, { campaignSlug: CAMPAIGN, chatId: channel, chatType: "channel", title: "Open letters", locale: "en", linkedBy: boss.id, public: true, now: h.clock.now() });

    const writer = h.user({ languageCode: "en" });
    await writer.send("/start");
    const letter = await relayLetter(h, writer, { text: "Здравствуйте, Борис Юльевич!" });
    await settle(h);
    const card = h.fake.messages(channel).find((message) => message.text?.startsWith(`✉️ Letter ${letter.reference}`))!;
    const copy = h.fake.discussionCopy(channel, card.message_id)!;
    expect(copy.is_automatic_forward).toBe(true);

    // A member of the discussion group who organises nothing cannot pass anything on.
    const stranger = h.user({ languageCode: "en" });
    h.fake.setMember(discussion, stranger.id, "member");
    await h.handled(h.fake.injectMessage(stranger.id, discussion, { photo: {}, replyToMessageId: copy.message_id }));
    expect(h.fake.lastMessage(discussion)?.text).toBe("Only organisers of this letter's campaign can pass a reply on to its writer.");

    const before = writer.messages.length;
    await h.handled(h.fake.injectMessage(boss.id, discussion, { photo: { bytes: Buffer.from("scan") }, replyToMessageId: copy.message_id }));
    expect(h.fake.lastMessage(discussion)?.text).toBe(`✅ Passed on to the writer of ${letter.reference}.`);
    await settle(h);
    const received = writer.messages.slice(before);
    expect(received).toHaveLength(1);
    expect(received[0]?.photo).toBeDefined();
    expect(received[0]?.caption).toContain(`A reply to your letter ${letter.reference} to Boris Kagarlitsky has arrived`);
    const stored = await h.db.selectFrom("letter_replies").select(["from_chat_id", "posted_by"]).execute();
    expect(stored).toEqual([{ from_chat_id: discussion, posted_by: boss.id }]);
  });
});
