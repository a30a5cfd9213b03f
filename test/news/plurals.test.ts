import { describe, expect, it } from "vitest";
import { translator } from "../../src/telegram/i18n.js";

const t = translator("uk");

describe("plural forms added for issue 15", () => {
  it.each([
    [1, "щотижня", "каждую неделю", "every week"],
    [2, "раз на два тижні", "раз в две недели", "every two weeks"],
    [3, "раз на три тижні", "раз в три недели", "every three weeks"],
    [5, "раз на 5 тижнів", "раз в 5 недель", "every 5 weeks"],
    [8, "раз на 8 тижнів", "раз в 8 недель", "every 8 weeks"],
    [22, "раз на 22 тижні", "раз в 22 недели", "every 22 weeks"],
  ])("a reminder every %i week(s)", (weeks, uk, ru, en) => {
    expect(t("uk", "news-reminder-every", { weeks })).toBe(uk);
    expect(t("ru", "news-reminder-every", { weeks })).toBe(ru);
    expect(t("en", "news-reminder-every", { weeks })).toBe(en);
  });

  it.each([
    [1, "🔴 ШІЗО на 1 добу", "🔴 ШИЗО на 1 сутки"],
    [3, "🔴 ШІЗО на 3 доби", "🔴 ШИЗО на 3 суток"],
    [15, "🔴 ШІЗО на 15 діб", "🔴 ШИЗО на 15 суток"],
    [21, "🔴 ШІЗО на 21 добу", "🔴 ШИЗО на 21 сутки"],
  ])("a punishment cell for %i day(s) counts days as діб / суток", (days, uk, ru) => {
    expect(t("uk", "news-event-punishment-cell", { days })).toBe(uk);
    expect(t("ru", "news-event-punishment-cell", { days })).toBe(ru);
  });

  it("birthday reminders count days ahead in the right form", () => {
    expect(t("uk", "news-birthdays-on", { days: 7 })).toContain("За 7 днів до дня народження");
    expect(t("uk", "news-birthdays-on", { days: 3 })).toContain("За 3 дні до дня народження");
    expect(t("ru", "news-birthdays-on", { days: 3 })).toContain("За 3 дня до дня рождения");
  });

  it("/letters after /forget names one held letter or several", () => {
    const one = t("uk", "privacy-letters-held-after-forget", { count: 1, names: "Борис Кагарлицький", date: "06.12.2026" });
    expect(one).toContain("крім листа, який ще в організаторів (Борис Кагарлицький): щоб надрукувати й передати його");
    const two = t("uk", "privacy-letters-held-after-forget", { count: 2, names: "А, Б", date: "06.12.2026" });
    expect(two).toContain("крім листів, які ще в організаторів (А, Б): щоб надрукувати й передати їх");
    expect(t("en", "privacy-letters-held-after-forget", { count: 2, names: "A, B", date: "6 Dec 2026" })).toContain("except the letters organisers still hold (A, B)");
  });
});
