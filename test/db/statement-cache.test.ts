import SQLite from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { cachingStatements } from "../../src/db/statement-cache.js";

function tableOfPeople(): SQLite.Database {
  const sqlite = new SQLite(":memory:");
  sqlite.exec("create table people (id integer primary key, name text not null)");
  sqlite.exec("insert into people (name) values ('Oksana'), ('Taras'), ('Maria')");
  return sqlite;
}

describe("prepared statements cached for Kysely's SQLite driver", () => {
  it("prepares a query once and binds each call's parameters to the same statement", () => {
    const database = cachingStatements(tableOfPeople());
    const byId = "select name from people where id = ?";
    const first = database.prepare(byId);
    expect(database.prepare(byId)).toBe(first);
    expect(database.prepare(byId).all([2])).toEqual([{ name: "Taras" }]);
    expect(database.prepare(byId).all([3])).toEqual([{ name: "Maria" }]);
    expect(database.prepare("select count(*) as n from people").all([])).toEqual([{ n: 3 }]);
    expect(database.prepare("insert into people (name) values (?)").run(["Ivan"]).changes).toBe(1);
    expect(database.prepare("select count(*) as n from people").all([])).toEqual([{ n: 4 }]);
  });

  it("never hands out a statement that is still iterating (a streamed select)", () => {
    const database = cachingStatements(tableOfPeople());
    const all = "select name from people order by id";
    const outer = database.prepare(all).iterate([]);
    expect(outer.next().value).toEqual({ name: "Oksana" });
    // The cached statement is busy: a second use gets its own statement and both read every row.
    expect(database.prepare(all).all([])).toEqual([{ name: "Oksana" }, { name: "Taras" }, { name: "Maria" }]);
    expect([...outer]).toEqual([{ name: "Taras" }, { name: "Maria" }]);
  });

  it("keeps the most recently used statements up to its capacity", () => {
    const database = cachingStatements(tableOfPeople(), 2);
    const [a, b, c] = ["select 1 as v", "select 2 as v", "select 3 as v"];
    const first = database.prepare(a);
    database.prepare(b);
    expect(database.prepare(a)).toBe(first); // a is now the most recent, b the least
    database.prepare(c); // evicts b
    expect(database.prepare(a)).toBe(first);
    const again = database.prepare(b);
    expect(database.prepare(b)).toBe(again);
    expect(database.prepare(c).all([])).toEqual([{ v: 3 }]);
  });

  it("closes the database", () => {
    const sqlite = tableOfPeople();
    cachingStatements(sqlite).close();
    expect(sqlite.open).toBe(false);
  });
});
