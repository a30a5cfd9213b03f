import { afterEach, describe, expect, it } from "vitest";
import { findUser } from "../../src/db/repositories/users.js";
import { Harness } from "../helpers/harness.js";
import type { TestUser } from "../helpers/test-user.js";
import {
  CAMPAIGN,
  eventually,
  finishBroadcasts,
  followFromCard,
  importFictionalDirectory,
  messageContaining,
  organiserOf,
  PRIMEROVA,
  TESTENKO,
} from "./fixtures.js";
import { publishThroughChat } from "./publish-driver.js";

let h: Harness;
afterEach(async () => h?.stop());

const CELL_TEXT_UK = "Івана знову помістили в ШІЗО на 15 діб. <Йому дуже потрібна підтримка> & листи.";
const CELL_TEXT_EN = "Ivan was put in a punishment cell again for 15 days. He needs support.";

/** The news messages a user got, by a line every news message about this event has. */
function newsMessages(user: TestUser, headline: string) {
  return user.messages.filter((message) => message.text?.includes(headline));
}

describe("publishing case news to followers", () => {
  it("delivers a punishment-cell event to every follower in their language, with working buttons", async () => {
    h = await Harness.start({ newsScheduler: "manual" });
    await importFictionalDirectory(h.db);
    const organiser = await organiserOf(h, CAMPAIGN, "uk");
    const ukFollower = h.user({ languageCode: "uk" });
    const enFollower = h.user({ languageCode: "en" });
    const ruFollower = h.user({ languageCode: "ru" });
    const stranger = h.user({ languageCode: "en" });
    await stranger.send("/start");
    await followFromCard(ukFollower, TESTENKO.slug);
    expect(ukFollower.lastCallbackAnswer()).toContain("Тепер ви стежите за справою: Тестенко Іван");
    await followFromCard(enFollower, TESTENKO.slug);
    expect(enFollower.lastCallbackAnswer()).toContain("You follow Ivan Testenko now");
    await followFromCard(ruFollower, TESTENKO.slug);

    await publishThroughChat(organiser, {
      locale: "uk",
      query: "Тестенко",
      pick: "Тестенко Іван",
      event: "punishment-cell",
      days: 15,
      text: CELL_TEXT_UK,
      translations: { en: CELL_TEXT_EN },
      source: "https://example.org/news?id=1&lang=uk",
    });

    // The organiser saw the preview in Ukrainian and in English, the language a translation was added for.
    const previews = organiser.messages.filter((message) => message.text?.includes("ШІЗО на 15 діб") || message.text?.includes("Punishment cell for 15 days"));
    expect(previews.map((message) => message.text?.split("\n")[0])).toEqual(["🔴 ШІЗО на 15 діб", "🔴 Punishment cell for 15 days"]);
    expect(previews[1]?.text).toContain("Ivan Testenko");
    expect(previews[1]?.text).toContain(CELL_TEXT_EN);
    expect(organiser.messages.some((message) => message.text === "А так її отримають ті, хто читає англійською:")).toBe(true);

    const uk = await messageContaining(ukFollower, "ШІЗО на 15 діб");
    expect(uk.text).toContain("Тестенко Іван");
    // The organiser's text exactly as written: HTML-like characters arrive as typed, not as markup.
    expect(uk.text).toContain(CELL_TEXT_UK);
    expect(uk.text).toContain("Джерело: example.org");
    const en = await messageContaining(enFollower, "Punishment cell for 15 days");
    expect(en.text).toContain("Ivan Testenko");
    expect(en.text).toContain(CELL_TEXT_EN);
    expect(en.text).not.toContain(CELL_TEXT_UK);
    const ru = await messageContaining(ruFollower, "ШИЗО на 15 суток");
    expect(ru.text).toContain("Тестенко Иван");
    // No Russian version was given: the original as written.
    expect(ru.text).toContain(CELL_TEXT_UK);
    expect(stranger.messages.some((message) => message.text?.includes("15"))).toBe(false);

    // The source link is a real link entity pointing at the URL given.
    const link = en.entities?.find((entity) => entity.type === "text_link");
    expect(link && "url" in link ? link.url : undefined).toBe("https://example.org/news?id=1&lang=uk");

    // "Write a letter of support" opens the letter flow with the punishment-cell opening suggested.
    const write = enFollower.findButton("Write a letter of support").button;
    expect("callback_data" in write ? write.callback_data : "").toBe(`write:${TESTENKO.slug}:punishment-cell`);
    const before = enFollower.messages.length;
    await enFollower.press("Write a letter of support");
    expect(enFollower.lastCallbackAnswer() ?? "").not.toContain("out of date");
    expect(enFollower.messages.length).toBeGreaterThan(before);
    // The letter flow is open for this person, for this prisoner, with the punishment-cell opening: its opening
    // screen is a stage (docs/letter-flow-stages.md), kept in the person's row rather than in a running conversation.
    const row = await h.db.selectFrom("users").select("letter_stage").where("id", "=", enFollower.id).executeTakeFirst();
    const stage = JSON.parse(row?.letter_stage ?? "{}") as { slug?: string; opening?: { occasion?: unknown } };
    expect(stage.slug).toBe(TESTENKO.slug);
    expect(stage.opening?.occasion).toBe("punishment-cell");

    // The organiser's progress message becomes the report: one completion message, not two.
    await finishBroadcasts(h);
    expect(organiser.lastText()).toContain("дійшла до 3 з 3");
    expect(organiser.messages.filter((m) => /дійшла до|розіслано/.test(m.text ?? ""))).toHaveLength(1);
    expect(h.fake.messages(organiser.chatId).filter((m) => /дійшла до|розіслано/.test(m.text ?? ""))).toHaveLength(1);

    // "Unfollow" under the news works: the next news does not reach that person.
    await ruFollower.press("Не следить");
    expect(ruFollower.lastCallbackAnswer()).toContain("больше не получаете новости");
    await publishThroughChat(organiser, {
      locale: "uk",
      query: "Тестенко",
      pick: "Тестенко Іван",
      event: "court",
      text: "Суд продовжив розгляд справи.",
      source: null,
    });
    await h.settle();
    expect(newsMessages(ukFollower, "Суд:").length).toBe(1);
    await finishBroadcasts(h);
    expect(organiser.lastText()).toContain("дійшла до 2 з 2");
    expect(newsMessages(ruFollower, "Суд:").length).toBe(0);
  });

  it("resolves campaign follows when publishing, so prisoners added to the campaign later are covered", async () => {
    h = await Harness.start({ newsScheduler: "manual" });
    await importFictionalDirectory(h.db, [TESTENKO]);
    const organiser = await organiserOf(h, CAMPAIGN, "en");
    const follower = h.user({ languageCode: "en" });
    await follower.send("/subscriptions");
    await follower.press("Follow a whole campaign");
    await follower.press("Test news campaign");
    expect(follower.lastCallbackAnswer()).toContain("including those added later");

    // Olga Primerova joins the campaign after the follow.
    await importFictionalDirectory(h.db, [TESTENKO, PRIMEROVA]);
    await publishThroughChat(organiser, {
      locale: "en",
      query: "Primerova",
      pick: "Olga Primerova",
      event: "hunger-strike",
      text: "Olga has been on hunger strike since Monday.",
      source: null,
    });
    await h.settle();
    expect(newsMessages(follower, "Hunger strike").length).toBe(1);
    expect(newsMessages(follower, "Hunger strike")[0]?.text).toContain("Olga Primerova");

    // Unfollowing her under the news keeps the campaign: news about the others still comes.
    await follower.press("Unfollow");
    expect(follower.lastCallbackAnswer()).toContain("keeps coming");
    await publishThroughChat(organiser, { locale: "en", query: "Primerova", pick: "Olga Primerova", event: "health", text: "Her health is worse.", source: null });
    await publishThroughChat(organiser, { locale: "en", query: "Testenko", pick: "Ivan Testenko", event: "health", text: "He has a fever.", source: null });
    await h.settle();
    expect(newsMessages(follower, "Health").length).toBe(1);
    // Three reports: the second says nobody got it (the only follower had just unfollowed her).
    await finishBroadcasts(h);
    expect(organiser.messages.filter((m) => /^(✅ Done|Published\.)/.test(m.text ?? "")).length).toBe(3);
    expect(organiser.messages.some((m) => m.text?.startsWith("Published. Nobody follows Olga Primerova"))).toBe(true);
    expect(newsMessages(follower, "Health")[0]?.text).toContain("Ivan Testenko");
  });

  it("deactivates a follower who blocked the bot and stops sending them news", async () => {
    h = await Harness.start({ newsScheduler: "manual" });
    await importFictionalDirectory(h.db);
    const organiser = await organiserOf(h, CAMPAIGN, "en");
    const stays = h.user({ languageCode: "en" });
    const leaves = h.user({ languageCode: "en" });
    await followFromCard(stays, TESTENKO.slug);
    await followFromCard(leaves, TESTENKO.slug);
    h.fake.blockBot(leaves.id);

    await publishThroughChat(organiser, { locale: "en", query: "Testenko", pick: "Ivan Testenko", event: "health", text: "He is ill.", source: null });
    await finishBroadcasts(h);
    expect(organiser.lastText()).toContain("reached 1 of 2");
    expect(organiser.lastText()).toContain("Not delivered: 1");
    expect((await findUser(h.db, leaves.id))?.blocked_at).not.toBeNull();
    expect((await findUser(h.db, stays.id))?.blocked_at).toBeNull();

    // The next broadcast does not count or try them; a 403 was the last call made to their chat.
    const callsBefore = h.fake.calls.filter((call) => call.method === "sendMessage" && Number(call.params.chat_id) === leaves.id).length;
    await publishThroughChat(organiser, { locale: "en", query: "Testenko", pick: "Ivan Testenko", event: "court", text: "Hearing postponed.", source: null });
    await finishBroadcasts(h);
    expect(organiser.lastText()).toContain("reached 1 of 1");
    const callsAfter = h.fake.calls.filter((call) => call.method === "sendMessage" && Number(call.params.chat_id) === leaves.id).length;
    expect(callsAfter).toBe(callsBefore);

    // Writing to the bot again reactivates them.
    h.fake.unblockBot(leaves.id);
    await leaves.send("/start");
    await publishThroughChat(organiser, { locale: "en", query: "Testenko", pick: "Ivan Testenko", event: "other", text: "A letter from Ivan arrived.", source: null });
    // Counted by the report's text: the prisoner card they opened to follow also says "Case news: #…", and counting
    // that line made this check pass before the news arrived (SQLite) or see two messages (Postgres, news faster).
    await finishBroadcasts(h);
    expect(organiser.lastText()).toContain("reached 2 of 2");
    expect(newsMessages(leaves, "A letter from Ivan arrived.")).toHaveLength(1);
    expect(newsMessages(leaves, "📰 Case news")).toHaveLength(1);
  });

  it("finishes a broadcast interrupted by a restart: no follower missed, none twice", async () => {
    h = await Harness.start();
    await importFictionalDirectory(h.db);
    const organiser = await organiserOf(h, CAMPAIGN, "en");
    const followers = Array.from({ length: 12 }, () => h.user({ languageCode: "en" }));
    for (const follower of followers) await followFromCard(follower, TESTENKO.slug);

    await publishThroughChat(organiser, {
      locale: "en",
      query: "Testenko",
      pick: "Ivan Testenko",
      event: "punishment-cell",
      days: 10,
      text: "Ten days in the punishment cell.",
      source: null,
      confirm: false,
    });
    // Telegram allows this bot 2 messages a second from now on: the broadcast cannot finish before the restart.
    h.fake.setRateLimits({ global: { perSecond: 2, burst: 1 } });
    await organiser.press("Publish");
    const delivered = () => followers.filter((follower) => newsMessages(follower, "Punishment cell for 10 days").length > 0).length;
    await eventually(() => expect(delivered()).toBeGreaterThanOrEqual(2));
    expect(delivered()).toBeLessThan(followers.length);

    await h.restart();
    // From here time is driven: the worker's retry_after pauses, the fake's limit and the news scheduler's passes (the
    // progress edits) all follow h.clock, which moves to each deadline they wait for.
    await h.clock.runTimersDuring(eventually(() => expect(delivered()).toBe(followers.length), 30_000));
    for (const follower of followers) expect(newsMessages(follower, "Punishment cell for 10 days")).toHaveLength(1);
    // Telegram's answers are recorded a moment after the messages arrive.
    await eventually(async () => {
      const rows = await h.db.selectFrom("outbox").select(["status"]).where("ref", "like", "news:%").execute();
      expect(rows.map((row) => row.status)).toEqual(followers.map(() => "sent"));
    });
    // Telegram asked the bot to slow down, and the worker waited instead of giving up or repeating itself.
    expect(h.fake.calls.some((call) => !call.ok && call.errorCode === 429)).toBe(true);
    await h.clock.runTimersDuring(eventually(() => expect(organiser.lastText()).toContain("reached 12 of 12"), 20_000));

    // One progress message, edited while the broadcast ran (counts and time left), at most every 3 seconds.
    const progress = organiser.messages.find((message) => message.text?.includes("reached 12 of 12"));
    expect(organiser.messages.filter((message) => message.text?.includes("reached 12 of 12"))).toHaveLength(1);
    const edits = h.fake.calls.filter((call) => call.method === "editMessageText" && call.ok && Number(call.params.message_id) === progress?.message_id);
    expect(edits.some((call) => /Sending news about Ivan Testenko: \d+ of 12 delivered[\s\S]*About \d+ s left/.test(String(call.params.text)))).toBe(true);
    for (let index = 1; index < edits.length; index += 1) {
      expect(edits[index]!.at - edits[index - 1]!.at).toBeGreaterThanOrEqual(2_900);
    }
  }, 60_000);
});
