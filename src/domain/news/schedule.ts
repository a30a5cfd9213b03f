/**
 * Times of the scheduled sends: reminders every N weeks, birthday reminders a week ahead, and the daily digest at a
 * fixed UTC hour. Pure functions of the clock, so the scheduler can be tested by moving the clock.
 */
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Choices offered for "remind me every N weeks". */
export const REMINDER_WEEK_CHOICES = [1, 2, 4, 8] as const;
export const MAX_REMINDER_WEEKS = 52;

/** The daily digest goes out at 17:00 UTC (19:00 in Kyiv in winter, 20:00 in summer): after a working day's news. */
export const DIGEST_HOUR_UTC = 17;
/** Birthday reminders go out from 09:00 UTC, a week ahead, so that a letter can arrive in time. */
export const BIRTHDAY_REMINDER_HOUR_UTC = 9;
export const BIRTHDAY_LEAD_DAYS = 7;

export function isReminderWeeks(weeks: number): boolean {
  return Number.isInteger(weeks) && weeks >= 1 && weeks <= MAX_REMINDER_WEEKS;
}

export function firstReminderAt(now: Date, weeks: number): Date {
  return new Date(now.getTime() + weeks * WEEK_MS);
}

/**
 * The next time after a reminder that was due at `due` fired at `now`. A bot that was down for a month sends one
 * reminder, not four: the schedule skips the missed periods and keeps its weekday and time.
 */
export function nextReminderAfter(due: Date, weeks: number, now: Date): Date {
  const period = weeks * WEEK_MS;
  const missed = Math.max(0, Math.floor((now.getTime() - due.getTime()) / period));
  return new Date(due.getTime() + (missed + 1) * period);
}

/** `YYYY-MM-DD` of `now` in UTC. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The day whose digest is due at `now`, or undefined before today's digest hour. */
export function dueDigestDay(now: Date): string | undefined {
  return now.getUTCHours() >= DIGEST_HOUR_UTC ? utcDay(now) : undefined;
}

/** Whether birthday reminders may go out at `now` (not in the middle of the night for Europe). */
export function birthdayRemindersOpen(now: Date): boolean {
  return now.getUTCHours() >= BIRTHDAY_REMINDER_HOUR_UTC;
}
