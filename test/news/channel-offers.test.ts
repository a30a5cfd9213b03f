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

/** LINKED_CHANNEL becomes the campaign's chat, as `/link` leaves it. */
async function linkChannel(linkedBy: number, locale: string): Promise<void> {
  await linkCampaignChat(h.db, { campaignSlug: CAMPAIGN, chatId: LINKED_CHANNEL, chatType: "channel", title: "Test campaign news", locale, linkedBy, now: h.clock.now() });
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
    await linkChannel(organiser.id, "en");

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
    await linkChannel(organiser.id, "en");
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

  it("stores a post under the language it is written in, not the organiser's, and asks with buttons when unsure", async () => {
    h = await Harness.start();
    await importFictionalDirectory(h.db);
    const organiser = await organiserOf(h, CAMPAIGN, "uk");
    h.fake.addChannel({ id: LINKED_CHANNEL, title: "Test campaign news" });
    await linkChannel(organiser.id, "uk");
    const addLanguage = (language: string) => `Додати ${language}`;

    await post(LINKED_CHANNEL, "Сегодня #Тестенко снова поместили в ШИЗО на 15 суток. Напишите ему!");
    await messageContaining(organiser, "Допис у «Test campaign news» згадує");
    await organiser.press("Опублікувати як новину");
    await organiser.press("ШІЗО");
    await organiser.send("15");
    expect(organiser.buttons()).toEqual([addLanguage("українською"), addLanguage("англійською"), "Далі ▶️"]);
    await organiser.press("Далі ▶️");
    await organiser.send("https://example.org/testenko");
    expect(organiser.messages.some((message) => message.text?.includes("підписники, які читають російською"))).toBe(true);
    await organiser.press("Опублікувати");
    await eventually(async () => expect(await h.db.selectFrom("news_posts").select("author_locale").execute()).toEqual([{ author_locale: "ru" }]));

    // Too little to tell Russian from Ukrainian: the organiser says, with a button; a typed answer gets the hint.
    await post(LINKED_CHANNEL, "Суд перенесли на 12 марта. Приходите поддержать! #Тестенко");
    await eventually(async () => expect(organiser.messages.filter((message) => message.text?.includes("Допис у «Test campaign news»"))).toHaveLength(2));
    await organiser.press("Опублікувати як новину");
    await organiser.press("Суд");
    expect(organiser.lastText()).toBe("Якою мовою написано допис у каналі? Підписники, які читають цією мовою, отримають його як є; інші мови можна додати далі.");
    expect(organiser.buttons()).toEqual(["українською", "англійською", "російською"]);
    await organiser.send("російською");
    expect(organiser.lastText()).toBe("Оберіть мову допису кнопкою вище або надішліть /cancel, щоб зупинитися.");
    await organiser.press("російською");
    expect(organiser.buttons()).toEqual([addLanguage("українською"), addLanguage("англійською"), "Далі ▶️"]);
  });
});
