import type { PartialDate } from "./types.js";

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for `2026`, `2026-02` and real calendar days such as `2026-02-16` (not `2026-02-30`). */
export function isPartialDate(text: string): boolean {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return false;
  if (day === undefined) return true;
  const date = new Date(Date.UTC(Number(year), monthNumber - 1, Number(day)));
  return date.getUTCMonth() === monthNumber - 1 && date.getUTCDate() === Number(day);
}

export function isFullDate(text: string): boolean {
  return text.length === 10 && isPartialDate(text);
}

/**
 * The first day a partial date can mean. Comparisons use it so that «2026-02» never counts as newer than
 * «2026-02-16»: a vaguer source must not overwrite a precise one from the same month.
 */
export function earliestDay(date: PartialDate): string {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

/** Negative when `a` is older than `b`, zero when they start on the same day, positive when newer. */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  const left = earliestDay(a);
  const right = earliestDay(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Whole days from the first day `date` can mean to `today` (UTC). */
export function daysSince(date: PartialDate, today: Date): number {
  const start = Date.parse(`${earliestDay(date)}T00:00:00Z`);
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.floor((end - start) / 86_400_000);
}

// Intl ends Ukrainian and Russian dates with «р.»/«г.»: dropped, so that a sentence ending in a date never reads «р..».
const YEAR_ABBREVIATION = /\s(?:р|г)\.$/u;

/**
 * «16 February 2026», «February 2026» or «2026» in the reader's language: a card never shows a day or month the
 * source did not give.
 */
export function formatPartialDate(date: PartialDate, locale: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number | undefined, number | undefined];
  if (month === undefined) return String(year);
  const value = new Date(Date.UTC(year, month - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions =
    day === undefined ? { year: "numeric", month: "long", timeZone: "UTC" } : { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" };
  return new Intl.DateTimeFormat(locale, options).format(value).replace(YEAR_ABBREVIATION, "");
}
