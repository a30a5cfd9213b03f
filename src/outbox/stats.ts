import { sql } from "kysely";
import type { DB } from "../db/database.js";
import type { OutboxStatus } from "../db/tables/outbox.js";
import { systemClock } from "../clock.js";

export interface OutboxStats {
  byStatus: Record<OutboxStatus, number>;
  /** Age of the oldest row still waiting to be sent (pending), or null when none is. */
  oldestPendingAgeMs: number | null;
}

/** Queue length by status for metrics and the admin view. */
export async function outboxStats(db: DB, now = systemClock.now()): Promise<OutboxStats> {
  const counts = await db
    .selectFrom("outbox")
    .select(["status", (eb) => eb.fn.countAll<number | string>().as("count")])
    .groupBy("status")
    .execute();
  const byStatus: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0, held: 0 };
  for (const row of counts) byStatus[row.status] = Number(row.count);
  const oldest = await db
    .selectFrom("outbox")
    .select("created_at")
    .where("status", "=", sql.lit<OutboxStatus>("pending"))
    .orderBy("created_at")
    .limit(1)
    .executeTakeFirst();
  return { byStatus, oldestPendingAgeMs: oldest ? Math.max(0, now.getTime() - Date.parse(oldest.created_at)) : null };
}

export interface OutboxProgress {
  total: number;
  sent: number;
  failed: number;
  held: number;
  /** Pending or being sent. */
  waiting: number;
}

/**
 * Progress of everything whose ref starts with `refPrefix`, e.g. "news:17:" for one news broadcast. A range on
 * the `outbox_ref` index rather than LIKE, which SQLite cannot serve from a case-sensitive index.
 */
export async function progressOf(db: DB, refPrefix: string): Promise<OutboxProgress> {
  if (!refPrefix) throw new Error("progressOf needs a ref prefix");
  const rows = await db
    .selectFrom("outbox")
    .select(["status", (eb) => eb.fn.countAll<number | string>().as("count")])
    .where("ref", ">=", refPrefix)
    .where("ref", "<", prefixUpperBound(refPrefix))
    .groupBy("status")
    .execute();
  const progress: OutboxProgress = { total: 0, sent: 0, failed: 0, held: 0, waiting: 0 };
  for (const row of rows) {
    const count = Number(row.count);
    progress.total += count;
    if (row.status === "sent" || row.status === "failed" || row.status === "held") progress[row.status] += count;
    else progress.waiting += count;
  }
  return progress;
}

/** The smallest string greater than every string starting with `prefix` (binary collation). */
function prefixUpperBound(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}
