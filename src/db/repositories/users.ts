import type { DB } from "../database.js";
import type { User } from "../schema.js";

export async function findUser(db: DB, id: number): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Records that a user wrote to the bot. A new user gets `guessedLocale`; a returning one keeps the locale they
 * have. Writing again also clears a "blocked the bot" mark: Telegram only delivers updates from users who unblocked.
 */
export async function touchUser(db: DB, id: number, guessedLocale: string, now: Date): Promise<User> {
  const at = now.toISOString();
  return db
    .insertInto("users")
    .values({ id, locale: guessedLocale, created_at: at, last_seen_at: at, blocked_at: null })
    .onConflict((oc) => oc.column("id").doUpdateSet({ last_seen_at: at, blocked_at: null }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setUserLocale(db: DB, id: number, locale: string): Promise<void> {
  await db.updateTable("users").set({ locale, locale_chosen: 1 }).where("id", "=", id).execute();
}

export async function markUserBlocked(db: DB, id: number, now: Date): Promise<void> {
  await db.updateTable("users").set({ blocked_at: now.toISOString() }).where("id", "=", id).execute();
}
