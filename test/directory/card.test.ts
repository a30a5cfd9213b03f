import { describe, expect, it } from "vitest";
import { computeAge } from "../../src/domain/directory/age.js";
import { upcomingBirthdays } from "../../src/domain/directory/birthdays.js";
import { buildPrisonerCard } from "../../src/domain/directory/card.js";
import {
  fewLettersWeight,
  pickFewLetters,
  rankByFewLetters,
  writableByFewLetters,
} from "../../src/domain/directory/few-letters.js";
import { comparePartialDates, formatPartialDate, isPartialDate } from "../../src/domain/directory/partial-date.js";
import { readDirectorySeed } from "../../src/domain/directory/seed-files.js";
import type { InstitutionRecord, PrisonerRecord } from "../../src/domain/directory/types.js";
import { decideWrite, directRoutes } from "../../src/domain/directory/write-decision.js";

const seed = readDirectorySeed();
const prisoner = (slug: string): PrisonerRecord => {
  const found = seed.prisoners.find((record) => record.slug === slug);
  if (!found) throw new Error(`${slug} missing`);
  return structuredClone(found);
};
const institution = (slug: string): InstitutionRecord => {
  const found = seed.institutions.find((record) => record.slug === slug);
  if (!found) throw new Error(`${slug} missing`);
  return structuredClone(found);
};
const today = new Date("2026-03-01T10:00:00Z");

describe("age", () => {
  it("is exact from a full date, counting whether this year's birthday has passed", () => {
    expect(computeAge({ birthYear: 1966, birthDate: "1966-09-16" }, new Date("2026-09-15T23:00:00Z"))).toEqual({ kind: "exact", years: 59 });
    expect(computeAge({ birthYear: 1966, birthDate: "1966-09-16" }, new Date("2026-09-16T00:00:00Z"))).toEqual({ kind: "exact", years: 60 });
  });

  it("is a one-year range from a birth year alone, unknown without either", () => {
    expect(computeAge({ birthYear: 1971, birthDate: null }, today)).toEqual({ kind: "range", min: 54, max: 55 });
    expect(computeAge({ birthYear: null, birthDate: null }, today)).toEqual({ kind: "unknown" });
  });
});

describe("write decision", () => {
  const context = { today, organiserRelay: false };

  it("refuses free, exchanged and dead people whatever else the record says", () => {
    expect(decideWrite(prisoner("balukh-volodymyr"), undefined, context)).toEqual({ kind: "refused", reason: "exchanged" });
    expect(decideWrite(prisoner("chiygoz-akhtem"), undefined, context)).toEqual({ kind: "refused", reason: "released" });
    const dead = prisoner("kagarlitsky-boris");
    dead.status = { ...dead.status, value: "deceased" };
    expect(decideWrite(dead, institution("ik-4-torzhok"), { today, organiserRelay: true })).toEqual({
      kind: "refused",
      reason: "deceased",
    });
  });

  it("offers FSIN-pismo where the institution's form names are known and the location is current", () => {
    const decision = decideWrite(prisoner("kagarlitsky-boris"), institution("ik-4-torzhok"), context);
    expect(decision).toEqual({ kind: "write", routes: ["fsin-pismo"], warnings: ["location-not-recent"] });
    expect(decideWrite(prisoner("kagarlitsky-boris"), institution("ik-4-torzhok"), { today: new Date("2025-11-20"), organiserRelay: true })).toEqual({
      kind: "write",
      routes: ["fsin-pismo", "organiser-relay"],
      warnings: [],
    });
  });

  it("never routes a letter to an address the directory no longer believes current", () => {
    const zeytullaev = prisoner("zeytullaev-ruslan");
    const salavat = institution("ik-2-salavat");
    expect(salavat.postalAddress).not.toBeNull();
    expect(directRoutes(zeytullaev, salavat)).toEqual([]);
    expect(decideWrite(zeytullaev, salavat, context)).toEqual({ kind: "refused", reason: "no-known-route" });
    expect(decideWrite(zeytullaev, salavat, { today, organiserRelay: true })).toEqual({
      kind: "relay-only",
      routes: ["organiser-relay"],
      warnings: ["status-not-recent"],
    });
    zeytullaev.location = { ...zeytullaev.location, believedCurrent: true };
    expect(directRoutes(zeytullaev, salavat)).toEqual(["post"]);
  });

  it("refuses with the record's own reason when letters are blocked", () => {
    expect(decideWrite(prisoner("domnin-vladimir"), undefined, { today, organiserRelay: true })).toEqual({
      kind: "refused",
      reason: "location-unknown",
    });
  });

  it("warns about pre-trial detention, inferred or unknown status and Belarus", () => {
    const arkhipova = prisoner("arkhipova-anna");
    const relay = { today, organiserRelay: true };
    expect(decideWrite(arkhipova, institution("sizo-5-st-petersburg"), relay)).toMatchObject({
      kind: "relay-only",
      warnings: ["pretrial"],
    });
    const belarusian: PrisonerRecord = {
      ...arkhipova,
      system: "by",
      status: { ...arkhipova.status, value: "unknown", confidence: "inferred", asOf: "2024" },
    };
    expect(decideWrite(belarusian, undefined, relay)).toMatchObject({
      warnings: ["status-not-recent", "status-inferred", "status-unknown", "belarus-relatives"],
    });
  });
});

describe("card", () => {
  it("shows the Russian envelope name, the reader's own script and the facts with their dates", () => {
    const card = buildPrisonerCard(
      { prisoner: prisoner("kagarlitsky-boris"), institution: institution("ik-4-torzhok"), campaigns: seed.campaigns, locale: "uk" },
      { today, organiserRelay: false },
    );
    expect(card.fullNameRu).toBe("Кагарлицкий Борис Юльевич");
    expect(card.displayName).toBe("Кагарлицький Борис");
    expect(card.age).toEqual({ kind: "range", min: 67, max: 68 });
    expect(card.location).toEqual({
      kind: "current",
      institution: { name: "ИК-4 (Торжок)", region: "Тверская область", city: "Торжок" },
      asOf: "2025-11-08",
      sourceUrl: expect.stringContaining("meduza.io") as string,
    });
    expect(card.campaigns).toEqual([{ slug: "open-letter-2025", name: "Відкритий лист російських політв'язнів (липень 2025)" }]);
    expect(card.summary).toMatch(/^Соціолог/);
  });

  it("shows a last-known place as such, and no place at all for a free person", () => {
    const trofimov = buildPrisonerCard(
      { prisoner: prisoner("trofimov-andrei"), institution: institution("sizo-1-tver"), campaigns: [], locale: "en" },
      { today, organiserRelay: false },
    );
    expect(trofimov.location.kind).toBe("last-known");
    expect(trofimov.displayName).toBe("Andrei Trofimov");
    const freed = prisoner("balukh-volodymyr");
    freed.location = { institution: "ik-4-torzhok", asOf: "2019-03-29", sourceUrl: "https://lb.ua/x", believedCurrent: true };
    const balukh = buildPrisonerCard(
      { prisoner: freed, institution: institution("ik-4-torzhok"), campaigns: [], locale: "en" },
      { today, organiserRelay: true },
    );
    expect(balukh.location.kind).toBe("unknown");
    expect(balukh.write).toEqual({ kind: "refused", reason: "exchanged" });
  });
});

describe("birthdays", () => {
  it("lists full-date birthdays of people who can get letters, soonest first", () => {
    const upcoming = upcomingBirthdays(seed.prisoners, new Date("2026-09-10T12:00:00Z"), 10);
    expect(upcoming).toEqual([{ slug: "trofimov-andrei", date: "2026-09-16", turning: 60, inDays: 6 }]);
    // Sayfullaev (21 July) is free: no birthday prompt for him.
    expect(upcomingBirthdays(seed.prisoners, new Date("2026-07-20T00:00:00Z"), 5)).toEqual([]);
  });

  it("wraps into next year and greets 29 February birthdays on the 28th", () => {
    const leapling: PrisonerRecord = { ...prisoner("miftakhov-azat"), slug: "leapling", birthYear: 1992, birthDate: "1992-02-29" };
    const found = upcomingBirthdays([leapling, prisoner("miftakhov-azat")], new Date("2026-12-30T00:00:00Z"), 90);
    expect(found).toEqual([
      { slug: "leapling", date: "2027-02-28", turning: 35, inDays: 60 },
      { slug: "miftakhov-azat", date: "2027-03-22", turning: 34, inDays: 82 },
    ]);
  });
});

describe("few letters", () => {
  const people = [{ slug: "a" }, { slug: "b" }, { slug: "c" }];
  const counts = new Map([
    ["a", 5],
    ["b", 0],
  ]);

  it("ranks by fewest letters in the last 30 days, missing counts as none", () => {
    expect(rankByFewLetters(people, counts).map((person) => person.slug)).toEqual(["b", "c", "a"]);
    expect(fewLettersWeight(0)).toBe(1);
    expect(fewLettersWeight(3)).toBe(0.25);
  });

  it("picks at random in proportion to the weights", () => {
    // Weights 1/6, 1, 1 → cumulative 0.077, 0.538, 1.
    expect(pickFewLetters(people, counts, () => 0.05)?.slug).toBe("a");
    expect(pickFewLetters(people, counts, () => 0.3)?.slug).toBe("b");
    expect(pickFewLetters(people, counts, () => 0.99)?.slug).toBe("c");
    expect(pickFewLetters([], counts, () => 0.5)).toBeUndefined();
  });

  it("only lists people a letter can reach", () => {
    const institutions = new Map(seed.institutions.map((record) => [record.slug, record]));
    const entries = writableByFewLetters(seed.prisoners, institutions, new Map([["kagarlitsky-boris", 4]]), {
      today,
      isRelayed: () => false,
    });
    expect(entries.map((entry) => entry.prisoner.slug)).toEqual(["kagarlitsky-boris"]);
    const relayed = writableByFewLetters(seed.prisoners, institutions, new Map([["kagarlitsky-boris", 4]]), {
      today,
      isRelayed: () => true,
    });
    expect(relayed.at(-1)?.prisoner.slug).toBe("kagarlitsky-boris");
    expect(relayed.map((entry) => entry.prisoner.slug)).not.toContain("balukh-volodymyr");
    expect(relayed.map((entry) => entry.prisoner.slug)).not.toContain("domnin-vladimir");
  });
});

describe("partial dates", () => {
  it("validates, compares by the earliest day meant and formats only what the source gave", () => {
    expect(["2026", "2026-02", "2026-02-16"].every(isPartialDate)).toBe(true);
    expect(["2026-02-30", "2026-13", "Feb 2026", "26-02-16"].some(isPartialDate)).toBe(false);
    expect(comparePartialDates("2026-02", "2026-02-16")).toBeLessThan(0);
    expect(comparePartialDates("2026-02", "2026-02-01")).toBe(0);
    expect(formatPartialDate("2026-02", "en")).toBe("February 2026");
    expect(formatPartialDate("2026", "ru")).toBe("2026");
    expect(formatPartialDate("2019-09-07", "en")).toBe("September 7, 2019");
    // No «р.»/«г.» after the year, so a sentence ending in a date never reads «2026 р..».
    expect(formatPartialDate("2026-02-16", "uk")).toBe("16 лютого 2026");
    expect(formatPartialDate("2026-02", "ru")).toBe("февраль 2026");
  });
});
