/**
 * Times of the scheduled sends that are not the subscriber's local hours (those are in time-zone.ts): the reminder
 * choices, birthday reminders a week ahead. Pure functions of the clock, so the scheduler is tested by moving it.
 */
/** Choices offered for "remind me every N weeks". */
export const REMINDER_WEEK_CHOICES = [1, 2, 4, 8] as const;
export const MAX_REMINDER_WEEKS = 52;

/** Birthday reminders go out from 09:00 UTC, a week ahead, so that a letter can arrive in time. */
export const BIRTHDAY_REMINDER_HOUR_UTC = 9;
export const BIRTHDAY_LEAD_DAYS = 7;

export function isReminderWeeks(weeks: number): boolean {
  return Number.isInteger(weeks) && weeks >= 1 && weeks <= MAX_REMINDER_WEEKS;
}

/** `YYYY-MM-DD` of `now` in UTC. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Whether birthday reminders may go out at `now` (not in the middle of the night for Europe). */
export function birthdayRemindersOpen(now: Date): boolean {
  return now.getUTCHours() >= BIRTHDAY_REMINDER_HOUR_UTC;
}
