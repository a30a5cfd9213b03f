import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { foldCityName } from "../../src/domain/news/time-zone-cities.js";
import { projectPath } from "../../src/project-path.js";
import {
  atLocalHour,
  canonicalTimeZone,
  dueLocalDigestDay,
  firstLocalReminderAt,
  localDay,
  nextLocalReminderAfter,
} from "../../src/domain/news/time-zone.js";

const KYIV = "Europe/Kyiv";
const resolved = (zone: string) => new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;

describe("subscribers' time zones", () => {
  it("knows IANA zones in any case and refuses anything else", () => {
    expect(canonicalTimeZone("Europe/Kyiv")).toBe("Europe/Kyiv");
    expect(canonicalTimeZone("europe/kiev")).toBe("Europe/Kyiv");
    expect(canonicalTimeZone("america/new_york")).toBe("America/New_York");
    expect(canonicalTimeZone("Mars/Olympus")).toBeUndefined();
    expect(canonicalTimeZone("<script>")).toBeUndefined();
    expect(canonicalTimeZone("")).toBeUndefined();
  });

  it("finds every zone whose city the Latin lookup finds by the city's Ukrainian and Russian names too, unless two zones share the name", () => {
    const { zones } = JSON.parse(readFileSync(projectPath("data", "time-zones", "cities.json"), "utf8")) as { zones: Record<string, Record<string, string>> };
    const zonesNamed = new Map<string, Set<string>>();
    for (const [zone, names] of Object.entries(zones)) {
      for (const name of Object.values(names)) zonesNamed.set(foldCityName(name), (zonesNamed.get(foldCityName(name)) ?? new Set()).add(zone));
    }
    let checked = 0;
    for (const [zone, names] of Object.entries(zones)) {
      const city = zone.slice(zone.lastIndexOf("/") + 1).replace(/_/g, " ");
      const latin = canonicalTimeZone(city);
      if (latin === undefined) continue;
      for (const name of Object.values(names)) {
        const expected = (zonesNamed.get(foldCityName(name))?.size ?? 0) > 1 ? undefined : latin;
        const found = canonicalTimeZone(name);
        // Both may be spellings of one zone (Jamaica and America/Jamaica): Intl resolves them alike.
        expect(found && resolved(found), `${name} (${zone})`).toBe(expected && resolved(expected));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(canonicalTimeZone("Атлантида")).toBeUndefined();
  });

  it("finds the instant of a local hour on both sides of a DST change", () => {
    // Kyiv: UTC+2 in winter, UTC+3 from the last Sunday of March (2027-03-28) to the last Sunday of October.
    expect(atLocalHour("2027-03-27", 19, KYIV).toISOString()).toBe("2027-03-27T17:00:00.000Z");
    expect(atLocalHour("2027-03-28", 19, KYIV).toISOString()).toBe("2027-03-28T16:00:00.000Z");
    expect(atLocalHour("2027-10-30", 10, KYIV).toISOString()).toBe("2027-10-30T07:00:00.000Z");
    expect(atLocalHour("2027-10-31", 10, KYIV).toISOString()).toBe("2027-10-31T08:00:00.000Z");
    // New York changes on other days (2027-03-14).
    expect(atLocalHour("2027-03-14", 19, "America/New_York").toISOString()).toBe("2027-03-14T23:00:00.000Z");
    expect(atLocalHour("2027-03-13", 19, "America/New_York").toISOString()).toBe("2027-03-14T00:00:00.000Z");
  });

  it("makes the digest due at 19:00 local time, whatever the offset that day", () => {
    expect(dueLocalDigestDay(new Date("2027-03-27T16:59:00Z"), KYIV)).toBeUndefined();
    expect(dueLocalDigestDay(new Date("2027-03-27T17:00:00Z"), KYIV)).toBe("2027-03-27");
    // After the change 19:00 in Kyiv is 16:00 UTC.
    expect(dueLocalDigestDay(new Date("2027-03-28T15:59:00Z"), KYIV)).toBeUndefined();
    expect(dueLocalDigestDay(new Date("2027-03-28T16:00:00Z"), KYIV)).toBe("2027-03-28");
    // Late evening in New York is already tomorrow in UTC: the digest is still that evening's.
    expect(dueLocalDigestDay(new Date("2027-01-11T01:30:00Z"), "America/New_York")).toBe("2027-01-10");
    expect(localDay(new Date("2027-01-11T01:30:00Z"), "America/New_York")).toBe("2027-01-10");
  });

  it("keeps reminders at 10:00 local time across a DST change and skips missed periods", () => {
    const first = firstLocalReminderAt(new Date("2027-03-21T21:30:00Z"), 1, KYIV);
    // Set on Sunday at 23:30 in Kyiv, winter time; due a week later, after the change, at 10:00 summer time.
    expect(first.toISOString()).toBe("2027-03-28T07:00:00.000Z");
    const second = nextLocalReminderAfter(first, 2, new Date("2027-03-28T07:00:05Z"), KYIV);
    expect(second.toISOString()).toBe("2027-04-11T07:00:00.000Z");
    // Autumn: back to UTC+2, still 10:00 in Kyiv.
    expect(nextLocalReminderAfter(new Date("2027-10-24T07:00:00Z"), 1, new Date("2027-10-24T07:00:01Z"), KYIV).toISOString()).toBe(
      "2027-10-31T08:00:00.000Z",
    );
    // Down for five weeks: one reminder, the next one on the schedule's weekday.
    expect(nextLocalReminderAfter(first, 1, new Date("2027-05-01T12:00:00Z"), KYIV).toISOString()).toBe("2027-05-02T07:00:00.000Z");
  });
});
