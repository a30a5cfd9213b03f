import { sql } from "kysely";
import type { DB } from "../database.js";

/** Records an update id; false when some instance recorded it before (Telegram delivered it again). */
export async function recordUpdateSeen(db: DB, updateId: number, now: Date): Promise<boolean> {
  const inserted = await db
    .insertInto("seen_updates")
    .values({ update_id: updateId, seen_at: now.toISOString() })
    .onConflict((oc) => oc.column("update_id").doNothing())
    .returning("update_id")
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Telegram stops delivering an update again after a day; older ids need not be remembered. */
export async function pruneSeenUpdates(db: DB, before: Date): Promise<number> {
  const result = await db.deleteFrom("seen_updates").where("seen_at", "<", before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Counts one more update of `userId` in the window starting at `windowStart` and returns the count, atomically (one
 * upsert), so concurrent instances never both see the same count. A new window starts the count again at 1.
 */
export async function countRateLimitHit(db: DB, userId: number, windowStart: number): Promise<number> {
  const row = await db
    .insertInto("rate_limit_windows")
    .values({ user_id: userId, window_start: windowStart, hits: 1 })
    .onConflict((oc) =>
      oc.column("user_id").doUpdateSet({
        hits: sql<number>`case when rate_limit_windows.window_start = excluded.window_start then rate_limit_windows.hits + 1 else 1 end`,
        window_start: sql<number>`excluded.window_start`,
      }),
    )
    .returning("hits")
    .executeTakeFirstOrThrow();
  return Number(row.hits);
}
