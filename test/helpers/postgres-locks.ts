import { sql } from "kysely";
import { expect, vi } from "vitest";
import type { DB } from "../../src/db/database.js";

/**
 * Resolves once another session of this Postgres database waits for a lock in a statement on `table`: the moment a
 * test holding a transaction open may end it, so that two sessions truly overlap without guessing timing. Polls
 * pg_stat_activity, what the Postgres server (another process) reports.
 */
export async function someoneWaitsForALock(db: DB, table: string): Promise<void> {
  await vi.waitFor(
    async () => {
      const { rows } = await sql<{ waiting: string }>`
        select count(*) as waiting from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and query like ${`%"${table}"%`}`.execute(db);
      expect(Number(rows[0]?.waiting)).toBe(1);
    },
    { timeout: 10_000, interval: 20 },
  );
}
