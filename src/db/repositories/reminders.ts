import { sql } from "kysely";
import type { DB } from "../database.js";
import type { NewsReminder } from "../tables/news.js";

/** "Remind me to write to X every N weeks": one reminder per user and prisoner. */

export async function setReminder(
  db: DB,
  reminder: { userId: number; prisonerSlug: string; everyWeeks: number; nextAt: Date; now: Date },
): Promise<NewsReminder> {
  const values = { every_weeks: reminder.everyWeeks, next_at: reminder.nextAt.toISOString() };
  return db
    .insertInto("news_reminders")
    .values({ user_id: reminder.userId, prisoner_slug: reminder.prisonerSlug, ...values, created_at: reminder.now.toISOString() })
    .onConflict((oc) => oc.columns(["user_id", "prisoner_slug"]).doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listReminders(db: DB, userId: number): Promise<NewsReminder[]> {
  return db.selectFrom("news_reminders").selectAll().where("user_id", "=", userId).orderBy("next_at").orderBy("id").execute();
}

export async function getReminderOfUser(db: DB, reminderId: number, userId: number): Promise<NewsReminder | undefined> {
  return db.selectFrom("news_reminders").selectAll().where("id", "=", reminderId).where("user_id", "=", userId).executeTakeFirst();
}

/** Only the owner can delete a reminder: callback data naming its id is untrusted. */
export async function deleteReminder(db: DB, reminderId: number, userId: number): Promise<boolean> {
  const result = await db.deleteFrom("news_reminders").where("id", "=", reminderId).where("user_id", "=", userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function deleteReminderById(db: DB, reminderId: number): Promise<void> {
  await db.deleteFrom("news_reminders").where("id", "=", reminderId).execute();
}

/** Reminders due at `now` of users who have not blocked the bot, soonest first. */
export async function dueReminders(db: DB, now: Date, limit: number): Promise<NewsReminder[]> {
  return db
    .selectFrom("news_reminders")
    .innerJoin("users", "users.id", "news_reminders.user_id")
    .selectAll("news_reminders")
    .where("news_reminders.next_at", "<=", now.toISOString())
    .where("users.blocked_at", "is", null)
    .orderBy("news_reminders.next_at")
    .orderBy("news_reminders.id")
    .limit(limit)
    .execute();
}

/**
 * Moves a reminder to its next time, only if it still has the time the caller read: two scheduler passes (or two
 * instances) racing on one reminder cannot both send it.
 */
export async function advanceReminder(db: DB, reminderId: number, expectedNextAt: string, nextAt: Date): Promise<boolean> {
  const result = await db
    .updateTable("news_reminders")
    .set({ next_at: nextAt.toISOString() })
    .where("id", "=", reminderId)
    .where("next_at", "=", expectedNextAt)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface BirthdayWatch {
  userId: number;
  locale: string;
  prisonerSlug: string;
}

/**
 * Pairs (user, prisoner with a known birth date) for users who asked for birthday reminders: prisoners they follow
 * directly, or through a campaign without a mute. Users who blocked the bot are left out.
 */
export async function birthdayWatches(db: DB): Promise<BirthdayWatch[]> {
  const rows = await sql<{ user_id: number; locale: string; prisoner_slug: string }>`
    select u.id as user_id, u.locale as locale, p.slug as prisoner_slug
    from news_preferences np
    join users u on u.id = np.user_id and u.blocked_at is null
    join prisoners p on p.birth_date is not null
    where np.birthday_reminders = 1
      and (
        exists (select 1 from news_follows f
                where f.user_id = u.id and f.target_type = 'prisoner' and f.target_slug = p.slug)
        or (
          exists (select 1 from news_follows f
                  join prisoner_campaigns pc on pc.campaign_slug = f.target_slug
                  where f.user_id = u.id and f.target_type = 'campaign' and pc.prisoner_slug = p.slug)
          and not exists (select 1 from news_mutes m where m.user_id = u.id and m.prisoner_slug = p.slug)
        )
      )
    order by u.id, p.slug
  `.execute(db);
  return rows.rows.map((row) => ({ userId: Number(row.user_id), locale: row.locale, prisonerSlug: row.prisoner_slug }));
}
