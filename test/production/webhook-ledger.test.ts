import { afterEach, expect, it } from "vitest";
import { claimUpdate, completeUpdate, renewUpdateLease } from "../../src/db/repositories/coordination.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.cleanup();
  database = undefined;
});

const LEASE = 60_000;
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
