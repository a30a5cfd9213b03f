import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Clock } from "../clock.js";
import type { DB } from "../db/database.js";
import {
  claimUpdate,
  completeUpdate,
  highestRecordedUpdate,
  recordUpdatesHandled,
  renewUpdateLease,
  wasUpdateHandled,
} from "../db/repositories/coordination.js";
import type { SharedDeliveryLedger } from "./deliveries.js";

/**
 * How long an instance holds an update it is handling before another may take it over: long enough that a live
 * instance renews it in time (every third of it), short enough that Telegram's next delivery after a crash, minutes
 * later at most, is handled.
 */
export const UPDATE_LEASE_MS = 60_000;

/**
 * The deliveries ledger in the database (seen_updates), on the injected clock, for instances sharing one database
 * (Postgres): every update taken in is leased for UPDATE_LEASE_MS. SQLite has one process: createLocalDeliveryLedger.
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

/** Rows per statement when handled updates are recorded together (4 parameters each, far below SQLite's limit). */
const MOST_RECORDED_AT_ONCE = 500;

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
  const pending: Array<{ updateId: number; done: () => void; failed: (error: unknown) => void }> = [];
  const flush = async () => {
    const batch = pending.splice(0, MOST_RECORDED_AT_ONCE);
    if (pending.length > 0) setImmediate(() => void flush());
    try {
      await recordUpdatesHandled(db, batch.map((entry) => entry.updateId), clock.now());
      for (const entry of batch) entry.done();
    } catch (error) {
      for (const entry of batch) entry.failed(error);
    }
  };
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
    complete: (updateId) =>
      new Promise<void>((done, failed) => {
        if (pending.push({ updateId, done, failed }) === 1) setImmediate(() => void flush());
      }),
    renew: async () => undefined,
    renewEveryMs: undefined,
  };
}
