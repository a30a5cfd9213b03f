/**
 * Times of the scheduled sends that are not the subscriber's local hours (those are in time-zone.ts): the reminder
 * choices, birthday reminders a week ahead. Pure functions of the clock, so the scheduler is tested by moving it.
 */
/** Choices offered for "remind me every N weeks". */
export const REMINDER_WEEK_CHOICES = [1, 2, 4, 8] as const;
export const MAX_REMINDER_WEEKS = 52;

/** Birthday reminders go out a week ahead (from the reminder hour, time-zone.ts), so that a letter can arrive in time. */
export const BIRTHDAY_LEAD_DAYS = 7;

export function isReminderWeeks(weeks: number): boolean {
  return Number.isInteger(weeks) && weeks >= 1 && weeks <= MAX_REMINDER_WEEKS;
}

/** `YYYY-MM-DD` of `now` in UTC. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
