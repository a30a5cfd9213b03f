import type pg from "pg";
import { type DB, postgresSettingsOf } from "./database.js";
import { loadPg } from "./pg.js";

/**
 * Per-chat mutual exclusion across every instance on one Postgres database. Within one process the runner's
 * `sequentialize` already handles a chat's updates one at a time; with several webhook instances two updates of one
 * chat can reach two processes at once, and the conversation state (read at the start, written at the end) would
 * be last-writer-wins: a step lost. A session-level advisory lock per chat, held while the update is handled, makes
 * the second instance wait until the first has written its state, then read that state.
 */
export interface ChatLock {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The locks live on a pool of their own: a lock holder keeps its connection for the whole update while the handler
 * queries through the main pool, so sharing one pool could let lock holders take every connection and wait forever.
 * The namespace (the schema) keeps separate Lysty databases in one Postgres cluster from waiting on each other.
 */
export function openChatLock(db: DB, options: { maxHolders?: number } = {}): ChatLock | undefined {
  const settings = postgresSettingsOf(db);
  if (!settings) return undefined;
  let pool: Promise<pg.Pool> | undefined;
  const lockPool = () =>
    (pool ??= loadPg().then(
      (driver) =>
        new driver.Pool({
          connectionString: settings.connectionString,
          max: options.maxHolders ?? 20,
          allowExitOnIdle: true,
          ...(settings.searchPath ? { options: `-c search_path=${settings.searchPath}` } : {}),
        }),
    ));
  const namespace = `lysty:${settings.searchPath ?? "public"}`;
  return {
    async run(key, work) {
      const client = await (await lockPool()).connect();
      const args = [namespace, key];
      try {
        await client.query("select pg_advisory_lock(hashtext($1), hashtext($2))", args);
      } catch (error) {
        client.release(asError(error));
        throw error;
      }
      try {
        return await work();
      } finally {
        // A failed unlock closes the connection instead, which releases every lock it held.
        await client.query("select pg_advisory_unlock(hashtext($1), hashtext($2))", args).then(
          () => client.release(),
          (error: unknown) => client.release(asError(error)),
        );
      }
    },
    close: async () => {
      if (pool) await (await pool).end();
    },
  };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
