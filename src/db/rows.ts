import type SQLite from "better-sqlite3";

type Row = Record<string, unknown>;

/** Each statement's column names, read once (`columns()` asks SQLite for them anew at every call). */
const columnsOf = new WeakMap<SQLite.Statement, readonly string[]>();

/**
 * The rows of a reading statement as objects, built from better-sqlite3's raw arrays: better-sqlite3 makes a row
 * object in C++, interning each column name again and setting each property one by one, which for the letter lookup's
 * 56 columns was a fifth of the statement's time (issue 14). The objects are the same: one key per column in the
 * statement's order, a later column of the same name replacing an earlier one's value, as better-sqlite3 does. The
 * statement is shared with Kysely's driver (db/statement-cache.ts), which expects objects: raw mode is switched off
 * again before anything else can run it (better-sqlite3 runs it synchronously).
 */
export function rowsOf(statement: SQLite.Statement, parameters: readonly unknown[]): Row[] {
  let columns = columnsOf.get(statement);
  if (!columns) columnsOf.set(statement, (columns = statement.columns().map((column) => column.name)));
  statement.raw(true);
  let values: unknown[][];
  try {
    values = statement.all(parameters) as unknown[][];
  } finally {
    statement.raw(false);
  }
  return values.map((row) => {
    const object: Row = {};
    for (let index = 0; index < row.length; index++) object[columns[index] as string] = row[index];
    return object;
  });
}
