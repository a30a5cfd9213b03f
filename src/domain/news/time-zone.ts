/**
 * Subscribers' own time: the digest and reminders go out at a local hour in the time zone the person chose (Kyiv
 * unless they changed it), including across daylight-saving changes. Pure functions of an instant; Intl knows the
 * zones, so nothing here hard-codes an offset.
 */
import { zoneOfCyrillicCity } from "./time-zone-cities.js";

export const DEFAULT_TIME_ZONE = "Europe/Kyiv";
/** The daily digest at 19:00 local time: after a working day's news. */
export const DIGEST_LOCAL_HOUR = 19;
/** Reminders to write at 10:00 local time, on the day they are due. */
export const REMINDER_LOCAL_HOUR = 10;

/** Zones offered as buttons; any other IANA name can be typed (`/timezone Europe/Prague`). */
export const COMMON_TIME_ZONES = [
  "Europe/Kyiv",
  "Europe/Warsaw",
  "Europe/Berlin",
  "Europe/London",
  "Europe/Vilnius",
  "Asia/Tbilisi",
  "America/New_York",
  "America/Toronto",
] as const;

/**
 * The canonical spelling of an IANA zone name (`europe/kiev` → `Europe/Kiev`), or of the zone a city typed alone
 * names (`Prague`, `new york`: people type where they live, not the region before it), or undefined when Intl knows
 * none.
 */
export function canonicalTimeZone(name: string): string | undefined {
  const trimmed = name.trim();
  return zoneNamed(trimmed) ?? (trimmed.includes("/") ? undefined : zoneOfCity(trimmed));
}

/**
 * The zone whose last part is this city, when exactly one is (`Kyiv` too, which ICU may still spell Kiev); a city in
 * Cyrillic by its Ukrainian or Russian name (time-zone-cities.ts).
 */
function zoneOfCity(city: string): string | undefined {
  if (/^\p{Script=Cyrillic}[\p{Script=Cyrillic} .,'’ʼ-]{1,40}$/u.test(city)) {
    const zone = zoneOfCyrillicCity(city);
    return zone === undefined ? undefined : zoneNamed(zone);
  }
  if (!/^[A-Za-z][A-Za-z .'-]{1,40}$/u.test(city)) return undefined;
  const key = city.replace(/\s+/gu, "_").toLowerCase();
  if (key === "kyiv" || key === "kiev") return DEFAULT_TIME_ZONE;
  const matches = Intl.supportedValuesOf("timeZone").filter((zone) => zone.slice(zone.lastIndexOf("/") + 1).toLowerCase() === key);
  return matches.length === 1 ? matches[0] : undefined;
}

function zoneNamed(trimmed: string): string | undefined {
  if (trimmed === "" || trimmed.length > 64 || !/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){0,2}$/u.test(trimmed)) return undefined;
  if (/^europe\/(kyiv|kiev)$/iu.test(trimmed)) return DEFAULT_TIME_ZONE;
  try {
    // ICU may answer an older alias (Europe/Kiev for Europe/Kyiv): keep what was typed then, it is valid.
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: trimmed }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === trimmed.toLowerCase() ? resolved : trimmed;
  } catch {
    return undefined;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallClock(at: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((entry) => entry.type === type)?.value ?? 0);
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute") };
}

/** `YYYY-MM-DD` of `at` in the zone. */
export function localDay(at: Date, timeZone: string): string {
  const { year, month, day } = wallClock(at, timeZone);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function localHour(at: Date, timeZone: string): number {
  return wallClock(at, timeZone).hour;
}

/** Minutes the zone is ahead of UTC at `at` (Kyiv: 120 in winter, 180 in summer). */
function offsetMinutes(at: Date, timeZone: string): number {
  const wall = wallClock(at, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant when the zone's clocks show `hour`:00 on `day` (`YYYY-MM-DD`); an hour skipped by DST moves later. */
export function atLocalHour(day: string, hour: number, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, date, hour);
  // The offset a moment before and after can differ on the day of a change: take the one that holds at the result.
  let guess = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  guess = wall - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

/** `day` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** The local day whose digest is due at `now`, or undefined before the digest hour there. */
export function dueLocalDigestDay(now: Date, timeZone: string): string | undefined {
  return localHour(now, timeZone) >= DIGEST_LOCAL_HOUR ? localDay(now, timeZone) : undefined;
}

/** A reminder set at `now` for every `weeks` weeks: that many weeks later, at the reminder hour there. */
export function firstLocalReminderAt(now: Date, weeks: number, timeZone: string): Date {
  return atLocalHour(addDays(localDay(now, timeZone), weeks * 7), REMINDER_LOCAL_HOUR, timeZone);
}

/**
 * The next reminder after one due at `due` fired at `now`: whole periods later on the calendar, at the reminder hour
 * local time (so a DST change does not move it to 09:00 or 11:00); periods missed while the bot was down are skipped.
 */
export function nextLocalReminderAfter(due: Date, weeks: number, now: Date, timeZone: string): Date {
  let day = localDay(due, timeZone);
  let next = atLocalHour(addDays(day, weeks * 7), REMINDER_LOCAL_HOUR, timeZone);
  for (let guard = 0; next.getTime() <= now.getTime() && guard < 10_000; guard += 1) {
    day = addDays(day, weeks * 7);
    next = atLocalHour(addDays(day, weeks * 7), REMINDER_LOCAL_HOUR, timeZone);
  }
  return next;
}
