import { getNewsPreferences } from "../../src/db/repositories/subscriptions.js";
import { afterEach, describe, expect, it } from "vitest";
import { Harness } from "../helpers/harness.js";
import type { TestUser } from "../helpers/test-user.js";
import { CAMPAIGN, importFictionalDirectory, organiserOf, TESTENKO } from "./fixtures.js";
import { publishThroughChat } from "./publish-driver.js";

let h: Harness;
afterEach(async () => h?.stop());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** After the scheduler and the outbox caught up with the clock: the message containing `fragment`, which must exist. */
async function settledMessage(user: TestUser, fragment: string) {
  await h.settle();
  const found = user.messages.find((message) => message.text?.includes(fragment));
  if (!found) throw new Error(`no message containing «${fragment}»; last: «${user.lastText()}»`);
  return found;
}

function count(user: TestUser, fragment: string): number {
  return user.messages.filter((message) => message.text?.includes(fragment)).length;
}

describe("reminders", () => {
  it("reminds to write every N weeks from the prisoner card, once per period, until stopped", async () => {
    h = await Harness.start({ newsScheduler: "manual" });
    await importFictionalDirectory(h.db);
    h.clock.set(new Date("2027-01-04T12:00:00Z"));
    const writer = h.user({ languageCode: "en" });
    await writer.send(`/start p_${TESTENKO.slug}`);
    await writer.press("Remind me to write");
    expect(writer.lastText()).toContain("How often should I remind you to write to Ivan Testenko?");
    await writer.press("every two weeks");
    expect(writer.lastText()).toContain("every two weeks. The first reminder: January 18, 2027");

    // Due at 10:00 in the writer's time zone (Kyiv unless changed): 08:00 UTC in winter.
    h.clock.set(new Date("2027-01-18T07:59:00Z"));
    await h.settle();
    expect(count(writer, "Time to write to Ivan Testenko")).toBe(0);

    h.clock.set(new Date("2027-01-18T08:00:00Z"));
    const reminder = await settledMessage(writer, "Time to write to Ivan Testenko");
    expect(reminder.text).toContain("every two weeks");
    expect(reminder.reply_markup?.inline_keyboard.flat().map((button) => button.text)).toEqual([
      "✍️ Write a letter of support",
      "✖️ Stop this reminder",
    ]);
    await h.settle();
    expect(count(writer, "Time to write to Ivan Testenko")).toBe(1);

    // A bot that was down for five weeks sends one reminder for the missed periods, not several.
    h.clock.advance(5 * 7 * DAY);
    await h.settle();
    expect(count(writer, "Time to write to Ivan Testenko")).toBe(2);

    await writer.send("/reminders");
    expect(writer.lastText()).toContain("Ivan Testenko: every two weeks, next on");
    await writer.press("Stop: Ivan Testenko");
    expect(writer.lastCallbackAnswer()).toContain("Reminder stopped");
    expect(writer.lastText()).toContain("No reminders yet");
    h.clock.advance(3 * 7 * DAY);
    await h.settle();
    expect(count(writer, "Time to write to Ivan Testenko")).toBe(2);
  });

  it("reminds a week ahead of a followed prisoner's birthday, once", async () => {
    h = await Harness.start({ newsScheduler: "manual" });
    await importFictionalDirectory(h.db);
    h.clock.set(new Date("2027-02-28T12:00:00Z"));
    const writer = h.user({ languageCode: "uk" });
    await writer.send(`/start p_${TESTENKO.slug}`);
    await writer.press("Стежити за справою");
    await writer.send("/reminders");
    await writer.press("Увімкнути нагадування про дні народження");
    expect(writer.lastText()).toContain("Нагадування про дні народження: увімкнено");

    await h.settle();
    expect(count(writer, "день народження, 47")).toBe(0);

    // 4 March: six days before 10 March; from 10:00 in Kyiv (08:00 UTC in winter), not in the night.
    h.clock.set(new Date("2027-03-04T07:59:00Z"));
    await h.settle();
    expect(count(writer, "день народження, 47")).toBe(0);
    h.clock.set(new Date("2027-03-04T08:00:00Z"));
    const reminder = await settledMessage(writer, "Тестенко Іван: 10 березня 2027 — день народження, 47 років");
    expect(reminder.reply_markup?.inline_keyboard.flat().map((button) => button.text)).toContain("✍️ Написати листа підтримки");
    h.clock.advance(DAY);
    await h.settle();
    expect(count(writer, "день народження, 47")).toBe(1);
  });
});

describe("daily digest", () => {
  it("sends digest subscribers the day's news once, at the digest hour", async () => {
    h = await Harness.start({ newsScheduler: "manual" });
    await importFictionalDirectory(h.db);
    h.clock.set(new Date("2027-01-05T09:00:00Z"));
    const organiser = await organiserOf(h, CAMPAIGN, "en");
    const reader = h.user({ languageCode: "en" });
    await reader.send(`/start p_${TESTENKO.slug}`);
    await reader.press("Follow the case");
    await reader.send("/subscriptions");
    await reader.press("Daily digest");
    expect(reader.lastText()).toContain("one digest a day, at 19:00 your time (Europe/Kyiv)");

    await publishThroughChat(organiser, { locale: "en", query: "Testenko", pick: "Ivan Testenko", event: "hunger-strike", text: "He stopped eating.", source: null });
    await publishThroughChat(organiser, { locale: "en", query: "Testenko", pick: "Ivan Testenko", event: "health", text: "Doctors were not let in.", source: "https://example.org/doctors" });
    // Both reports are in: the follower is counted for the digest, not for immediate delivery.
    await h.settle();
    expect(organiser.messages.filter((m) => m.text?.startsWith("Published. Followers of Ivan Testenko chose the daily digest: 1 will get it at 19:00 their time")).length).toBe(2);
    expect(count(reader, "He stopped eating.")).toBe(0);

    // 16:59 UTC is 18:59 in Kyiv (winter, UTC+2): not yet.
    h.clock.set(new Date("2027-01-05T16:59:00Z"));
    await h.settle();
    expect(count(reader, "Case news, January 5")).toBe(0);
    h.clock.set(new Date("2027-01-05T17:01:00Z"));
    const digest = await settledMessage(reader, "Case news, January 5, 2027: 2 updates");
    expect(digest.text).toContain("Hunger strike — Ivan Testenko");
    expect(digest.text).toContain("He stopped eating.");
    expect(digest.text).toContain("Doctors were not let in.");
    expect(digest.text).toContain("Source: example.org");
    expect(digest.reply_markup?.inline_keyboard.flat().map((button) => button.text)).toEqual(["✍️ Write to Ivan Testenko"]);
    await h.settle();
    expect(count(reader, "Case news, January 5")).toBe(1);

    // Nothing new the next day: no digest.
    h.clock.set(new Date("2027-01-06T17:30:00Z"));
    await h.settle();
    expect(count(reader, "Case news, January")).toBe(1);
  });

  it("sends it at 19:00 in the time zone the subscriber chose, and keeps the choice", async () => {
    h = await Harness.start({ newsScheduler: "manual" });
    await importFictionalDirectory(h.db);
    h.clock.set(new Date("2027-01-05T09:00:00Z"));
    const organiser = await organiserOf(h, CAMPAIGN, "en");
    const reader = h.user({ languageCode: "en" });
    await reader.send(`/start p_${TESTENKO.slug}`);
    await reader.press("Follow the case");
    await reader.send("/subscriptions");
    await reader.press("Daily digest");
    await reader.press("🕰 Time zone: Europe/Kyiv");
    expect(reader.lastText()).toContain("Your time zone: Europe/Kyiv. The digest comes at 19:00");
    await reader.press("America/New_York");
    expect(reader.lastCallbackAnswer()).toContain("Time zone: America/New_York");
    expect(reader.buttons()).toContain("✓ America/New_York");
    await reader.send("/timezone Mars/Olympus");
    expect(reader.lastText()).toContain("I do not know the time zone «Mars/Olympus»");
    expect((await getNewsPreferences(h.db, reader.id)).timeZone).toBe("America/New_York");

    await publishThroughChat(organiser, { locale: "en", query: "Testenko", pick: "Ivan Testenko", event: "health", text: "Doctors were not let in.", source: null });
    // 19:00 in Kyiv is 12:00 in New York: nothing yet, nor at 23:59 UTC (18:59 there).
    h.clock.set(new Date("2027-01-05T17:01:00Z"));
    await h.settle();
    h.clock.set(new Date("2027-01-05T23:59:00Z"));
    await h.settle();
    expect(count(reader, "Doctors were not let in.")).toBe(0);
    // 00:00 UTC on the 6th is 19:00 on the 5th in New York.
    h.clock.set(new Date("2027-01-06T00:00:00Z"));
    const digest = await settledMessage(reader, "Doctors were not let in.");
    // Titled with the subscriber's date, the 5th, though it is the 6th in UTC.
    expect(digest.text).toContain("Case news, January 5, 2027");
    await reader.send("/subscriptions");
    expect(reader.lastText()).toContain("one digest a day, at 19:00 your time (America/New_York)");
  });

  it("takes a city typed alone as its time zone, as people name where they live (uk, en, ru)", async () => {
    h = await Harness.start({ newsScheduler: "manual" });
    // The city as typed → the zone, answered in the reader's language.
    const answers = { en: "Time zone: ", uk: "Часовий пояс: ", ru: "Часовой пояс: " } as const;
    const typed = { Prague: ["en", "Europe/Prague"], "new york": ["en", "America/New_York"], Kyiv: ["uk", "Europe/Kyiv"], Tbilisi: ["ru", "Asia/Tbilisi"] } as const;
    for (const [city, [languageCode, zone]] of Object.entries(typed)) {
      const reader = h.user({ languageCode });
      await reader.send(`/timezone ${city}`);
      expect(reader.lastText(), city).toContain(`${answers[languageCode]}${zone}.`);
      expect((await getNewsPreferences(h.db, reader.id)).timeZone, city).toBe(zone);
    }
    // A name that is no city stays refused, with the hint that a city works and the common zones as buttons.
    const reader = h.user({ languageCode: "uk" });
    for (const unknown of ["Atlantis", "Атлантида"]) {
      await reader.send(`/timezone ${unknown}`);
      expect(reader.lastText()).toContain(`Не знаю часового поясу «${unknown}»`);
      expect(reader.lastText()).toContain("або місто латиницею чи кирилицею (/timezone Prague, /timezone Прага)");
      expect(reader.buttons()).toContain("Europe/Warsaw");
    }
    await reader.press("Europe/Warsaw");
    expect((await getNewsPreferences(h.db, reader.id)).timeZone).toBe("Europe/Warsaw");
  });

  it("takes a city's Ukrainian or Russian name as /timezone Kyiv takes its Latin one, for every city CLDR names", async () => {
    h = await Harness.start({ newsScheduler: "manual" });
    const typed = { Київ: ["uk", "Europe/Kyiv"], Киев: ["ru", "Europe/Kyiv"], Варшава: ["uk", "Europe/Warsaw"], "нью йорк": ["en", "America/New_York"], Вильнюс: ["ru", "Europe/Vilnius"], Тбілісі: ["uk", "Asia/Tbilisi"] } as const;
    for (const [city, [languageCode, zone]] of Object.entries(typed)) {
      const reader = h.user({ languageCode });
      await reader.send(`/timezone ${city}`);
      expect((await getNewsPreferences(h.db, reader.id)).timeZone, city).toBe(zone);
    }
  });
});
