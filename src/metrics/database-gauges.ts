import type { Gauge } from "prom-client";
import type { DB } from "../db/database.js";
import { outboxStats } from "../outbox/stats.js";

export interface DatabaseGauges {
  lettersByRoute: Gauge<"route" | "status">;
  outboxQueueLength: Gauge;
  outboxOldestPendingAge: Gauge;
  outboxRows: Gauge<"kind" | "status">;
}

/**
 * Figures read from the shared database at scrape time, so every instance reports the same totals: sum or max them
 * across instances, never add them up per instance. Counts go through `Number()` because Postgres returns counts
 * as strings.
 */
export async function refreshDatabaseGauges(db: DB, gauges: DatabaseGauges, now: Date): Promise<void> {
  const letters = await db
    .selectFrom("letters")
    .select(["route", "status", (eb) => eb.fn.countAll<number | string>().as("count")])
    .where("route", "is not", null)
    .groupBy(["route", "status"])
    .execute();
  gauges.lettersByRoute.reset();
  for (const row of letters) {
    gauges.lettersByRoute.set({ route: row.route ?? "none", status: row.status }, Number(row.count));
  }

  const stats = await outboxStats(db, now);
  gauges.outboxQueueLength.set(stats.byStatus.pending + stats.byStatus.sending);
  gauges.outboxOldestPendingAge.set((stats.oldestPendingAgeMs ?? 0) / 1000);

  const deliveries = await db
    .selectFrom("outbox")
    .select(["kind", "status", (eb) => eb.fn.countAll<number | string>().as("count")])
    .groupBy(["kind", "status"])
    .execute();
  gauges.outboxRows.reset();
  for (const row of deliveries) gauges.outboxRows.set({ kind: row.kind, status: row.status }, Number(row.count));
}
