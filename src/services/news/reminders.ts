/**
 * The reminders a scheduler pass enqueues: "write to X every N weeks" when due, and birthday reminders a week ahead
 * for followed prisoners whose birth date a source gives. Each is enqueued in the transaction that advances the
 * reminder or claims its once-only key, so neither a second pass nor a restart sends one twice.
 */
import { getNewsPreferences, timeZonesOf } from "../../db/repositories/subscriptions.js";
import type { InlineKeyboardButton } from "grammy/types";
import type { Locale } from "../../config.js";
import { type DB, inTransaction } from "../../db/database.js";
import { storedLocaleOf } from "../../db/repositories/users.js";
import { claimScheduledSend } from "../../db/repositories/news.js";
import { listPrisoners, getPrisonerBySlug } from "../../db/repositories/prisoners.js";
import { advanceReminder, birthdayWatches, deleteReminderById, dueReminders } from "../../db/repositories/reminders.js";
import { escapeHtml } from "../../telegram/html.js";
import { upcomingBirthdays } from "../../domain/directory/birthdays.js";
import { FREE_OR_DEAD_STATUSES, type PrisonerRecord } from "../../domain/directory/types.js";
import { BIRTHDAY_LEAD_DAYS } from "../../domain/news/schedule.js";
import { DEFAULT_TIME_ZONE, localHour, nextLocalReminderAfter, REMINDER_LOCAL_HOUR } from "../../domain/news/time-zone.js";
import { enqueue } from "../../outbox/index.js";
import { birthdayRemindersData, deleteReminderData } from "./callbacks.js";
import { formatNewsDate, writeButton } from "./render.js";
import type { Translate } from "../../telegram/i18n.js";
import { resolveLocale } from "../../telegram/locale.js";
import { prisonerName } from "../../domain/directory/names.js";

export const REMINDER_KIND = "reminder";

export interface SchedulerContext {
  db: DB;
  now: Date;
  t: Translate;
  defaultLocale: Locale;
}

/** A pass handles at most this many due reminders; the next pass, a second later, takes the rest. */
const REMINDERS_PER_PASS = 500;

function buttonRow(button: InlineKeyboardButton | undefined): InlineKeyboardButton[][] {
  return button ? [[button]] : [];
}

export function canStillWrite(prisoner: PrisonerRecord): boolean {
  return !FREE_OR_DEAD_STATUSES.includes(prisoner.status.value) && prisoner.letters.allowed;
}

export async function enqueueDueReminders(context: SchedulerContext): Promise<number> {
  const { db, now, t, defaultLocale } = context;
  const due = await dueReminders(db, now, REMINDERS_PER_PASS);
  let enqueued = 0;
  for (const reminder of due) {
    const sent = await inTransaction(db, async (trx) => {
      const prisoner = await getPrisonerBySlug(trx, reminder.prisoner_slug);
      const locale = resolveLocale(await storedLocaleOf(trx, reminder.user_id), defaultLocale);
      if (!prisoner || !canStillWrite(prisoner)) {
        // Nobody to write to in prison any more: the reminder ends, and says why once.
        await deleteReminderById(trx, reminder.id);
        if (!prisoner) return false;
        await enqueue(
          trx,
          {
            kind: REMINDER_KIND,
            ref: `reminder:${reminder.id}:ended`,
            chatId: reminder.user_id,
            method: "sendMessage",
            payload: {
              text: escapeHtml(t(locale, "news-reminder-ended", { name: prisonerName(prisoner.names, locale, "list") })),
              parse_mode: "HTML",
            },
          },
          { now },
        );
        return true;
      }
      const timeZone = (await getNewsPreferences(trx, reminder.user_id)).timeZone ?? DEFAULT_TIME_ZONE;
      const next = nextLocalReminderAfter(new Date(reminder.next_at), reminder.every_weeks, now, timeZone);
      if (!(await advanceReminder(trx, reminder.id, reminder.next_at, next))) return false;
      const name = prisonerName(prisoner.names, locale, "list");
      await enqueue(
        trx,
        {
          kind: REMINDER_KIND,
          ref: `reminder:${reminder.id}:${reminder.next_at}`,
          chatId: reminder.user_id,
          method: "sendMessage",
          payload: {
            text: escapeHtml(t(locale, "news-reminder-text", { name, weeks: reminder.every_weeks })),
            parse_mode: "HTML",
            reply_markup: {
              inline_keyboard: [
                ...buttonRow(writeButton(t, locale, prisoner.slug)),
                [{ text: t(locale, "news-reminder-stop"), callback_data: deleteReminderData.pack(reminder.id) }],
              ],
            },
          },
        },
        { now },
      );
      return true;
    });
    if (sent) enqueued += 1;
  }
  return enqueued;
}

export async function enqueueBirthdayReminders(context: SchedulerContext): Promise<number> {
  const { db, now, t, defaultLocale } = context;
  const watches = await birthdayWatches(db);
  if (watches.length === 0) return 0;
  const zones = await timeZonesOf(db, [...new Set(watches.map((watch) => watch.userId))]);
  const slugs = new Set(watches.map((watch) => watch.prisonerSlug));
  const prisoners = (await listPrisoners(db)).filter((prisoner) => slugs.has(prisoner.slug));
  // Day 0 to the lead day: a pass missed while the bot was down still reminds, later, rather than never.
  const birthdays = new Map(upcomingBirthdays(prisoners, now, BIRTHDAY_LEAD_DAYS + 1).map((birthday) => [birthday.slug, birthday]));
  const bySlug = new Map(prisoners.map((prisoner) => [prisoner.slug, prisoner]));
  let enqueued = 0;
  for (const watch of watches) {
    const birthday = birthdays.get(watch.prisonerSlug);
    const prisoner = bySlug.get(watch.prisonerSlug);
    if (!birthday || !prisoner) continue;
    // Not in the middle of someone's night: from the reminder hour in their own time zone.
    if (localHour(now, zones.get(watch.userId) ?? DEFAULT_TIME_ZONE) < REMINDER_LOCAL_HOUR) continue;
    const key = `birthday:${watch.userId}:${watch.prisonerSlug}:${birthday.date}`;
    const locale = resolveLocale(watch.locale, defaultLocale);
    const claimed = await inTransaction(db, async (trx) => {
      if (!(await claimScheduledSend(trx, key, now))) return false;
      const variables = {
        name: prisonerName(prisoner.names, locale, "list"),
        age: birthday.turning,
        date: formatNewsDate(new Date(`${birthday.date}T12:00:00Z`), locale),
        days: birthday.inDays,
      };
      await enqueue(
        trx,
        {
          kind: REMINDER_KIND,
          ref: key,
          chatId: watch.userId,
          method: "sendMessage",
          payload: {
            text: escapeHtml(t(locale, "news-birthday-text", variables)),
            parse_mode: "HTML",
            reply_markup: {
              inline_keyboard: [
                ...buttonRow(writeButton(t, locale, prisoner.slug, "birthday")),
                [{ text: t(locale, "news-birthday-turn-off"), callback_data: birthdayRemindersData.pack(0) }],
              ],
            },
          },
        },
        { now },
      );
      return true;
    });
    if (claimed) enqueued += 1;
  }
  return enqueued;
}
