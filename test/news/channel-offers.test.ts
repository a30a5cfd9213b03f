import { afterEach, describe, expect, it } from "vitest";
import { linkCampaignChat } from "../../src/db/repositories/campaign-chats.js";
import { Harness } from "../helpers/harness.js";
import { CAMPAIGN, eventually, followFromCard, importFictionalDirectory, messageContaining, organiserOf, TESTENKO } from "./fixtures.js";
import { publishThroughChat } from "./publish-driver.js";

let h: Harness;
afterEach(async () => h?.stop());

const LINKED_CHANNEL = -1001000000001;
const UNLINKED_CHANNEL = -1001000000002;

async function post(channelId: number, text: string): Promise<void> {
  await h.handled(h.fake.injectChannelPost(channelId, text));
}

async function offers(): Promise<{ chat_id: number; prisoner_slug: string }[]> {
  return h.db.selectFrom("news_channel_offers").select(["chat_id", "prisoner_slug"]).orderBy("id").execute();
}

describe("posts in a campaign's linked channel", () => {
  it("offers a post tagged with a prisoner's hashtag to the campaign's organisers, who publish it without retyping", async () => {
    h = await Harness.start();
    await importFictionalDirectory(h.db);
    const organiser = await organiserOf(h, CAMPAIGN, "en");
    const colleague = await organiserOf(h, CAMPAIGN, "uk");
    const follower = h.user({ languageCode: "en" });
    await followFromCard(follower, TESTENKO.slug);
    h.fake.addChannel({ id: LINKED_CHANNEL, title: "Test campaign news", username: "test_campaign_news" });
    h.fake.addChannel({ id: UNLINKED_CHANNEL, title: "Someone else's channel" });
    await linkCampaignChat(h.db, {
      campaignSlug: CAMPAIGN,
      chatId: LINKED_CHANNEL,
      chatType: "channel",
      title: "Test campaign news",
      locale: "en",
      linkedBy: organiser.id,
      now: h.clock.now(),
    });

    // Posts that are not offered: another chat, no known tag, a prisoner of a campaign this chat is not linked to.
    await post(UNLINKED_CHANNEL, "#Тестенко знову в ШІЗО.");
    await post(LINKED_CHANNEL, "Дякуємо всім за листи! #листи");
    await post(LINKED_CHANNEL, "Новини у справі #Внешнев");
    expect(await offers()).toEqual([]);

    // The tag matches whatever its case, in Cyrillic.
    const text = "Сьогодні #ТЕСТЕНКО знову помістили в ШІЗО на 15 діб. Напишіть йому!\n\n#Тестенко #ШІЗО";
    await post(LINKED_CHANNEL, text);
    const offer = await messageContaining(organiser, "A post in «Test campaign news» mentions Ivan Testenko (#Тестенко)");
    expect(offer.text).toContain(text);
    await messageContaining(colleague, "Допис у «Test campaign news» згадує: Тестенко Іван (#Тестенко)");
    expect(await offers()).toEqual([{ chat_id: LINKED_CHANNEL, prisoner_slug: TESTENKO.slug }]);

    // The same post delivered again by Telegram (a restart before the update was confirmed) is not offered twice.
    const { message_id } = await h.db.selectFrom("news_channel_offers").select("message_id").executeTakeFirstOrThrow();
    const chat = { id: LINKED_CHANNEL, type: "channel" as const, title: "Test campaign news", username: "test_campaign_news" };
    await h.handled(h.fake.injectUpdate({ channel_post: { message_id, chat, sender_chat: chat, date: Math.floor(Date.now() / 1000), text } }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(organiser.messages.filter((m) => m.text?.includes("A post in «Test campaign news»"))).toHaveLength(1);

    await organiser.press("Publish as news");
    expect(organiser.lastText()).toContain("What happened to Ivan Testenko?");
    // Prisoner, text and source come from the post; the organiser only says what happened.
    await publishThroughChat(organiser, { locale: "en", event: "punishment-cell", days: 15 }, { started: true });
    const news = await messageContaining(follower, "Punishment cell for 15 days");
    // The post's hashtags file it in the channel; the news reads as prose without them.
    expect(news.text).toContain("Сьогодні ТЕСТЕНКО знову помістили в ШІЗО на 15 діб. Напишіть йому!");
    expect(news.text).not.toContain("#");
    const link = news.entities?.find((entity) => entity.type === "text_link");
    expect(link && "url" in link ? link.url : undefined).toMatch(/^https:\/\/t\.me\/test_campaign_news\/\d+$/);

    // One post becomes one news item: the colleague's button now says so.
    await colleague.press("Опублікувати як новину");
    expect(colleague.lastCallbackAnswer()).toContain("уже опубліковано як новину");
    await eventually(async () => expect(await h.db.selectFrom("news_posts").select("id").execute()).toHaveLength(1));
  });

  it("refuses the offer button to someone who is not an organiser of the campaign", async () => {
    h = await Harness.start();
    await importFictionalDirectory(h.db);
    const organiser = await organiserOf(h, CAMPAIGN, "en");
    h.fake.addChannel({ id: LINKED_CHANNEL, title: "Test campaign news" });
    await linkCampaignChat(h.db, {
      campaignSlug: CAMPAIGN,
      chatId: LINKED_CHANNEL,
      chatType: "channel",
      title: "Test campaign news",
      locale: "en",
      linkedBy: organiser.id,
      now: h.clock.now(),
    });
    await post(LINKED_CHANNEL, "#Тестенко: суд перенесли.");
    await messageContaining(organiser, "Publish it as case news");
    const [{ id } = { id: 0 }] = await h.db.selectFrom("news_channel_offers").select("id").execute();

    const outsider = h.user({ languageCode: "en" });
    await outsider.send("/start");
    await outsider.pressData(outsider.messages.at(-1)!.message_id, `no:${id}`);
    expect(outsider.lastCallbackAnswer()).toContain("Only organisers of a prisoner's campaign");
    // A forged id is just an old button.
    await outsider.pressData(outsider.messages.at(-1)!.message_id, "no:999999");
    expect(outsider.lastCallbackAnswer()).toContain("This button is out of date");
  });
});
