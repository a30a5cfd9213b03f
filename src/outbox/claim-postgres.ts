import type { DB } from "../db/database.js";
import type { ClaimRequest } from "./claim.js";
import { dueIds, leaseOf } from "./due.js";
import type { OutboxRow } from "./types.js";

/**
 * The claim on Postgres, where several instances' workers share the queue. The due rows are selected with
 * `FOR UPDATE SKIP LOCKED` inside the same statement that leases them: a row another claimer has locked is passed
 * over instead of waited for (no convoy behind the slowest instance) and can never be leased twice. The final SELECT
 * returns the claimed rows in send order, which a bare `UPDATE … RETURNING` does not promise.
 */
export async function claimDuePostgres(db: DB, request: ClaimRequest): Promise<OutboxRow[]> {
  return db
    .with("due", (db) => dueIds(db, request).forUpdate().skipLocked())
    .with("claimed", (db) =>
      db
        .updateTable("outbox")
        .set(leaseOf(request))
        .where("id", "in", db.selectFrom("due").select("due.id"))
        .returningAll(),
    )
    .selectFrom("claimed")
    .selectAll()
    .orderBy("priority", "desc")
    .orderBy("next_attempt_at")
    .orderBy("id")
    .execute();
}
