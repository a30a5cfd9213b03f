import SQLite from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rowsOf } from "../../src/db/rows.js";

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
});
