import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { linkCampaignChat } from "../../src/db/repositories/campaign-chats.js";
import { createLogger } from "../../src/logger.js";
import { reviewPublicLinks } from "../../src/services/relay/public-links.js";
import { Harness } from "../helpers/harness.js";
import type { TestUser } from "../helpers/test-user.js";
import { lettersOf, onlyLetter } from "../letters/flow/helpers.js";
import { ADMIN_ID, CAMPAIGN, newChannelId, organiser, settle } from "../organisers/world.js";


const silentLogger = createLogger("silent");

let h: Harness;
beforeEach(async () => {
  h = await Harness.start({ admins: [ADMIN_ID] });
});
afterEach(async () => h.stop());

/** A link as the version before the public-chat question made it: nothing recorded about who can read the chat. */
async function oldLink(campaign: string, chatId: number, chatType: "supergroup" | "channel", linkedBy: number): Promise<void> {
  await linkCampaignChat(h.db, { campaignSlug: campaign, chatId, chatType, title: null, locale: "uk", linkedBy, now: h.clock.now() });
}

describe("links made before the public-chat question", () => {
  it("a public channel is flagged to its organisers and the admins once after the upgrade, a private group is not", async () => {
    const owner = await organiser(h, { languageCode: "en" });
    const admin = h.user({ id: ADMIN_ID, languageCode: "uk" });
    await admin.send("/start");
    const channel = newChannelId();
    h.fake.addChannel({ id: channel, title: "Open letters", username: "open_letters_2025" });
    h.fake.setMember(channel, h.fake.botId, "administrator", { can_post_messages: true });
    await oldLink(CAMPAIGN, channel, "channel", owner.id);
    const privateGroup = newChannelId();
    h.fake.addGroup({ id: privateGroup, title: "Crimea letters", type: "supergroup" });
    h.fake.setMember(privateGroup, h.fake.botId, "member");
    await oldLink("crimean-political-prisoners", privateGroup, "supergroup", owner.id);

    await h.restart();
    await settle(h);
    const flagged = owner.messages.filter((message) => message.text?.includes("is a public chat"));
    expect(flagged.map((message) => message.text)).toEqual([
      "⚠️ «Open letters», which receives letters for Open letter of Russian political prisoners (July 2025), is a public chat: anyone can read what is posted there, letters included. It was linked before Lysty asked about public chats. To keep letters private, link a private group with /link or make this chat private.",
    ]);
    expect(admin.messages.filter((message) => message.text?.includes("публічний чат"))).toHaveLength(1);
    const rows = await h.db.selectFrom("campaign_chats").select(["campaign_slug", "public"]).orderBy("campaign_slug").execute();
    expect(rows).toEqual([
      { campaign_slug: "crimean-political-prisoners", public: 0 },
      { campaign_slug: CAMPAIGN, public: 1 },
    ]);

    // Told once: the next start does not ask Telegram again and says nothing more.
    await h.restart();
    await settle(h);
    expect(owner.messages.filter((message) => message.text?.includes("is a public chat"))).toHaveLength(1);
  });

  it("instances starting together flag a public chat once between them", async () => {
    const owner = await organiser(h, { languageCode: "en" });
    const channel = newChannelId();
    h.fake.addChannel({ id: channel, title: "Open letters", username: "open_letters_2025" });
    h.fake.setMember(channel, h.fake.botId, "administrator", { can_post_messages: true });
    await oldLink(CAMPAIGN, channel, "channel", owner.id);
    // Two reviews at once, as two instances would run at start-up, each having read the link as unchecked.
    const review = () =>
      reviewPublicLinks({ api: h.running.bot.api, db: h.db, admins: [ADMIN_ID], clock: h.clock, logger: silentLogger });
    await Promise.all([review(), review()]);
    await settle(h);
    expect(owner.messages.filter((message) => message.text?.includes("is a public chat"))).toHaveLength(1);
  });

  it("a chat the bot cannot reach now stays unchecked and is looked at again at the next start", async () => {
    const owner = await organiser(h, { languageCode: "en" });
    const chatId = newChannelId();
    await oldLink(CAMPAIGN, chatId, "supergroup", owner.id);
    await h.restart();
    const row = await h.db.selectFrom("campaign_chats").select("public").where("campaign_slug", "=", CAMPAIGN).executeTakeFirstOrThrow();
    expect(row.public).toBeNull();
    expect(h.logs.some((line) => line.includes("linked chat not reachable"))).toBe(true);
  });
});

/** A writer writes a Russian letter to Kamardin (campaign open-letter-2025; no FSIN-pismo or post route). */
async function writeToKamardin(writer: TestUser): Promise<void> {
  await writer.send("/start w_kamardin-artem");
  await writer.send("Здравствуйте, Артём! Пишу Вам после работы.");
  await writer.press("Done");
  await writer.send("Olena Kovalenko");
  // The organisers are Kamardin's only route: it is taken without a question (issue 15).
  await writer.press("No, only this letter");
}

describe("a letter for a public chat", () => {
  it("warns the writer before anything is queued, naming the chat and the signature; cancel keeps the draft, 'without my name' hides it", async () => {
    const channel = newChannelId();
    h.fake.addChannel({ id: channel, title: "Open letters", username: "open_letters_2025" });
    h.fake.setMember(channel, h.fake.botId, "administrator", { can_post_messages: true });
    await linkCampaignChat(h.db, { campaignSlug: CAMPAIGN, chatId: channel, chatType: "channel", title: "Open letters", locale: "en", linkedBy: 1, public: true, now: h.clock.now() });

    const writer = h.user({ languageCode: "en", firstName: "Olena" });
    await writeToKamardin(writer);
    expect(writer.lastText()).toBe(
      "⚠️ Letters to this person go to «Open letters», a public chat: anyone can read what is posted there, including your letter and its signature «Olena Kovalenko». Choose whether your Telegram name is shown as well. If the signature is your real name and you do not want it public, cancel and sign with another name.",
    );
    expect(writer.buttons()).toEqual(["Send without my Telegram name", "Send with my Telegram name", "Cancel: do not send"]);
    await writer.press("Cancel: do not send");
    expect(writer.lastText()).toBe("Nothing was sent. Your draft is kept: /letters.");
    expect((await lettersOf(h, writer.id)).map((letter) => letter.status)).toEqual(["draft"]);
    await settle(h);
    expect(h.fake.messages(channel)).toEqual([]);

    await writer.send("/start w_kamardin-artem");
    await writer.press("Done");
    await writer.send("Olena Kovalenko");
    await writer.press("No, only this letter");
    await writer.press("Send without my Telegram name");
    const letter = await onlyLetter(h, writer.id);
    expect(letter).toMatchObject({ status: "relayed", share_identity: 0 });
    await settle(h);
    const card = h.fake.messages(channel).find((message) => message.text?.startsWith(`✉️ Letter ${letter.reference}`));
    expect(card?.text).toContain("Writer in Telegram: not shared");
  });
});
