import type SQLite from "better-sqlite3";

type Row = Record<string, unknown>;
type RowBuilder = (values: readonly unknown[]) => Row;

/** Each statement's row builder, made once from its column names (`columns()` asks SQLite for them anew at every call). */
const buildersOf = new WeakMap<SQLite.Statement, RowBuilder>();

/**
 * The rows of a reading statement as objects, built from better-sqlite3's raw arrays: better-sqlite3 makes a row
 * object in C++, interning each column name again and setting each property one by one, which for the letter lookup's
 * 56 columns was a fifth of the statement's time (issue 14). The objects are the same: one key per column in the
 * statement's order, a later column of the same name replacing an earlier one's value, as better-sqlite3 does. The
 * statement is shared with Kysely's driver (db/statement-cache.ts), which expects objects: raw mode is switched off
 * again before anything else can run it (better-sqlite3 runs it synchronously).
 */
export function rowsOf(statement: SQLite.Statement, parameters: readonly unknown[]): Row[] {
  let build = buildersOf.get(statement);
  if (!build) buildersOf.set(statement, (build = rowBuilder(statement.columns().map((column) => column.name))));
  statement.raw(true);
  let values: unknown[][];
  try {
    values = statement.all(parameters) as unknown[][];
  } finally {
    statement.raw(false);
  }
  return values.map(build);
}

/**
 * A function returning one row as an object literal of the statement's columns (`{"id": values[0], …}`), made once
 * per statement. Setting the columns one by one under names that differ at every step is a megamorphic store, and an
 * object given 20 or more properties that way leaves V8's fast properties for a dictionary: 1.1 µs a row of 20
 * columns, 3.5 µs of 56 (the letter lookup, the finished letter), and every later read of the row goes through the
 * dictionary too. A literal makes the object at once with its own shape, about 0.05 µs whatever its width (issue 14,
 * "twelfth round (z31b)"). A literal's repeated key keeps its first place and its last value, as the assignments did.
 * The names are our own statements' columns, written as JSON string literals; a column named `__proto__` (which a
 * literal would make the prototype) keeps the assignments.
 */
export function rowBuilder(columns: readonly string[]): RowBuilder {
  if (columns.includes("__proto__")) return (values) => assignColumns(columns, values);
  const fields = columns.map((name, index) => `${JSON.stringify(name)}: values[${index}]`).join(", ");
  return new Function("values", `"use strict"; return { ${fields} };`) as RowBuilder;
}

function assignColumns(columns: readonly string[], values: readonly unknown[]): Row {
  const object: Row = {};
  for (let index = 0; index < values.length; index++) object[columns[index] as string] = values[index];
  return object;
}
