import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DB, inTransactionRetryingDeadlocks, retriedDeadlocks } from "../../src/db/database.js";
import { lockPerson, touchUser } from "../../src/db/repositories/users.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { PauseAfterFirstStatement, settledOrWaiting } from "../helpers/postgres-locks.js";
import { onPostgres, postgresOnly } from "../helpers/skip-reason.js";

/**
 * What the paths that write a person's rows do when Postgres aborts one of two transactions that wait for each other
 * (40P01): the aborted one runs again (`inTransactionRetryingDeadlocks`), so its caller gets its answer, not an error.
 * Two transactions here take two people's rows in opposite orders, the first paused after its first row until the
 * second waits for it: a deadlock every time, no time guessed.
 */
let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
  const now = new Date("2026-12-08T01:00:00Z");
  for (const id of [101, 102]) await touchUser(database.db, id, "en", now);
});
afterEach(async () => database?.cleanup());

/** Takes the people's rows in this order, then marks them seen by this transaction; counts its runs. */
function takeInOrder(db: DB, ids: readonly number[], label: string, runs: { count: number }) {
  return inTransactionRetryingDeadlocks(db, async (trx) => {
    runs.count += 1;
    for (const id of ids) await lockPerson(trx, id, "write");
    for (const id of ids) await trx.updateTable("users").set({ letter_stage: label }).where("id", "=", id).execute();
    return label;
  });
}

describe.skipIf(!onPostgres)(postgresOnly("a transaction aborted by a deadlock (Postgres)"), () => {
  it("runs again, and both callers get their answers", async () => {
    const retried = retriedDeadlocks();
    const [first, second] = [{ count: 0 }, { count: 0 }];
    const pause = new PauseAfterFirstStatement();
    const one = takeInOrder(database.db.withPlugin(pause), [101, 102], "one", first);
    await pause.reached;
    const other = takeInOrder(database.db, [102, 101], "other", second);
    await settledOrWaiting(database.db, [other]);
    pause.release();

    expect(await Promise.allSettled([one, other])).toEqual([
      { status: "fulfilled", value: "one" },
      { status: "fulfilled", value: "other" },
    ]);
    // Exactly one of them was aborted and ran again; the other ran once.
    expect(first.count + second.count).toBe(3);
    expect(retriedDeadlocks() - retried).toBe(1);
    const stages = await database.db.selectFrom("users").select("letter_stage").where("id", "in", [101, 102]).execute();
    // The one that ran again committed last: its mark is on both rows.
    expect(new Set(stages.map((row) => row.letter_stage)).size).toBe(1);
  });
});
