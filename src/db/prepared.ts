import type { Compilable, CompiledQuery, QueryResult } from "kysely";
import { type DB, directSqliteOf } from "./database.js";

interface Compiled {
  query: CompiledQuery;
  /** For each compiled parameter, the index of the call's value that goes there, or -1 for a constant. */
  slots: number[];
}

/** A hot query: built and compiled once per database, then run with each call's values. */
export interface PreparedQuery<V extends unknown[], R> {
  execute(db: DB, ...values: V): Promise<QueryResult<R>>;
  rows(db: DB, ...values: V): Promise<R[]>;
  first(db: DB, ...values: V): Promise<R | undefined>;
}

const placeholder = (index: number) => `\u0000lysty-prepared-value-${index}`;

/**
 * Kysely builds and compiles a query on every call: for the few queries every update runs (the user, the flow state,
 * the draft) that was a fifth of a letter-flow step's CPU (issue 14). `build` is called once per database handle
 * (dialect) with placeholders for its values, which it may only pass as values (`where(col, "=", value)`, `values`,
 * `set`), never inspect; the SQL is kept and each call binds its own values. The statement itself is then prepared
 * once by `cachingStatements` on SQLite, or planned by Postgres as usual. A handle with Kysely plugins (tests that
 * count queries) gets the query built every time, so the plugins see it. On SQLite, outside a transaction, the
 * statement runs on the handle at once (`directSqliteOf`), not through Kysely's connection lock.
 */
export function prepared<V extends unknown[], R>(build: (db: DB, ...values: V) => Compilable<R>): PreparedQuery<V, R> {
  const compiledFor = new WeakMap<object, Compiled>();

  const compile = (db: DB): Compiled | undefined => {
    const executor = db.getExecutor();
    if (executor.plugins.length > 0) return undefined;
    let compiled = compiledFor.get(executor.adapter);
    if (compiled) return compiled;
    const arity = build.length - 1;
    const placeholders = Array.from({ length: arity }, (_, index) => placeholder(index));
    const query = build(db, ...(placeholders as V)).compile();
    const slots = query.parameters.map((parameter) => (typeof parameter === "string" ? placeholders.indexOf(parameter) : -1));
    for (let index = 0; index < arity; index++) {
      if (!slots.includes(index)) throw new Error(`prepared query: value ${index} is not a parameter of ${query.sql}`);
    }
    compiled = { query, slots };
    compiledFor.set(executor.adapter, compiled);
    return compiled;
  };

  const execute = async (db: DB, ...values: V): Promise<QueryResult<R>> => {
    const compiled = compile(db);
    if (!compiled) return db.executeQuery(build(db, ...values));
    const { query, slots } = compiled;
    const parameters = query.parameters.map((parameter, index) => {
      const slot = slots[index] ?? -1;
      return slot < 0 ? parameter : values[slot];
    });
    const direct = directSqliteOf(db)?.run(query.sql, parameters);
    if (direct) return direct as QueryResult<R>;
    return db.executeQuery<R>({ ...query, parameters } as CompiledQuery<R>);
  };

  return {
    execute,
    rows: async (db, ...values) => (await execute(db, ...values)).rows,
    first: async (db, ...values) => (await execute(db, ...values)).rows[0],
  };
}
