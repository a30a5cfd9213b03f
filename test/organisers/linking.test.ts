import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getCampaignChat } from "../../src/db/repositories/campaign-chats.js";
import { hasOrganiserRelay } from "../../src/services/relay/relay-letter.js";
import { Harness } from "../helpers/harness.js";
import { ADMIN_ID, auditActions, CAMPAIGN, linkedGroup, newChannelId, organiser, PRISONER, relayLetter, sendIn, settle } from "./world.js";

let h: Harness;
beforeEach(async () => {
  h = await Harness.start({ admins: [ADMIN_ID] });
});
afterEach(async () => h.stop());

describe("linking a channel from a private chat", () => {
  it("says exactly which right is missing, and links once the bot may post", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const channel = newChannelId();
    h.fake.addChannel({ id: channel, title: "Letters desk", username: "letters_desk" });
    h.fake.setMember(channel, boss.id, "creator");

    h.fake.setMember(channel, h.fake.botId, "member");
    await boss.send(`/link ${CAMPAIGN} @letters_desk`);
    expect(boss.lastText()).toBe(
      "In the channel «Letters desk» I am not an administrator, so I cannot post. Make me an administrator with the right to post messages, then send /link again.",
    );
    h.fake.setMember(channel, h.fake.botId, "administrator", { can_post_messages: false });
    await boss.send(`/link ${CAMPAIGN} @letters_desk`);
    expect(boss.lastText()).toContain("I am an administrator but without the right to post messages");
    h.fake.setMember(channel, h.fake.botId, "left");
    await boss.send(`/link ${CAMPAIGN} ${channel}`);
    expect(boss.lastText()).toContain("I cannot see that chat");
    expect(await getCampaignChat(h.db, CAMPAIGN)).toBeUndefined();
    expect(await hasOrganiserRelay(h.db, PRISONER)).toBe(false);

    h.fake.setMember(channel, h.fake.botId, "administrator");
    await boss.send(`/link ${CAMPAIGN} @letters_desk`);
    // A channel is readable by anyone: nothing is linked until the organiser says so explicitly.
    expect(boss.lastText()).toContain("«Letters desk» is public");
    expect(await getCampaignChat(h.db, CAMPAIGN)).toBeUndefined();
    await boss.press("Yes, public");
    expect(boss.lastText()).toBe("Done: relayed letters for «Open letter of Russian political prisoners (July 2025)» now arrive in «Letters desk».");
    expect(await getCampaignChat(h.db, CAMPAIGN)).toMatchObject({ chat_id: channel, chat_type: "channel", status: "ok", linked_by: boss.id });
    expect(await auditActions(h, `campaign:${CAMPAIGN}`)).toEqual(["chat.link"]);

    const writer = h.user({ languageCode: "uk" });
    await writer.send("/start");
    const letter = await relayLetter(h, writer, { text: "Письмо в канал." });
    await settle(h);
    const posts = h.fake.messages(channel);
    expect(posts.map((post) => post.text?.split("\n")[0])).toEqual([`✉️ Letter ${letter.reference}`, `${letter.reference} · 1/1`]);
    expect(posts[0]?.sender_chat?.id).toBe(channel);
  });

  it("refuses people who do not run the channel or do not organise the campaign, and explains usage", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const channel = newChannelId();
    h.fake.addChannel({ id: channel, title: "Someone else's channel", username: "not_ours" });
    await boss.send(`/link ${CAMPAIGN} @not_ours`);
    expect(boss.lastText()).toContain("Only an administrator of this chat can link it");

    const outsider = h.user({ languageCode: "en" });
    h.fake.setMember(channel, outsider.id, "creator");
    await outsider.send(`/link ${CAMPAIGN} @not_ours`);
    expect(outsider.lastText()).toBe("You are not an organiser of the campaign «open-letter-2025».");
    // Someone with no role is told what organiser tools are and how to get an invite, not how to link a chat.
    await outsider.send("/link");
    expect(outsider.lastText()).toBe("This is a tool for campaign organisers. If you organise letters for a campaign, ask an administrator for an invite link.");
    await boss.send("/link no-such-campaign @not_ours");
    expect(boss.lastText()).toContain("There is no campaign «no-such-campaign»");
    expect(await getCampaignChat(h.db, CAMPAIGN)).toBeUndefined();
  });
});

describe("linking a group and the bot's membership", () => {
  it("links from inside the group; a member who is not an organiser is refused there", async () => {
    const boss = await organiser(h, { languageCode: "uk" });
    const group = -1_002_000_000_001;
    h.fake.addGroup({ id: group, title: "Організатори", type: "group" });
    const member = h.user({ languageCode: "en" });
    h.fake.setMember(group, member.id, "administrator");
    await sendIn(h, member, group, `/link ${CAMPAIGN}`);
    expect(h.fake.lastMessage(group)?.text).toBe("You are not an organiser of the campaign «open-letter-2025».");
    await sendIn(h, boss, group, `/link ${CAMPAIGN}`);
    expect(h.fake.lastMessage(group)?.text).toContain("Під'єднати чат може лише його адміністратор");
    h.fake.setMember(group, boss.id, "administrator");
    await sendIn(h, boss, group, "/link");
    expect(h.fake.lastMessage(group)?.text).toContain("Надішліть /link та ідентифікатор кампанії");
    await sendIn(h, boss, group, `/link@lysty_test_bot ${CAMPAIGN}`);
    expect(h.fake.lastMessage(group)?.text).toContain("Готово: листи для кампанії «Відкритий лист");
    expect((await getCampaignChat(h.db, CAMPAIGN))?.chat_type).toBe("group");
  });

  it("marks the link broken when the bot is removed (organisers alerted) and working again when it is back", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const group = await linkedGroup(h, boss);
    await h.handled(h.fake.injectMyChatMember({ chatId: group, fromUserId: boss.id, status: "kicked" }));
    expect((await getCampaignChat(h.db, CAMPAIGN))?.status).toBe("broken");
    expect(await hasOrganiserRelay(h.db, PRISONER)).toBe(false);
    await settle(h);
    expect(boss.lastText()).toContain("I can no longer post to «Листи до Кагарлицького»");
    expect(boss.lastText()).toContain("I was removed from the chat");

    await h.handled(h.fake.injectMyChatMember({ chatId: group, fromUserId: boss.id, status: "member" }));
    expect((await getCampaignChat(h.db, CAMPAIGN))?.status).toBe("ok");
    expect(await hasOrganiserRelay(h.db, PRISONER)).toBe(true);
    expect(await auditActions(h, `chat:${group}`)).toEqual(["chat.bot_lost_rights", "chat.bot_restored"]);
  });

  it("demotion in a channel (no right to post) breaks the link too", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const channel = newChannelId();
    h.fake.addChannel({ id: channel, title: "Desk", username: "desk_channel" });
    h.fake.setMember(channel, boss.id, "creator");
    await boss.send(`/link ${CAMPAIGN} @desk_channel`);
    await boss.press("Yes, public");
    await h.handled(h.fake.injectMyChatMember({ chatId: channel, fromUserId: boss.id, status: "administrator", rights: { can_post_messages: false } }));
    expect((await getCampaignChat(h.db, CAMPAIGN))?.status).toBe("broken");
    await settle(h);
    expect(boss.lastText()).toContain("I lack the right to post there");
  });

  it("unlinks: writers are no longer offered the route", async () => {
    const boss = await organiser(h, { languageCode: "en" });
    const group = await linkedGroup(h, boss);
    await sendIn(h, boss, group, `/unlink ${CAMPAIGN}`);
    expect(h.fake.lastMessage(group)?.text).toContain("no longer relays letters to this chat");
    expect(await getCampaignChat(h.db, CAMPAIGN)).toBeUndefined();
    expect(await hasOrganiserRelay(h.db, PRISONER)).toBe(false);
    await boss.send(`/unlink ${CAMPAIGN}`);
    expect(boss.lastText()).toContain("has no chat linked here");
  });
});
