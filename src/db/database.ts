import SQLite from "better-sqlite3";
import { Kysely, PostgresAdapter, PostgresDialect, type QueryResult, SqliteDialect } from "kysely";
import type { Database } from "./schema.js";
import { loadPg } from "./pg.js";
import { rowsOf } from "./rows.js";
import { cachingStatements } from "./statement-cache.js";

export type DB = Kysely<Database>;

export type DatabaseLocation =
  | { dialect: "sqlite"; filename: string }
  | { dialect: "postgres"; connectionString: string };

/**
 * Reads `DATABASE_URL`: `sqlite:relative/or/absolute.sqlite` (also `file:` and `sqlite::memory:`) for the embedded
 * default, `postgres://…` for deployments with several instances. Relative SQLite paths resolve against `baseDir`
 * (the project root), so the bot finds its data wherever it is started.
 */
export function parseDatabaseUrl(url: string, baseDir: string): DatabaseLocation {
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: "postgres", connectionString: url };
  const match = /^(?:sqlite|file):(?:\/\/)?(.+)$/.exec(url);
  if (!match?.[1]) {
    throw new Error("DATABASE_URL must look like sqlite:data/lysty.sqlite or postgres://user@host/db");
  }
  const path = match[1];
  if (path === ":memory:") return { dialect: "sqlite", filename: path };
  const filename = path.startsWith("/") ? path : `${baseDir}/${path}`;
  return { dialect: "sqlite", filename };
}

export function openSqlite(filename: string): DB {
  const sqlite = new SQLite(filename);
  // WAL lets readers proceed while a writer commits; NORMAL sync is durable across process crashes in WAL mode.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const statements = cachingStatements(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
  directSqlite.set(db, {
    run(sql, parameters) {
      // A transaction holds the one connection (Kysely's driver lock): wait for it the usual way.
      if (sqlite.inTransaction) return undefined;
      // What Kysely's SQLite connection returns for the same statement.
      const statement = statements.prepare(sql) as SQLite.Statement;
      if (statement.reader) return { rows: rowsOf(statement, parameters) };
      const { changes, lastInsertRowid } = statement.run(parameters);
      return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
    },
  });
  return db;
}

/** One compiled statement run on the SQLite handle at once, or undefined when it has to wait for a transaction. */
export interface DirectSqlite {
  run(sql: string, parameters: readonly unknown[]): QueryResult<unknown> | undefined;
}

const directSqlite = new WeakMap<DB, DirectSqlite>();

/**
 * The SQLite handle behind `db` for statements compiled once (db/prepared.ts; issue 14): better-sqlite3 runs a
 * statement synchronously, so outside a transaction running it at once is what Kysely's driver does after its
 * connection lock and three or four awaits (~8 µs of CPU a statement). Undefined for Postgres, for transactions and
 * for handles with plugins (they are other objects), which take Kysely's path.
 */
export function directSqliteOf(db: DB): DirectSqlite | undefined {
  return directSqlite.get(db);
}

export interface PostgresSettings {
  connectionString: string;
  searchPath?: string;
}

/** How each Postgres handle was opened, so helpers that need connections of their own (chat locks) can open them. */
const postgresSettings = new WeakMap<DB, PostgresSettings>();

export function openPostgres(connectionString: string, options: { searchPath?: string; max?: number } = {}): DB {
  const pool = async () =>
    new (await loadPg()).Pool({
      connectionString,
      max: options.max ?? 10,
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  postgresSettings.set(db, { connectionString, ...(options.searchPath ? { searchPath: options.searchPath } : {}) });
  return db;
}

/** The settings a Postgres handle was opened with; undefined for SQLite. */
export function postgresSettingsOf(db: DB): PostgresSettings | undefined {
  return postgresSettings.get(db);
}

export function openDatabase(location: DatabaseLocation): DB {
  return location.dialect === "postgres" ? openPostgres(location.connectionString) : openSqlite(location.filename);
}

/** For the few queries that must differ (row claiming with SKIP LOCKED on Postgres). */
export function isPostgresDb<T>(db: Kysely<T>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * The one transaction helper: runs `work` in a transaction, or inside the caller's when `db` already is one, so a
 * repository function can be called alone or as part of a larger use case and stay atomic either way.
 */
export function inTransaction<T>(db: DB, work: (trx: DB) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * `query` with `FOR UPDATE` on Postgres, so its rows stay locked until the caller's transaction ends; unchanged on
 * SQLite, where the transaction's one connection already keeps every other statement out.
 */
export function forUpdateOnPostgres<Q extends { forUpdate(): Q }>(db: DB, query: Q): Q {
  return isPostgresDb(db) ? query.forUpdate() : query;
}

/** Postgres aborted the transaction as one side of a deadlock (SQLSTATE 40P01): nothing it wrote was kept. */
export function isDeadlock(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "40P01";
}

/** How many times in all `inTransactionRetryingDeadlocks` runs its work before a deadlock is the caller's error. */
export const DEADLOCK_ATTEMPTS = 3;

/**
 * `inTransaction` for work whose every effect is in the database (no message sent, nothing counted outside it): when
 * Postgres aborts the transaction as one side of a deadlock, the work runs again from the start, up to
 * `DEADLOCK_ATTEMPTS` times in all. Inside a caller's transaction it runs once: an abort ends the caller's transaction,
 * which is the caller's to run again. The paths that take a person's rows beside each other take the person's row first
 * (docs/production.md, "Postgres"); this is for the orders no path can settle alone (the outbox's record of a batch).
 */
export async function inTransactionRetryingDeadlocks<T>(db: DB, work: (trx: DB) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (!isDeadlock(error) || attempt >= DEADLOCK_ATTEMPTS) throw error;
      deadlocksRetried += 1;
    }
  }
}

let deadlocksRetried = 0;

/** Transactions this process ran again after a deadlock (`lysty_database_deadlocks_retried_total` in /metrics). */
export function retriedDeadlocks(): number {
  return deadlocksRetried;
}
