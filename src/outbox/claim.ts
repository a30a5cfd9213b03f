import { sql } from "kysely";
import { type DB, isPostgresDb } from "../db/database.js";
import type { OutboxStatus } from "../db/tables/outbox.js";
import { claimDuePostgres } from "./claim-postgres.js";
import { dueIds, leaseOf } from "./due.js";
import type { OutboxRow } from "./types.js";

export interface ClaimRequest {
  /** This worker instance; written to `lease_owner`. */
  owner: string;
  now: Date;
  leaseMs: number;
  limit: number;
  /** Only kinds this worker has handlers for. */
  kinds: readonly string[];
}

/**
 * Atomically moves up to `limit` due rows from pending to sending under this worker's lease and returns them in send
 * order. One statement, so no other instance can claim the same row: SQLite serialises writers; Postgres goes to
 * `claimDuePostgres` (claim-postgres.ts), whose inner SELECT takes row locks with SKIP LOCKED so concurrent claimers
 * pass over each other's rows instead of waiting. Both select and lease through `due.ts`.
 */
export async function claimDue(db: DB, request: ClaimRequest): Promise<OutboxRow[]> {
  if (request.limit <= 0 || request.kinds.length === 0) return [];
  if (isPostgresDb(db)) return claimDuePostgres(db, request);
  const rows = await db
    .updateTable("outbox")
    .set(leaseOf(request))
    .where("id", "in", dueIds(db, request))
    .returningAll()
    .execute();
  // RETURNING promises no order.
  return rows.sort(
    (a, b) => b.priority - a.priority || compare(a.next_attempt_at, b.next_attempt_at) || a.id - b.id,
  );
}

/**
 * Puts rows whose lease ran out (their worker crashed or hung) back in the queue. That counts as an attempt, so a row
 * that crashes the process every time cannot loop forever; rows at `maxAttempts` come back as failed.
 */
export async function recoverExpiredLeases(db: DB, now: Date, maxAttempts: number): Promise<OutboxRow[]> {
  const at = now.toISOString();
  return db
    .updateTable("outbox")
    .set((eb) => ({
      status: eb
        .case()
        .when("attempts", ">=", maxAttempts - 1)
        .then(sql.lit<OutboxStatus>("failed"))
        .else(sql.lit<OutboxStatus>("pending"))
        .end(),
      attempts: eb("attempts", "+", 1),
      lease_owner: null,
      lease_until: null,
      next_attempt_at: at,
      last_error: "lease expired: the worker stopped before recording an answer",
    }))
    .where("status", "=", sql.lit("sending"))
    .where("lease_until", "<=", at)
    .returningAll()
    .execute();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
