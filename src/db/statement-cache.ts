import type SQLite from "better-sqlite3";
import type { SqliteDatabase } from "kysely";

/** Enough for every distinct query the bot runs (a few hundred); the least recently used one goes first. */
const DEFAULT_CAPACITY = 1_000;

/**
 * better-sqlite3 as Kysely's SQLite dialect sees it, with each statement prepared once: Kysely's driver calls
 * `prepare(sql)` for every query it runs, and preparing (parsing and planning the SQL) was about a third of the
 * database work of a letter-flow step (issue 14). A statement is reusable as long as it is not iterating: one still
 * busy (a streamed select) is never handed out twice, a fresh one is prepared instead.
 */
export function cachingStatements(sqlite: SQLite.Database, capacity = DEFAULT_CAPACITY): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare(sql) {
      const cached = statements.get(sql);
      if (cached && !cached.busy) {
        // Map order is insertion order: moving the hit to the end keeps the least recently used first.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (cached) return statement;
      statements.set(sql, statement);
      if (statements.size > capacity) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}
