import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Clock } from "../clock.js";
import type { DB } from "../db/database.js";
import {
  claimUpdate,
  completeUpdates,
  highestRecordedUpdate,
  recordUpdatesHandled,
  renewUpdateLease,
  wasUpdateHandled,
} from "../db/repositories/coordination.js";
import type { SharedDeliveryLedger } from "./deliveries.js";
import { groupedWrites } from "./grouped-writes.js";

/**
 * How long an instance holds an update it is handling before another may take it over: long enough that a live
 * instance renews it in time (every third of it), short enough that Telegram's next delivery after a crash, minutes
 * later at most, is handled.
 */
export const UPDATE_LEASE_MS = 60_000;

/**
 * The deliveries ledger in the database (seen_updates), on the injected clock, for instances sharing one database
 * (Postgres): every update taken in is leased for UPDATE_LEASE_MS. SQLite has one process: createLocalDeliveryLedger.
 * The leases of updates finished in the same turn of the event loop end in one statement (grouped-writes.ts): each is
 * answered only once its lease ended, as before; meanwhile another instance still sees the update leased ("busy").
 */
export function createSharedDeliveryLedger(db: DB, clock: Clock, options: { owner?: string; leaseMs?: number } = {}): SharedDeliveryLedger {
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? UPDATE_LEASE_MS;
  return {
    claim: (updateId) => claimUpdate(db, updateId, owner, clock.now(), leaseMs),
    complete: groupedWrites((updateIds) => completeUpdates(db, updateIds)),
    renew: (updateId) => renewUpdateLease(db, updateId, owner, new Date(clock.now().getTime() + leaseMs)),
    renewEveryMs: leaseMs > 0 ? leaseMs / 3 : undefined,
  };
}

/**
 * The ledger of one process alone on its database (SQLite): no other instance can hold an update, so taking one in
 * is a read (was it handled before a restart?) and handling it takes no lease. What was handled is recorded in one
 * statement for every update that finished in the same turn of the event loop (a group commit): under load that is
 * one write and one commit for several updates instead of two writes for each. Each update is answered only once its
 * record is written, so a crash before it means no 200, and Telegram's delivery again is handled (as before, when
 * the process died between handling and recording).
 *
 * Taking an update in needs no read either when its id is above every id recorded before this process started and
 * every id it took in since: nothing can have recorded it (the process is alone, and Telegram's ids grow). A delivery
 * again, an update overtaken by a later one or an id after a week of silence (Telegram then picks one at random) is
 * at or below that mark and is read as before.
 */
export function createLocalDeliveryLedger(db: DB, clock: Pick<Clock, "now">): SharedDeliveryLedger {
  let recordedBeforeStart: Promise<number> | undefined;
  let highestTakenIn = -1;
  return {
    claim: async (updateId) => {
      recordedBeforeStart ??= highestRecordedUpdate(db).catch((error: unknown) => {
        recordedBeforeStart = undefined;
        throw error;
      });
      const mark = Math.max(await recordedBeforeStart, highestTakenIn);
      if (updateId > mark) {
        highestTakenIn = updateId;
        return "handle";
      }
      return (await wasUpdateHandled(db, updateId)) ? "handled" : "handle";
    },
    complete: groupedWrites((updateIds) => recordUpdatesHandled(db, updateIds, clock.now())),
    renew: async () => undefined,
    renewEveryMs: undefined,
  };
}
