import { sql } from "kysely";
import { afterEach, expect, it } from "vitest";
import { claimUpdate, completeUpdate, renewUpdateLease } from "../../src/db/repositories/coordination.js";
import { createLocalDeliveryLedger, createSharedDeliveryLedger } from "../../src/server/shared-deliveries.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { Statements } from "../helpers/statements.js";

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.cleanup();
  database = undefined;
});

const LEASE = 60_000;
const onPostgres = process.env.TEST_DATABASE_URL?.startsWith("postgres") ?? false;
const at = (ms: number) => new Date(Date.UTC(2026, 11, 6, 12) + ms);

it("leases an update to one instance, lets another take it over only after the lease, and never after it is handled", async () => {
  database = await createTestDatabase();
  const { db } = database;
  expect(await claimUpdate(db, 501, "a", at(0), LEASE)).toBe("handle");
  expect(await claimUpdate(db, 501, "b", at(1_000), LEASE)).toBe("busy");
  // A renews while still handling: B must wait for the renewed lease, not the first one.
  await renewUpdateLease(db, 501, "a", at(90_000));
  expect(await claimUpdate(db, 501, "b", at(LEASE + 1), LEASE)).toBe("busy");
  // A died: its lease runs out and B takes the update over; A, back from the dead, cannot renew B's lease.
  expect(await claimUpdate(db, 501, "b", at(90_001), LEASE)).toBe("handle");
  await renewUpdateLease(db, 501, "a", at(10 * LEASE));
  expect(await claimUpdate(db, 501, "c", at(90_001 + LEASE + 1), LEASE)).toBe("handle");
  await completeUpdate(db, 501);
  expect(await claimUpdate(db, 501, "d", at(100 * LEASE), LEASE)).toBe("handled");
  expect(await claimUpdate(db, 502, "d", at(100 * LEASE), LEASE)).toBe("handle");
});

it("ends the leases of updates finished in the same turn in one statement, after which no instance handles them again", async () => {
  database = await createTestDatabase();
  const statements = new Statements();
  const db = database.db.withPlugin(statements);
  const ledger = createSharedDeliveryLedger(db, { now: () => at(0) }, { owner: "a" });
  const other = createSharedDeliveryLedger(database.db, { now: () => at(1_000) }, { owner: "b" });
  for (const id of [601, 602, 603]) expect(await ledger.claim(id)).toBe("handle");
  const ended = await statements.during(() => Promise.all([601, 602, 603].map((id) => ledger.complete(id))));
  expect(ended).toEqual(["Update seen_updates"]);
  for (const id of [601, 602, 603]) expect(await other.claim(id)).toBe("handled");
  // One alone, in a later turn, is ended too.
  expect(await ledger.claim(604)).toBe("handle");
  await ledger.complete(604);
  expect(await other.claim(604)).toBe("handled");
});

it("on a database of its own (SQLite), remembers every handled update across a restart, recorded together, and handles one a dead process left unfinished", async () => {
  database = await createTestDatabase();
  const { db } = database;
  const ledger = createLocalDeliveryLedger(db, { now: () => at(0) });
  const ids = Array.from({ length: 1_201 }, (_, index) => 9_000 + index);
  for (const id of ids) expect(await ledger.claim(id)).toBe("handle");
  // Updates finishing in the same turn are written together (more than one statement's worth here).
  await Promise.all(ids.map((id) => ledger.complete(id)));
  expect(ledger.renewEveryMs).toBeUndefined();

  // The next process on the same file (a restart): every one of them was handled, a new one was not.
  const restarted = createLocalDeliveryLedger(database.reopen(), { now: () => at(5_000) });
  for (const id of [9_000, 9_600, 10_200]) expect(await restarted.claim(id)).toBe("handled");
  expect(await restarted.claim(10_201)).toBe("handle");
  // A row an earlier version left mid-handling (it took a lease, then died): handled again, and then remembered.
  await claimUpdate(db, 777, "dead", at(0), 0);
  expect(await restarted.claim(777)).toBe("handle");
  await restarted.complete(777);
  expect(await restarted.claim(777)).toBe("handled");
  expect(await ledger.claim(777)).toBe("handled");
});

it("on a database of its own, takes in an update above every one seen without reading the ledger, and still knows what it handled below that mark", async () => {
  database = await createTestDatabase();
  const { db } = database;
  const first = createLocalDeliveryLedger(db, { now: () => at(0) });
  expect(await first.claim(500)).toBe("handle");
  await first.complete(500);
  // The next process: 500 is the highest recorded. New updates above it, and a delivery again of one of them.
  const ledger = createLocalDeliveryLedger(database.reopen(), { now: () => at(1_000) });
  expect(await Promise.all([ledger.claim(502), ledger.claim(501)])).toEqual(["handle", "handle"]);
  await Promise.all([ledger.complete(502), ledger.complete(501)]);
  expect(await ledger.claim(502)).toBe("handled");
  expect(await ledger.claim(501)).toBe("handled");
  expect(await ledger.claim(500)).toBe("handled");
  // Below the mark and never recorded (overtaken by a later update, or a random id after a week of silence): handled.
  expect(await ledger.claim(499)).toBe("handle");
  expect(await ledger.claim(503)).toBe("handle");
  await ledger.complete(503);
  expect(await ledger.claim(503)).toBe("handled");
});

it.skipIf(onPostgres)("on a database of its own, a record that cannot be written fails each waiting update, so it is not answered as handled", async () => {
  database = await createTestDatabase();
  const { db } = database;
  await sql`create trigger refuse_records before insert on seen_updates begin select raise(abort, 'disk full'); end`.execute(db);
  const ledger = createLocalDeliveryLedger(db, { now: () => at(0) });
  const results = await Promise.allSettled([ledger.complete(1), ledger.complete(2)]);
  expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
  await sql`drop trigger refuse_records`.execute(db);
  expect(await ledger.claim(1)).toBe("handle");
  // The next records are written again.
  await ledger.complete(1);
  expect(await ledger.claim(1)).toBe("handled");
});
