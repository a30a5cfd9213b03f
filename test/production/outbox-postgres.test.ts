import { afterEach, describe, expect, it } from "vitest";
import { isPostgresDb } from "../../src/db/database.js";
import { enqueue } from "../../src/outbox/index.js";
import { startTestbed, type Testbed, textItem } from "../outbox/testbed.js";
import { onPostgres, postgresOnly } from "../helpers/skip-reason.js";


let bed: Testbed | undefined;
afterEach(async () => bed?.close());

/**
 * Several bot instances share one Postgres database, each with its own outbox worker and connection pool. `npm run
 * test:postgres` (and .ci/run) runs this against a real Postgres; with SQLite it is skipped (one file, one writer).
 */
describe.skipIf(!onPostgres)(postgresOnly("outbox workers of several instances on one Postgres database"), () => {
  it("send every row exactly once while both claim at the same time", async () => {
    bed = await startTestbed();
    const { fake, database } = bed;
    expect(isPostgresDb(database.db)).toBe(true);
    const chats = bed.addUsers(300, 5001);
    const items = chats.flatMap((chatId) => [1, 2, 3, 4].map((n) => textItem(chatId, `pg:${chatId}:${n}`, `message pg:${chatId}:${n}`, "notice")));
    await enqueue(database.db, items);

    // Two instances: separate pools (as separate processes have), small batches so they claim many times.
    const first = bed.worker({ notice: {} }, { db: database.reopen(), workerId: "instance-a", batchSize: 40, concurrency: 8 });
    const second = bed.worker({ notice: {} }, { db: database.reopen(), workerId: "instance-b", batchSize: 40, concurrency: 8 });
    const [a, b] = await Promise.all([first.runOnce(), second.runOnce()]);

    expect(a.claimed + b.claimed).toBe(items.length);
    // Both did real work: the rows were shared out, not taken by whoever came first.
    expect(Math.min(a.sent, b.sent)).toBeGreaterThan(0);
    const sends = fake.calls.filter((call) => call.method === "sendMessage" && call.ok).map((call) => String(call.params.text));
    expect(sends).toHaveLength(items.length);
    expect(new Set(sends).size).toBe(items.length);
    // Each chat got its messages in order.
    for (const chatId of chats.slice(0, 20)) {
      expect(fake.messages(chatId).map((message) => message.text)).toEqual([1, 2, 3, 4].map((n) => `message pg:${chatId}:${n}`));
    }
    const statuses = await database.db.selectFrom("outbox").select("status").distinct().execute();
    expect(statuses).toEqual([{ status: "sent" }]);
    const owners = await database.db.selectFrom("outbox").select("lease_owner").distinct().execute();
    expect(owners).toEqual([{ lease_owner: null }]);
  });

  it("claims with FOR UPDATE SKIP LOCKED, so a claimer passes over rows another transaction holds", async () => {
    bed = await startTestbed();
    const { database } = bed;
    const chats = bed.addUsers(10, 7001);
    await enqueue(database.db, chats.map((chatId) => textItem(chatId, `lock:${chatId}`, "x", "notice")));
    const other = database.reopen();
    // Another instance is in the middle of a claim: it holds the first five due rows.
    await other.transaction().execute(async (trx) => {
      const held = await trx.selectFrom("outbox").select("id").orderBy("id").limit(5).forUpdate().execute();
      const worker = bed!.worker({ notice: {} }, { workerId: "instance-c" });
      const summary = await worker.runOnce();
      expect(summary.claimed).toBe(5);
      const sent = await database.db.selectFrom("outbox").select("id").where("status", "=", "sent").orderBy("id").execute();
      expect(sent.map((row) => row.id)).not.toContain(held[0]?.id);
    });
  });
});

describe.skipIf(!onPostgres)(postgresOnly("prefix ranges on Postgres"), () => {
  it("keep byte order on the columns read by prefix, whatever collation the database was created with", async () => {
    bed = await startTestbed();
    const { db } = bed.database;
    const { sql } = await import("kysely");
    // What a language collation does to such a range (the official postgres image creates databases in en_US.utf8).
    const icu = await sql<{ inside: boolean }>`select 'news:17:5' < ('news:17;' collate "en-US-x-icu") as inside`.execute(db);
    expect(icu.rows[0]?.inside).toBe(false);
    const columns = await sql<{ table_name: string; column_name: string; collation_name: string | null }>`
      select table_name, column_name, collation_name from information_schema.columns
      where table_schema = current_schema() and (table_name, column_name) in (('outbox', 'ref'), ('news_scheduled_sends', 'key'))
      order by table_name`.execute(db);
    expect(columns.rows).toEqual([
      { table_name: "news_scheduled_sends", column_name: "key", collation_name: "C" },
      { table_name: "outbox", column_name: "ref", collation_name: "C" },
    ]);
  });
});
