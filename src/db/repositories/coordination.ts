import { sql } from "kysely";
import type { DB } from "../database.js";
import { prepared } from "../prepared.js";

export type UpdateClaim = "handle" | "handled" | "busy";

/**
 * Takes the lease on an update for `owner` until `now + leaseMs`: "handle" when it is new or the previous holder's
 * lease ran out (that instance died mid-handling), "handled" when some instance finished it, "busy" while another
 * holds an unexpired lease. One upsert, so two instances never both get "handle" for one live lease.
 */
export async function claimUpdate(db: DB, updateId: number, owner: string, now: Date, leaseMs: number): Promise<UpdateClaim> {
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const taken = await takeLease.first(db, updateId, now.toISOString(), until, owner);
  if (taken !== undefined) return "handle";
  const row = await readLease.first(db, updateId);
  return row !== undefined && row.handling_until === null ? "handled" : "busy";
}

/** Every update in webhook mode takes and ends a lease: these queries are compiled once (db/prepared.ts). */
const takeLease = prepared((db: DB, updateId: number, now: string, until: string, owner: string) =>
  db
    .insertInto("seen_updates")
    .values({ update_id: updateId, seen_at: now, handling_until: until, handled_by: owner })
    .onConflict((oc) =>
      oc
        .column("update_id")
        .doUpdateSet({ handling_until: until, handled_by: owner })
        .where("seen_updates.handling_until", "is not", null)
        .where("seen_updates.handling_until", "<", now),
    )
    .returning("update_id"),
);

const readLease = prepared((db: DB, updateId: number) =>
  db.selectFrom("seen_updates").select("handling_until").where("update_id", "=", updateId),
);

const endLease = prepared((db: DB, updateId: number) =>
  db.updateTable("seen_updates").set({ handling_until: null, handled_by: null }).where("update_id", "=", updateId),
);

/** The update was handled: no instance handles it again, whatever lease it had. */
export async function completeUpdate(db: DB, updateId: number): Promise<void> {
  await endLease.execute(db, updateId);
}

/** Several updates handled, in one statement (one commit; one is the compiled statement of completeUpdate). */
export async function completeUpdates(db: DB, updateIds: readonly number[]): Promise<void> {
  if (updateIds.length === 1) return completeUpdate(db, updateIds[0] as number);
  if (updateIds.length === 0) return;
  await db.updateTable("seen_updates").set({ handling_until: null, handled_by: null }).where("update_id", "in", updateIds).execute();
}

/**
 * One process alone on its database (SQLite): true when the update was handled before, perhaps by this process before
 * a restart. A row still marked as being handled was left by a process that died mid-handling: not handled.
 */
export async function wasUpdateHandled(db: DB, updateId: number): Promise<boolean> {
  const row = await readLease.first(db, updateId);
  return row !== undefined && row.handling_until === null;
}

/** The highest update id the ledger holds, or -1 when it holds none. */
export async function highestRecordedUpdate(db: DB): Promise<number> {
  const row = await db
    .selectFrom("seen_updates")
    .select((eb) => eb.fn.max("update_id").as("highest"))
    .executeTakeFirst();
  return row?.highest === null || row?.highest === undefined ? -1 : Number(row.highest);
}

/**
 * Records updates as handled, several in one statement (one commit): a single process (SQLite) takes no lease while
 * handling, it only needs to remember what it handled across a restart.
 */
export async function recordUpdatesHandled(db: DB, updateIds: readonly number[], now: Date): Promise<void> {
  if (updateIds.length === 0) return;
  const seenAt = now.toISOString();
  await db
    .insertInto("seen_updates")
    .values(updateIds.map((updateId) => ({ update_id: updateId, seen_at: seenAt, handling_until: null, handled_by: null })))
    .onConflict((oc) => oc.column("update_id").doUpdateSet({ handling_until: null, handled_by: null }))
    .execute();
}

/** Extends `owner`'s lease on an update still being handled; nothing if it was handled or taken over meanwhile. */
export async function renewUpdateLease(db: DB, updateId: number, owner: string, until: Date): Promise<void> {
  await db
    .updateTable("seen_updates")
    .set({ handling_until: until.toISOString() })
    .where("update_id", "=", updateId)
    .where("handled_by", "=", owner)
    .where("handling_until", "is not", null)
    .execute();
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
