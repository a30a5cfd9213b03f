/**
 * Birthdays in the coming days, for "write for a birthday" prompts. Only full dates count (a year alone gives no day),
 * and only people a letter can still reach.
 */
import { FREE_OR_DEAD_STATUSES, type PrisonerRecord } from "./types.js";

export interface UpcomingBirthday {
  slug: string;
  /** The birthday this year or next, YYYY-MM-DD. */
  date: string;
  /** Age reached on that day. */
  turning: number;
  /** 0 = today. */
  inDays: number;
}

/** Birthdays from `from` (day 0) to `days - 1` days later, soonest first. */
export function upcomingBirthdays(prisoners: readonly PrisonerRecord[], from: Date, days: number): UpcomingBirthday[] {
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  const found: UpcomingBirthday[] = [];
  for (const prisoner of prisoners) {
    if (prisoner.birthDate === null) continue;
    if (FREE_OR_DEAD_STATUSES.includes(prisoner.status.value) || !prisoner.letters.allowed) continue;
    const [birthYear, month, day] = prisoner.birthDate.split("-").map(Number) as [number, number, number];
    for (const year of [from.getUTCFullYear(), from.getUTCFullYear() + 1]) {
      const celebrated = celebratedOn(year, month, day);
      const inDays = Math.round((celebrated - start) / 86_400_000);
      if (inDays >= 0 && inDays < days) {
        found.push({ slug: prisoner.slug, date: new Date(celebrated).toISOString().slice(0, 10), turning: year - birthYear, inDays });
        break;
      }
    }
  }
  return found.sort((a, b) => a.inDays - b.inDays || (a.slug < b.slug ? -1 : 1));
}

/** People born on 29 February are greeted on 28 February in other years (before the day, not after it). */
function celebratedOn(year: number, month: number, day: number): number {
  const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1;
  return month === 2 && day === 29 && !leap ? Date.UTC(year, 1, 28) : Date.UTC(year, month - 1, day);
}
