import { Api } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { findUser, markUserBlocked, touchUser } from "../../src/db/repositories/users.js";
import { enqueue, releaseHeld, type OutboxError, type OutboxRow } from "../../src/outbox/index.js";
import { startTestbed, textItem, type Testbed } from "./testbed.js";

let bed: Testbed;
afterEach(async () => bed?.close());

const rowsOf = (chatId: number) =>
  bed.database.db.selectFrom("outbox").selectAll().where("chat_id", "=", chatId).orderBy("id").execute();
const callsTo = (chatId: number) => bed.fake.calls.filter((call) => call.params.chat_id === chatId);
const texts = (chatId: number) => bed.fake.messages(chatId).map((message) => message.text);

describe("outbox worker: Telegram says no", () => {
  it("honours 429 retry_after: nothing more to that chat before the time, then everything once, in order", async () => {
    bed = await startTestbed();
    const [limited, other] = bed.addUsers(2);
    bed.fake.faults.add({ method: "sendMessage", chatId: limited!, kind: "429", retryAfter: 30 });
    await enqueue(
      bed.database.db,
      [textItem(limited!, "r:1", "first"), textItem(limited!, "r:2", "second"), textItem(other!, "r:3", "other")],
      { now: bed.clock.now() },
    );
    const worker = bed.worker({ news: {} });
    const startedAt = bed.clock.now().getTime();

    expect(await worker.runOnce()).toMatchObject({ sent: 1, retried: 1, failed: 0 });
    expect(texts(other!)).toEqual(["other"]);
    expect(callsTo(limited!).map((call) => call.errorCode)).toEqual([429]);
    for (const row of await rowsOf(limited!)) {
      expect(row).toMatchObject({ status: "pending", attempts: 0, lease_owner: null });
      expect(Date.parse(row.next_attempt_at)).toBeGreaterThanOrEqual(startedAt + 30_000);
    }
    expect((await rowsOf(limited!))[0]?.last_error).toMatch(/^429: Too Many Requests/);

    // A message enqueued during the pause waits too (the worker remembers the chat's pause).
    await enqueue(bed.database.db, textItem(limited!, "r:4", "third"), { now: bed.clock.now() });
    expect(await worker.runOnce()).toMatchObject({ sent: 0, released: 1 });
    bed.clock.advance(25_000);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    // A restarted process or another instance has no memory of the 429: the hold is in the database.
    expect(await bed.worker({ news: {} }).runOnce()).toMatchObject({ claimed: 0 });
    expect(callsTo(limited!)).toHaveLength(1);

    bed.clock.advance(5_000);
    expect(await worker.runOnce()).toMatchObject({ sent: 3 });
    expect(texts(limited!)).toEqual(["first", "second", "third"]);
    expect(texts(other!)).toEqual(["other"]);
    expect((await rowsOf(limited!)).map((row) => [row.status, row.attempts])).toEqual([
      ["sent", 0],
      ["sent", 0],
      ["sent", 0],
    ]);
  });

  it("pauses all sending when a second chat is limited while the first pause runs", async () => {
    bed = await startTestbed();
    const chats = bed.addUsers(4);
    bed.fake.faults.add({ method: "sendMessage", chatId: chats[1]!, kind: "429", retryAfter: 10 });
    bed.fake.faults.add({ method: "sendMessage", chatId: chats[2]!, kind: "429", retryAfter: 10 });
    await enqueue(bed.database.db, chats.map((id) => textItem(id, `news:1:${id}`)), { now: bed.clock.now() });
    const worker = bed.worker({ news: {} }, { concurrency: 1 });

    expect(await worker.runOnce()).toMatchObject({ sent: 1, retried: 2, released: 1 });
    // The fourth chat was never tried: the bot-wide pause stopped it.
    expect(callsTo(chats[3]!)).toHaveLength(0);
    bed.clock.advance(10_000);
    expect(await worker.runOnce()).toMatchObject({ sent: 3 });
    expect(chats.map((id) => texts(id).length)).toEqual([1, 1, 1, 1]);
  });

  it("retries 5xx and network failures with back-off, then delivers once", async () => {
    bed = await startTestbed();
    const [a, b] = bed.addUsers(2);
    bed.fake.faults.add({ method: "sendMessage", chatId: a!, kind: "500" });
    bed.fake.faults.add({ method: "sendMessage", chatId: a!, kind: "network" });
    bed.fake.faults.add({ method: "sendMessage", chatId: b!, kind: "502" });
    await enqueue(bed.database.db, [textItem(a!, "n:a", "to a"), textItem(b!, "n:b", "to b")], { now: bed.clock.now() });
    const worker = bed.worker({ news: {} }, { backoff: { baseMs: 1000, maxMs: 60_000 } });

    expect(await worker.runOnce()).toMatchObject({ sent: 0, retried: 2 });
    const [rowA] = await rowsOf(a!);
    expect(rowA).toMatchObject({ status: "pending", attempts: 1, last_error: "500: Internal Server Error" });
    // Back-off with fixed jitter 0.5: 750 ms after the first failure.
    expect(Date.parse(rowA!.next_attempt_at) - Date.parse(rowA!.created_at)).toBeGreaterThanOrEqual(750);

    bed.clock.advance(1_000);
    expect(await worker.runOnce()).toMatchObject({ sent: 1, retried: 1 });
    expect((await rowsOf(a!))[0]).toMatchObject({ attempts: 2, last_error: "0: network error" });

    bed.clock.advance(2_000);
    expect(await worker.runOnce()).toMatchObject({ sent: 1 });
    expect([texts(a!), texts(b!)]).toEqual([["to a"], ["to b"]]);
    expect(callsTo(a!)).toHaveLength(3);
  });

  it("holds the chat in the database, for instances that never saw the 429", async () => {
    bed = await startTestbed();
    const [chat] = bed.addUsers(1);
    bed.fake.faults.add({ method: "sendMessage", chatId: chat!, kind: "429", retryAfter: 20 });
    await enqueue(
      bed.database.db,
      [textItem(chat!, "news:1:1", "news"), textItem(chat!, "reminder:1", "reminder", "reminder")],
      { now: bed.clock.now() },
    );
    // This instance sends news only; the reminder is another instance's (or another release's) work.
    await bed.worker({ news: {} }).runOnce();
    const other = bed.worker({ news: {}, reminder: {} });
    expect(await other.runOnce()).toMatchObject({ claimed: 0 });
    expect(callsTo(chat!)).toHaveLength(1);
    bed.clock.advance(20_000);
    await other.runOnce();
    expect(texts(chat!)).toEqual(["news", "reminder"]);
  });

  it("does not let a chat's next message overtake one that is being retried", async () => {
    bed = await startTestbed();
    const [chat] = bed.addUsers(1);
    bed.fake.faults.add({ method: "sendMessage", chatId: chat!, kind: "500" });
    await enqueue(bed.database.db, [textItem(chat!, "l:1", "page 1", "relay"), textItem(chat!, "l:2", "page 2", "relay")], {
      now: bed.clock.now(),
    });
    // One row per claim: page 2 is still in the database when page 1 fails, and must be held back there.
    expect(await bed.worker({ relay: {} }, { batchSize: 1 }).runOnce()).toMatchObject({ sent: 0, retried: 1 });
    expect(texts(chat!)).toEqual([]);
    bed.clock.advance(1_000);
    // A fresh worker, so that only the database can have kept page 2 back.
    await bed.worker({ relay: {} }).runOnce();
    expect(texts(chat!)).toEqual(["page 1", "page 2"]);
  });

  it("gives up after maxAttempts failures, marks the row failed and calls onFailed once", async () => {
    bed = await startTestbed();
    const [chat] = bed.addUsers(1);
    bed.fake.faults.add({ method: "sendMessage", chatId: chat!, kind: "500", times: Infinity });
    await enqueue(bed.database.db, textItem(chat!, "reminder:5", "write today", "reminder"), { now: bed.clock.now() });
    const failures: [OutboxRow, OutboxError][] = [];
    const worker = bed.worker(
      { reminder: { onFailed: (_trx, row, error) => void failures.push([row, error]) } },
      { maxAttempts: 3, backoff: { baseMs: 1000, maxMs: 4000 } },
    );

    for (let pass = 0; pass < 6; pass++) {
      await worker.runOnce();
      bed.clock.advance(4_000);
    }

    expect(callsTo(chat!)).toHaveLength(3);
    const [row] = await rowsOf(chat!);
    expect(row).toMatchObject({ status: "failed", attempts: 3, last_error: "500: Internal Server Error", lease_owner: null });
    expect(failures).toHaveLength(1);
    expect(failures[0]?.[0]).toMatchObject({ id: row!.id, status: "failed", attempts: 3 });
    expect(failures[0]?.[1]).toEqual({ code: 500, description: "Internal Server Error" });
  });

  it("on 403 asks onForbidden, which deactivates the subscriber, and never retries", async () => {
    bed = await startTestbed();
    const { db } = bed.database;
    const [blocker, reader] = bed.addUsers(2);
    for (const id of [blocker!, reader!]) await touchUser(db, id, "uk", bed.clock.now());
    bed.fake.blockBot(blocker!);
    await enqueue(db, [textItem(blocker!, "news:4:1"), textItem(reader!, "news:4:2")], { now: bed.clock.now() });
    const worker = bed.worker({
      news: {
        async onForbidden(trx, row) {
          await markUserBlocked(trx, row.chat_id, bed.clock.now());
          return "failed";
        },
      },
    });

    expect(await worker.runOnce()).toMatchObject({ sent: 1, failed: 1, held: 0 });
    expect((await findUser(db, blocker!))?.blocked_at).not.toBeNull();
    expect((await findUser(db, reader!))?.blocked_at).toBeNull();
    expect((await rowsOf(blocker!))[0]).toMatchObject({ status: "failed", last_error: "403: Forbidden: bot was blocked by the user" });

    bed.clock.advance(24 * 3_600_000);
    await worker.runOnce();
    expect(callsTo(blocker!)).toHaveLength(1);
  });

  it("holds relays while the bot cannot post to the organisers' group, and resumes them after releaseHeld", async () => {
    bed = await startTestbed();
    const { db } = bed.database;
    const group = bed.fake.addGroup({ id: -4001, title: "Organisers", type: "group" }).id;
    bed.fake.setMember(group, bed.fake.botId, "kicked");
    await enqueue(
      db,
      ["letter 1", "letter 2"].map((text, index) => textItem(group, `letter:${index + 1}`, text, "relay")),
      { now: bed.clock.now() },
    );
    const worker = bed.worker({ relay: { onForbidden: async () => "held" } });

    expect(await worker.runOnce()).toMatchObject({ sent: 0, held: 2, failed: 0 });
    expect((await rowsOf(group)).map((row) => row.status)).toEqual(["held", "held"]);
    bed.clock.advance(3_600_000);
    await worker.runOnce();
    expect(callsTo(group)).toHaveLength(2);

    bed.fake.setMember(group, bed.fake.botId, "member");
    expect(await releaseHeld(db, { chatId: group }, bed.clock.now())).toBe(2);
    expect(await worker.runOnce()).toMatchObject({ sent: 2 });
    expect(texts(group)).toEqual(["letter 1", "letter 2"]);
    expect((await rowsOf(group)).map((row) => [row.status, row.attempts])).toEqual([
      ["sent", 0],
      ["sent", 0],
    ]);
  });

  it("follows a group that became a supergroup, and tells the feature", async () => {
    bed = await startTestbed();
    const oldId = bed.fake.addGroup({ id: -5001, title: "Organisers", type: "group" }).id;
    const newId = bed.fake.addGroup({ id: -1005001, title: "Organisers", type: "supergroup" }).id;
    // The fake does not emulate the upgrade; answer as Telegram does for the old id.
    const api = new Api(bed.fake.token, { apiRoot: bed.fake.apiRoot });
    api.config.use((prev, method, payload, signal) => {
      if ("chat_id" in payload && payload.chat_id === oldId) {
        return Promise.resolve({
          ok: false as const,
          error_code: 400,
          description: "Bad Request: group chat was upgraded to a supergroup chat",
          parameters: { migrate_to_chat_id: newId },
        });
      }
      return prev(method, payload, signal);
    });
    await enqueue(
      bed.database.db,
      [
        textItem(oldId, "letter:1", "one", "relay"),
        textItem(oldId, "letter:2", "two", "relay"),
        // A kind this worker does not send: only the database can re-address it.
        textItem(oldId, "notice:1", "three", "notice"),
      ],
      { now: bed.clock.now() },
    );
    const moves: [number, number][] = [];
    // One row per claim: "two" is still pending when "one" learns of the move, and must follow without a detour.
    const worker = bed.worker(
      { relay: { onChatMigrated: (_trx, row, to) => void moves.push([row.chat_id, to]) } },
      { api, batchSize: 1 },
    );

    await worker.runOnce();
    await worker.runOnce();

    expect(texts(newId)).toEqual(["one", "two"]);
    expect(moves).toHaveLength(1);
    expect(moves[0]).toEqual([oldId, newId]);
    expect(await rowsOf(oldId)).toEqual([]);
    expect((await rowsOf(newId)).map((row) => [row.kind, row.status])).toEqual([
      ["relay", "sent"],
      ["relay", "sent"],
      ["notice", "pending"],
    ]);
  });
});
