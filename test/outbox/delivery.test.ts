import { Api } from "grammy";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { enqueue, outboxStats, progressOf, storeAttachment, type OutboxItem } from "../../src/outbox/index.js";
import { logEntries, startTestbed, textItem, type Testbed } from "./testbed.js";

let bed: Testbed;
afterEach(async () => bed?.close());

const outboxRows = () => bed.database.db.selectFrom("outbox").selectAll().orderBy("id").execute();

describe("outbox worker: delivery", () => {
  it("sends due rows and records Telegram's message id, with onSent in the recording transaction", async () => {
    bed = await startTestbed();
    const { db } = bed.database;
    await sql`create table test_letters (id integer primary key, relay_message_id integer)`.execute(db);
    await sql`insert into test_letters (id) values (1), (2)`.execute(db);
    const [first, second] = bed.addUsers(2);
    await enqueue(db, [textItem(first!, "letter:1", "one", "relay"), textItem(second!, "letter:2", "two", "relay")], {
      now: bed.clock.now(),
    });
    const worker = bed.worker({
      relay: {
        async onSent(trx, row, sent) {
          const letterId = Number(row.ref.split(":")[1]);
          await sql`update test_letters set relay_message_id = ${sent.messageId} where id = ${letterId}`.execute(trx);
        },
      },
    });

    const summary = await worker.runOnce();

    expect(summary).toMatchObject({ claimed: 2, sent: 2, failed: 0, retried: 0 });
    const [toFirst] = bed.fake.messages(first!);
    const [toSecond] = bed.fake.messages(second!);
    expect([toFirst?.text, toSecond?.text]).toEqual(["one", "two"]);
    const rows = await outboxRows();
    expect(rows.map((row) => [row.status, row.sent_message_id, row.lease_owner])).toEqual([
      ["sent", toFirst!.message_id, null],
      ["sent", toSecond!.message_id, null],
    ]);
    for (const row of rows) expect(row.sent_at! >= row.created_at && row.sent_at! <= bed.clock.now().toISOString()).toBe(true);
    const letters = await sql<{ id: number; relay_message_id: number }>`select * from test_letters order by id`.execute(db);
    expect(letters.rows.map((letter) => letter.relay_message_id)).toEqual([toFirst!.message_id, toSecond!.message_id]);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0, sent: 0 });
  });

  it("marks a row sent even when its onSent handler throws, so the message is not sent twice", async () => {
    bed = await startTestbed();
    const { db } = bed.database;
    const users = bed.addUsers(3);
    await enqueue(db, users.map((id) => textItem(id, `news:1:${id}`)), { now: bed.clock.now() });
    const worker = bed.worker({
      news: {
        onSent(_trx, row) {
          if (row.chat_id === users[1]) throw new Error("feature bug");
        },
      },
    });
    expect(await worker.runOnce()).toMatchObject({ sent: 3 });
    bed.clock.advance(10 * 60_000);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0, recovered: 0 });
    expect(users.map((id) => bed.fake.messages(id).length)).toEqual([1, 1, 1]);
    expect((await outboxRows()).map((row) => row.status)).toEqual(["sent", "sent", "sent"]);
    expect(logEntries(bed.logs).some((entry) => entry.msg === "outbox handler failed; recording the row without it")).toBe(true);
  });

  it("sends one chat's messages one at a time, in the order they were enqueued", async () => {
    bed = await startTestbed();
    const [chat] = bed.addUsers(1);
    const texts = Array.from({ length: 12 }, (_, index) => `part ${index + 1}`);
    await enqueue(bed.database.db, texts.map((text, index) => textItem(chat!, `letter:7:${index}`, text, "relay")), {
      now: bed.clock.now(),
    });
    const api = new Api(bed.fake.token, { apiRoot: bed.fake.apiRoot });
    let inFlight = 0;
    let mostInFlight = 0;
    api.config.use(async (prev, method, payload, signal) => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      try {
        return await prev(method, payload, signal);
      } finally {
        inFlight -= 1;
      }
    });
    // Small claims, so that rows of the chat arrive while one of its sends is in flight.
    await bed.worker({ relay: {} }, { api, concurrency: 8, batchSize: 3 }).runOnce();
    expect(bed.fake.messages(chat!).map((message) => message.text)).toEqual(texts);
    expect(mostInFlight).toBe(1);
  });

  it("sends higher priority first and holds rows until their send time", async () => {
    bed = await startTestbed();
    const [a, b, c] = bed.addUsers(3);
    const now = bed.clock.now();
    await enqueue(
      bed.database.db,
      [
        textItem(a!, "news:1:a"),
        { ...textItem(b!, "letter:1", "relay", "relay"), priority: 10 },
        { ...textItem(c!, "reminder:1", "reminder", "reminder"), sendAt: new Date(now.getTime() + 3_600_000) },
      ],
      { now },
    );
    const worker = bed.worker({ news: {}, relay: {}, reminder: {} }, { concurrency: 1 });
    await worker.runOnce();
    expect(bed.fake.calls.filter((call) => call.method === "sendMessage").map((call) => call.params.chat_id)).toEqual([b, a]);
    bed.clock.advance(3_590_000);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    bed.clock.advance(10_000);
    expect(await worker.runOnce()).toMatchObject({ sent: 1 });
    expect(bed.fake.messages(c!).map((message) => message.text)).toEqual(["reminder"]);
  });

  it("uploads a broadcast's document once, then reuses Telegram's file_id", async () => {
    bed = await startTestbed();
    const { db } = bed.database;
    const users = bed.addUsers(4);
    const bytes = Buffer.from("%PDF-1.4 verdict of the appeal court");
    const attachment = await storeAttachment(db, { bytes, filename: "verdict.pdf" });
    const items: OutboxItem[] = users.map((chatId) => ({
      kind: "news",
      ref: `news:3:${chatId}`,
      chatId,
      method: "sendDocument",
      payload: { caption: "Verdict" },
      attachment,
    }));
    await enqueue(db, items, { now: bed.clock.now() });
    await bed.worker({ news: {} }, { concurrency: 1 }).runOnce();

    for (const chatId of users) {
      const [document] = bed.fake.documents(chatId);
      expect(document?.bytes.equals(bytes)).toBe(true);
      expect(document?.caption).toBe("Verdict");
    }
    const uploads = bed.fake.calls.map((call) => typeof call.params.document === "string");
    expect(uploads).toEqual([false, true, true, true]);
    const stored = await db.selectFrom("outbox_attachments").select("telegram_file_id").executeTakeFirstOrThrow();
    expect(stored.telegram_file_id).toBe(bed.fake.documents(users[0]!)[0]?.fileId);
  });

  it("counts an edit that changes nothing as sent", async () => {
    bed = await startTestbed();
    const [chat] = bed.addUsers(1);
    const original = await bed.api.sendMessage(chat!, "Letter 42: delivered");
    await enqueue(
      bed.database.db,
      {
        kind: "notice",
        ref: "letter:42:status",
        chatId: chat!,
        method: "editMessageText",
        payload: { message_id: original.message_id, text: "Letter 42: delivered" },
      },
      { now: bed.clock.now() },
    );
    expect(await bed.worker({ notice: {} }).runOnce()).toMatchObject({ sent: 1, failed: 0 });
    const [row] = await outboxRows();
    expect(row).toMatchObject({ status: "sent", sent_message_id: original.message_id });
    expect(bed.fake.calls.at(-1)?.errorCode).toBe(400);
  });

  it("leaves rows of a kind without handlers pending and says so once", async () => {
    bed = await startTestbed();
    const [chat] = bed.addUsers(1);
    await enqueue(bed.database.db, [textItem(chat!, "x:1", "x", "mystery"), textItem(chat!, "x:2", "y", "mystery")], {
      now: bed.clock.now(),
    });
    const worker = bed.worker({ news: {} });
    await worker.runOnce();
    bed.clock.advance(5 * 60_000);
    await worker.runOnce();
    expect(bed.fake.calls).toHaveLength(0);
    expect((await outboxRows()).map((row) => row.status)).toEqual(["pending", "pending"]);
    const warnings = logEntries(bed.logs).filter((entry) => entry.kind === "mystery");
    expect(warnings).toHaveLength(1);
  });

  it("sends a row enqueued while started at once, without waiting for the poll tick", async () => {
    bed = await startTestbed();
    const [chat] = bed.addUsers(1);
    const worker = bed.worker({ notice: {} }, { pollIntervalMs: 3_600_000 });
    worker.start();
    // The first pass finds nothing; from now on only a wake can make the worker look again within the hour.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const delivered = bed.fake.waitFor((call) => call.method === "sendMessage" && call.ok);
    await enqueue(bed.database.db, textItem(chat!, "letter:9", "accepted", "notice"), { now: bed.clock.now() });
    const call = await delivered;
    expect(call.params.chat_id).toBe(chat);
    await worker.stop();
    expect((await outboxRows())[0]?.status).toBe("sent");
  });

  it("reports queue length, the oldest pending row and a broadcast's progress", async () => {
    bed = await startTestbed();
    const { db } = bed.database;
    const users = bed.addUsers(5);
    bed.fake.blockBot(users[4]!);
    const enqueuedAt = bed.clock.now();
    await enqueue(db, users.map((id) => textItem(id, `news:17:${id}`)), { now: enqueuedAt });
    await enqueue(db, textItem(users[0]!, "news:170:1"), { now: enqueuedAt });
    expect(await outboxStats(db, new Date(enqueuedAt.getTime() + 30_000))).toEqual({
      byStatus: { pending: 6, sending: 0, sent: 0, failed: 0, held: 0 },
      oldestPendingAgeMs: 30_000,
    });
    await bed.worker({ news: {} }).runOnce();
    expect(await progressOf(db, "news:17:")).toEqual({ total: 5, sent: 4, failed: 1, held: 0, waiting: 0 });
    expect(await outboxStats(db, bed.clock.now())).toEqual({
      byStatus: { pending: 0, sending: 0, sent: 5, failed: 1, held: 0 },
      oldestPendingAgeMs: null,
    });
  });
});
