import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Clock } from "../clock.js";
import type { DB } from "../db/database.js";
import { claimUpdate, completeUpdate, renewUpdateLease } from "../db/repositories/coordination.js";
import type { SharedDeliveryLedger } from "./deliveries.js";

/**
 * How long an instance holds an update it is handling before another may take it over: long enough that a live
 * instance renews it in time (every third of it), short enough that Telegram's next delivery after a crash, minutes
 * later at most, is handled.
 */
export const UPDATE_LEASE_MS = 60_000;

/**
 * The deliveries ledger in the database (seen_updates), on the injected clock. On Postgres every instance shares it
 * with leases of UPDATE_LEASE_MS. On SQLite there is one process: an update it finds unfinished was left by a process
 * that died, so the lease is 0 (taken over at once); the table then remembers handled updates across a restart.
 */
export function createSharedDeliveryLedger(db: DB, clock: Clock, options: { owner?: string; leaseMs?: number } = {}): SharedDeliveryLedger {
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? UPDATE_LEASE_MS;
  return {
    claim: (updateId) => claimUpdate(db, updateId, owner, clock.now(), leaseMs),
    complete: (updateId) => completeUpdate(db, updateId),
    renew: (updateId) => renewUpdateLease(db, updateId, owner, new Date(clock.now().getTime() + leaseMs)),
    renewEveryMs: leaseMs > 0 ? leaseMs / 3 : undefined,
  };
}
