import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { projectPath } from "../../src/project-path.js";

/**
 * Repositories hold all SQL (docs/contributing.md): a service of src/services/ calls plain functions of
 * src/db/repositories/ (or the outbox) and the one transaction helper `inTransaction`; it never builds a query, opens a
 * raw transaction or imports kysely.
 */

const SRC = projectPath("src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** What building SQL looks like in a source file; each pattern names what it found. */
const SQL_PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ["a query builder", /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)\s*\(/],
  ["an sql template", /\bsql\s*(<[^>]*>)?\s*`|\bsql\.(raw|lit|ref|id|table|join|val)\s*(<[^>]*>)?\s*\(/],
  ["a raw transaction", /\.transaction\(\)|\.connection\(\)|\.startTransaction\(\)/],
  ["running a query", /\.(execute|executeTakeFirst|executeTakeFirstOrThrow|stream)\(\)/],
  ["an import of kysely", /from\s+["']kysely(\/[^"']*)?["']|import\s*\(\s*["']kysely/],
];

/** The names of the patterns a source text matches. */
function sqlIn(source: string): string[] {
  return SQL_PATTERNS.filter(([, pattern]) => pattern.test(source)).map(([name]) => name);
}

describe("repositories hold all SQL", () => {
  it("no file under src/services/ builds SQL, runs a query, opens a raw transaction or imports kysely", () => {
    const violations = sourceFiles(join(SRC, "services"))
      .map((file) => ({ name: relative(SRC, file), found: sqlIn(readFileSync(file, "utf8")) }))
      .filter(({ found }) => found.length > 0)
      .map(({ name, found }) => `${name}: ${found.join(", ")}`);
    expect(violations, "move the query into a function of src/db/repositories/<area>.ts (db or transaction first)").toEqual([]);
  });

  it("sees every kind of SQL in a service and passes what services do write", () => {
    expect(sqlIn('const rows = await db.selectFrom("letters").selectAll().where("id", "=", id).execute();')).toEqual([
      "a query builder",
      "running a query",
    ]);
    expect(sqlIn('await trx.deleteFrom("outbox").where("status", "!=", sql.lit<OutboxStatus>("sending")).executeTakeFirst();')).toEqual([
      "a query builder",
      "an sql template",
      "running a query",
    ]);
    expect(sqlIn("await sql`vacuum`.execute(db);")).toEqual(["an sql template"]);
    expect(sqlIn("await sql<{ n: number }>`select 1 as n`.execute(db);")).toEqual(["an sql template"]);
    expect(sqlIn("return db.transaction().execute(async (trx) => work(trx));")).toEqual(["a raw transaction"]);
    expect(sqlIn('import { sql } from "kysely";')).toEqual(["an import of kysely"]);
    expect(sqlIn('import type { Selectable } from "kysely";')).toEqual(["an import of kysely"]);
    // A service calling repositories, the outbox and the transaction helper is what the rule asks for.
    expect(
      sqlIn(
        [
          'import { inTransaction } from "../../db/database.js";',
          'import { getRelay } from "../../db/repositories/relay.js";',
          "return inTransaction(db, async (trx) => { await enqueue(trx, item, { now }); return getRelay(trx, letterId); });",
          "const settled = await Promise.all(jobs); const sqlLike = 'selectFrom'; // a word in a string is fine",
        ].join("\n"),
      ),
    ).toEqual([]);
  });
});
