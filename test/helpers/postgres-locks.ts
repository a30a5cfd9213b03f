import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, TableNode, UnknownRow } from "kysely";
import { sql } from "kysely";
import { expect, vi } from "vitest";
import type { DB } from "../../src/db/database.js";

/**
 * Holds the result of its handle's first statement that `matches` (by default its first statement: a transaction's
 * locking read) until `release()`: the transaction is paused there, holding what it locked so far, while the test
 * starts another beside it.
 */
export class PauseAfterStatement implements KyselyPlugin {
  private paused = false;
  private readonly marked = new WeakSet<object>();
  readonly reached: Promise<void>;
  private arrive!: () => void;
  release!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.release = resolve));

  constructor(private readonly matches: (node: RootOperationNode) => boolean = () => true) {
    this.reached = new Promise((resolve) => (this.arrive = resolve));
  }

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    if (!this.paused && this.matches(node)) this.marked.add(queryId);
    return node;
  }

  async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.paused || !this.marked.has(queryId)) return result;
    this.paused = true;
    this.arrive();
    await this.gate;
    return result;
  }
}

/** Pauses after the transaction's first statement (its locking read). */
export class PauseAfterFirstStatement extends PauseAfterStatement {}

/** A matcher for `PauseAfterStatement`: an UPDATE of one of `tables`. */
export function updateOf(...tables: string[]): (node: RootOperationNode) => boolean {
  return (node) => node.kind === "UpdateQueryNode" && node.table?.kind === "TableNode" && tables.includes((node.table as TableNode).table.identifier.name);
}

/** How many sessions of this database wait for a lock now (Postgres says so: no time involved). */
export async function sessionsWaitingForALock(db: DB): Promise<number> {
  const { rows } = await sql<{ waiting: number }>`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
  return rows[0]?.waiting ?? 0;
}

/**
 * Resolves once `count` of `work` have settled or wait for a lock, whichever holds first, looking again after each
 * turn of the event loop: `work` started beside a paused transaction either waits for it or does not.
 */
export async function settledOrWaiting(db: DB, work: readonly Promise<unknown>[], count = work.length): Promise<void> {
  let settled = 0;
  for (const promise of work) void promise.then(() => (settled += 1), () => (settled += 1));
  while (settled + (await sessionsWaitingForALock(db)) < count) await new Promise((resolve) => setImmediate(resolve));
}

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
