import type { KyselyPlugin } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "../../src/db/database.js";
import { prepared } from "../../src/db/prepared.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => database.cleanup());

const at = "2026-12-06T12:00:00.000Z";
const write = prepared((handle: DB, key: string, value: string) => handle.insertInto("conversation_state").values({ key, value, updated_at: at }));
const count = prepared((handle: DB, key: string) =>
  handle.selectFrom("conversation_state").select((eb) => eb.fn.countAll<number>().as("n")).where("key", "=", key),
);

describe("queries compiled once and run with each call's values (SQLite and Postgres)", () => {
  it("binds each call's values, keeps the query's own constants and a value used twice", async () => {
    const { db } = database;
    let builds = 0;
    const upsert = prepared((handle: DB, key: string, value: string) => {
      builds++;
      return handle
        .insertInto("conversation_state")
        .values({ key, value, updated_at: at })
        .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: at }))
        .returning(["key", "value", "updated_at"]);
    });
    const read = prepared((handle: DB, key: string) => handle.selectFrom("conversation_state").select("value").where("key", "=", key));

    expect(await upsert.first(db, "flow:1", "one")).toEqual({ key: "flow:1", value: "one", updated_at: at });
    expect(await upsert.rows(db, "flow:2", "two")).toEqual([{ key: "flow:2", value: "two", updated_at: at }]);
    expect((await upsert.execute(db, "flow:1", "uno")).rows).toEqual([{ key: "flow:1", value: "uno", updated_at: at }]);
    expect(await read.first(db, "flow:1")).toEqual({ value: "uno" });
    expect(await read.first(db, "flow:2")).toEqual({ value: "two" });
    expect(await read.first(db, "flow:3")).toBeUndefined();
    expect(builds).toBe(1);
  });

  it("runs inside a transaction, which rolls its writes back", async () => {
    const { db } = database;
    await db
      .transaction()
      .execute(async (trx) => {
        expect((await write.execute(trx, "flow:9", "x")).numAffectedRows).toBe(1n);
        expect(Number((await count.first(trx, "flow:9"))?.n)).toBe(1);
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(Number((await count.first(db, "flow:9"))?.n)).toBe(0);
  });

  it("never joins another caller's open transaction: a write outside it waits, and survives its rollback", async () => {
    const { db } = database;
    let begun!: () => void;
    let release!: () => void;
    const started = new Promise<void>((resolve) => (begun = resolve));
    const held = new Promise<void>((resolve) => (release = resolve));
    const inside = db
      .transaction()
      .execute(async (trx) => {
        await write.execute(trx, "flow:inside", "x");
        begun();
        await held;
        throw new Error("roll back");
      })
      .catch(() => undefined);
    await started;
    const outside = write.execute(db, "flow:outside", "y");
    release();
    await inside;
    expect((await outside).numAffectedRows).toBe(1n);
    expect(Number((await count.first(db, "flow:inside"))?.n)).toBe(0);
    expect(Number((await count.first(db, "flow:outside"))?.n)).toBe(1);
  });

  it("builds the query every time on a handle with Kysely plugins, so that they see it", async () => {
    const seen: string[] = [];
    const plugin: KyselyPlugin = {
      transformQuery: ({ node }) => (seen.push(node.kind), node),
      transformResult: async ({ result }) => result,
    };
    const read = prepared((handle: DB, key: string) => handle.selectFrom("conversation_state").select("value").where("key", "=", key));
    const watched = database.db.withPlugin(plugin);
    await read.first(watched, "flow:1");
    await read.first(watched, "flow:2");
    expect(seen).toEqual(["SelectQueryNode", "SelectQueryNode"]);
  });

  it("refuses a query that does not take a value as a parameter", async () => {
    const wrong = prepared((handle: DB, key: string) => handle.selectFrom("conversation_state").select("value").where("key", "like", `${key}%`.slice(0, 3)));
    await expect(wrong.first(database.db, "flow:1")).rejects.toThrow(/value 0 is not a parameter/);
  });
});
