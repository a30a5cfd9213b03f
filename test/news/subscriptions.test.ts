import { afterEach, describe, expect, it } from "vitest";
import { followCampaign, getNewsPreferences, isFollowingCampaign, isFollowingPrisoner, listFollows } from "../../src/db/repositories/subscriptions.js";
import { Harness } from "../helpers/harness.js";
import { CAMPAIGN, importFictionalDirectory, organiserOf, OTHER_CAMPAIGN, TESTENKO } from "./fixtures.js";
import { publishThroughChat } from "./publish-driver.js";

let h: Harness;
afterEach(async () => h?.stop());

describe("following and /subscriptions", () => {
  it("follows the prisoner's campaign from the card (README: «Follow a prisoner or a whole campaign from the card»)", async () => {
    h = await Harness.start();
    await importFictionalDirectory(h.db);
    const reader = h.user({ languageCode: "en" });
    await reader.send(`/start p_${TESTENKO.slug}`);
    const card = reader.lastText();
    await reader.press("➕ Follow the campaign");
    expect(reader.lastCallbackAnswer()).toContain("You follow the campaign");
    expect(await isFollowingCampaign(h.db, reader.id, CAMPAIGN)).toBe(true);
    // The card stays; only the button changed, and pressing it again stops following.
    expect(reader.lastText()).toBe(card);
    expect(reader.buttons().some((label) => label.startsWith("✓ Following the campaign"))).toBe(true);
    await reader.press("✓ Following the campaign");
    expect(await isFollowingCampaign(h.db, reader.id, CAMPAIGN)).toBe(false);
    expect(reader.buttons().some((label) => label.startsWith("➕ Follow the campaign"))).toBe(true);
    await reader.send("/subscriptions");
    expect(reader.lastText()).not.toContain("Campaigns:");
  });

  it("follows from the prisoner card, lists follows, unfollows and switches delivery", async () => {
    h = await Harness.start();
    await importFictionalDirectory(h.db);
    const reader = h.user({ languageCode: "en" });
    await reader.send(`/start p_${TESTENKO.slug}`);
    await reader.press("Follow the case");
    expect(reader.lastCallbackAnswer()).toContain("You follow Ivan Testenko now");
    // The card's button turns into Unfollow in place.
    expect(reader.buttons()).toContain("🔕 Unfollow");
    expect(reader.buttons()).not.toContain("🔔 Follow the case");

    await reader.send("/start");
    await reader.press("Case news");
    expect(reader.lastText()).toContain("Case news you follow");
    expect(reader.lastText()).toContain("• Ivan Testenko");
    expect(reader.lastText()).toContain("each piece of news as soon as organisers publish it");
    expect(reader.buttons()).toContain("✓ At once");

    await reader.press("Daily digest");
    expect(reader.lastText()).toContain("one digest a day, at 19:00 your time (Europe/Kyiv)");
    expect(reader.buttons()).toContain("✓ Daily digest");
    // Pressing the chosen option again changes nothing and answers anyway.
    await reader.press("✓ Daily digest");
    expect(reader.lastCallbackAnswer()).toContain("once a day");
    expect((await getNewsPreferences(h.db, reader.id)).delivery).toBe("digest");

    await reader.press("Unfollow: Ivan Testenko");
    expect(reader.lastText()).toContain("You do not follow anyone yet");
    expect(await listFollows(h.db, reader.id)).toEqual([]);
  });

  it("lists a person stopped within a followed campaign, with «Follow again» (en, uk, ru)", async () => {
    h = await Harness.start({ newsScheduler: "manual" });
    await importFictionalDirectory(h.db);
    const organiser = await organiserOf(h, CAMPAIGN, "en");
    const readers = { en: h.user({ languageCode: "en" }), uk: h.user({ languageCode: "uk" }), ru: h.user({ languageCode: "ru" }) };
    for (const reader of Object.values(readers)) {
      await reader.send(`/start p_${TESTENKO.slug}`);
      await reader.press(/^➕ /);
    }
    await publishThroughChat(organiser, { locale: "en", query: "Testenko", pick: "Ivan Testenko", event: "health", text: "He has a fever.", source: null });
    await h.settle();
    // "Unfollow" under the campaign's news mutes this one person and keeps the campaign.
    for (const reader of Object.values(readers)) await reader.press(/^🔕 /);

    const reader = readers.en;
    expect(await isFollowingPrisoner(h.db, reader.id, TESTENKO.slug)).toBe(false);
    await reader.send("/subscriptions");
    expect(reader.lastText()).toContain("Not sent from those campaigns (you pressed «Unfollow» under their news):\n• Ivan Testenko");
    await reader.press("🔔 Follow again: Ivan Testenko");
    expect(reader.lastCallbackAnswer()).toBe("Their news comes again.");
    expect(reader.lastText()).not.toContain("Not sent from those campaigns");
    expect(await isFollowingPrisoner(h.db, reader.id, TESTENKO.slug)).toBe(true);
    // Pressed again, or forged: nothing to resume.
    await reader.pressData(reader.messages.at(-1)!.message_id, `nsm:${TESTENKO.slug}`);
    expect(reader.lastCallbackAnswer()).toContain("This button is out of date");

    await readers.uk.send("/subscriptions");
    expect(readers.uk.lastText()).toContain("Не надсилаються з цих кампаній (ви натиснули «Не стежити» під їхньою новиною):\n• Тестенко Іван");
    await readers.ru.send("/subscriptions");
    expect(readers.ru.buttons()).toContain("🔔 Снова следить: Тестенко Иван");
  });

  it("does not list a person muted within a campaign no longer followed: «Follow again» would bring nothing (en)", async () => {
    h = await Harness.start({ newsScheduler: "manual" });
    await importFictionalDirectory(h.db);
    const organiser = await organiserOf(h, CAMPAIGN, "en");
    const reader = h.user({ languageCode: "en" });
    await reader.send(`/start p_${TESTENKO.slug}`);
    await reader.press(/^➕ /);
    await publishThroughChat(organiser, { locale: "en", query: "Testenko", pick: "Ivan Testenko", event: "health", text: "He has a fever.", source: null });
    await h.settle();
    await reader.press(/^🔕 /);
    // Another campaign followed, then the muted person's own campaign left from /subscriptions.
    await followCampaign(h.db, reader.id, OTHER_CAMPAIGN, h.clock.now());
    await reader.send("/subscriptions");
    await reader.press("Unfollow: Test news campaign");
    expect(await isFollowingCampaign(h.db, reader.id, CAMPAIGN)).toBe(false);
    expect(reader.lastText()).toContain("Another test campaign");
    expect(reader.lastText()).not.toContain("Not sent from those campaigns");
    expect(reader.buttons()).not.toContain("🔔 Follow again: Ivan Testenko");
    // Following that campaign again brings the mute back into view: it still holds there.
    await followCampaign(h.db, reader.id, CAMPAIGN, h.clock.now());
    await reader.send("/subscriptions");
    expect(reader.lastText()).toContain("Not sent from those campaigns (you pressed «Unfollow» under their news):\n• Ivan Testenko");
  });

  it("publishes the new commands in every UI language", async () => {
    h = await Harness.start();
    const byLanguage = new Map(h.fake.commands.map((entry) => [entry.languageCode, entry.commands]));
    expect(byLanguage.get("en")?.find((c) => c.command === "subscriptions")?.description).toBe("Case news I follow");
    expect(byLanguage.get("uk")?.find((c) => c.command === "reminders")?.description).toBe("Нагадування написати");
    expect(byLanguage.get("ru")?.find((c) => c.command === "subscriptions")?.description).toBe("Новости дел, за которыми я слежу");
  });

  it("treats forged or stale button data as out of date", async () => {
    h = await Harness.start();
    await importFictionalDirectory(h.db);
    const reader = h.user({ languageCode: "en" });
    await reader.send("/start");
    const under = reader.messages.at(-1)!.message_id;
    for (const data of ["nf:no-such-person", "nu:no-such-person", "nd:x", "nrs:testenko-ivan:99", "nra:no-such-person", "nrb:7", "nfc:no-campaign"]) {
      await reader.pressData(under, data);
      expect(reader.lastCallbackAnswer(), data).toContain("This button is out of date");
    }
    await reader.pressData(under, "nrd:12345");
    expect(reader.lastCallbackAnswer()).toContain("already stopped");
    expect(await listFollows(h.db, reader.id)).toEqual([]);
  });
});
