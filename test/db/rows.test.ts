import { setFlagsFromString } from "node:v8";
import SQLite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rowBuilder, rowsOf } from "../../src/db/rows.js";

let sqlite: SQLite.Database;
beforeEach(() => {
  sqlite = new SQLite(":memory:");
  sqlite.exec("create table t (id integer primary key, name text, score real, data blob, note text)");
  sqlite.prepare("insert into t values (?, ?, ?, ?, ?)").run(1, "Оксана", 2.5, Buffer.from([1, 2]), null);
  sqlite.prepare("insert into t values (?, ?, ?, ?, ?)").run(2, "Львів", -1, null, "x");
});
afterEach(() => sqlite.close());

/** What better-sqlite3 itself returns, with the keys in its order (toEqual ignores order). */
const plain = (rows: unknown[]) => rows.map((row) => Object.entries(row as Record<string, unknown>));

describe("rows built from raw arrays (db/rows.ts)", () => {
  it("are the objects better-sqlite3 makes: the same keys in the same order, the same values, a repeated name's last value", () => {
    for (const sql of [
      "select * from t order by id",
      "select note, id, name as label, data from t where id = ?",
      "select id, name, id + 1 as id, 'z' as name from t order by id desc",
      "select count(*) as n, max(score) from t",
      "select * from t where id > 10",
    ]) {
      const statement = sqlite.prepare(sql);
      const parameters = sql.includes("?") ? [2] : [];
      const expected = statement.all(...parameters);
      expect(plain(rowsOf(statement, parameters))).toEqual(plain(expected));
      // The statement is shared with Kysely's driver: it answers with objects again afterwards.
      expect(statement.all(...parameters)).toEqual(expected);
    }
  });

  it("gives the statement back in object mode when it fails", () => {
    const statement = sqlite.prepare("select id from t where id = ?");
    expect(() => rowsOf(statement, [1, 2])).toThrow();
    expect(statement.all(1)).toEqual([{ id: 1 }]);
  });

  it("reads what a RETURNING clause gives", () => {
    const statement = sqlite.prepare("update t set score = score + 1 where id = ? returning id, score");
    expect(plain(rowsOf(statement, [1]))).toEqual([[["id", 1], ["score", 3.5]]]);
  });

  it("are the same objects for a wide row, repeated names and names a literal must escape", () => {
    const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
    const odd = ['say "hi"', "back\\slash", "line\nbreak", "sep\u2028arator", "0", "10", "2", "constructor", "toString"];
    const wide = [
      ...Array.from({ length: 50 }, (_, index) => `'value ${index}' as column_${index}`),
      ...odd.map((name, index) => `${index} as ${quoted(name)}`),
      "'again' as column_3",
      "id",
    ];
    for (const list of [wide, [...wide, "null as __proto__"]]) {
      const statement = sqlite.prepare(`select ${list.join(", ")} from t order by id`);
      const expected = statement.all();
      const rows = rowsOf(statement, []);
      expect(plain(rows)).toEqual(plain(expected));
      expect(rows.map((row) => Object.getPrototypeOf(row))).toEqual(expected.map((row) => Object.getPrototypeOf(row)));
    }
  });
});

describe("a statement's row builder (db/rows.ts)", () => {
  // V8's own test of an object's shape; the flag only makes the `%` syntax parse in functions compiled after it.
  setFlagsFromString("--allow-natives-syntax");
  const hasFastProperties = new Function("object", "return %HasFastProperties(object)") as (object: object) => boolean;

  it("makes rows of 56 columns with fast properties, as wide rows set one by one are not", () => {
    const columns = Array.from({ length: 56 }, (_, index) => `column_${index}`);
    const values = columns.map((_, index) => (index % 2 ? `value ${index}` : index));
    const oneByOne: Record<string, unknown> = {};
    for (const [index, name] of columns.entries()) oneByOne[name] = values[index];
    expect(hasFastProperties(oneByOne)).toBe(false);
    const row = rowBuilder(columns)(values);
    expect(row).toEqual(oneByOne);
    expect(hasFastProperties(row)).toBe(true);
  });
});

