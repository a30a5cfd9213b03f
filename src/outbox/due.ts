import { type QueryCreator, sql } from "kysely";
import type { Database } from "../db/schema.js";
import type { ClaimRequest } from "./claim.js";

/**
 * The claim's two halves, the same on SQLite (`claimDue`) and Postgres (`claimDuePostgres`, which adds its row
 * locks): the ids of up to `limit` due rows in send order, and the lease written on them.
 * `status` is a literal so SQLite can use the partial index `outbox_due`.
 */
export function dueIds(db: QueryCreator<Database>, request: ClaimRequest) {
  return db
    .selectFrom("outbox")
    .select("id")
    .where("status", "=", sql.lit("pending"))
    .where("next_attempt_at", "<=", request.now.toISOString())
    .where("kind", "in", request.kinds)
    .orderBy("priority", "desc")
    .orderBy("next_attempt_at")
    .orderBy("id")
    .limit(request.limit);
}

export function leaseOf(request: ClaimRequest) {
  return { status: "sending", lease_owner: request.owner, lease_until: new Date(request.now.getTime() + request.leaseMs).toISOString() } as const;
}
