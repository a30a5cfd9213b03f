import { InputFile } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { findUser, touchUser } from "../../src/db/repositories/users.js";
import { enqueue, type OutboxItem } from "../../src/outbox/index.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";

let database: TestDatabase;
afterEach(async () => database?.cleanup());

const now = new Date("2026-11-23T10:00:00.000Z");
const letterNotice = (chatId: number): OutboxItem => ({
  kind: "notice",
  ref: "letter:42",
  chatId,
  method: "sendMessage",
  payload: { text: "Your letter was accepted", parse_mode: "HTML" },
});

describe("enqueue", () => {
  it("stores nothing when the caller's transaction rolls back", async () => {
    database = await createTestDatabase();
    const { db } = database;
    const attempt = db.transaction().execute(async (trx) => {
      await touchUser(trx, 42, "uk", now);
      await enqueue(trx, letterNotice(42), { now });
      throw new Error("letter rejected by the censorship check");
    });
    await expect(attempt).rejects.toThrow("letter rejected");
    expect(await db.selectFrom("outbox").selectAll().execute()).toEqual([]);
    expect(await findUser(db, 42)).toBeUndefined();
  });

  it("commits the message with the record that caused it, pending and due now", async () => {
    database = await createTestDatabase();
    const { db } = database;
    const [id] = await db.transaction().execute(async (trx) => {
      await touchUser(trx, 42, "uk", now);
      return enqueue(trx, letterNotice(42), { now });
    });
    const row = await db.selectFrom("outbox").selectAll().where("id", "=", id!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: "notice",
      ref: "letter:42",
      chat_id: 42,
      method: "sendMessage",
      status: "pending",
      priority: 0,
      attempts: 0,
      next_attempt_at: now.toISOString(),
      created_at: now.toISOString(),
      lease_owner: null,
      sent_at: null,
    });
    // chat_id lives in its column only, so following a group's migration is one UPDATE.
    expect(JSON.parse(row.payload)).toEqual({ text: "Your letter was accepted", parse_mode: "HTML" });
    expect(await findUser(db, 42)).toBeDefined();
  });

  it("returns ids in the order of the items and keeps priority and send time", async () => {
    database = await createTestDatabase();
    const { db } = database;
    const later = new Date("2026-11-24T09:00:00.000Z");
    const items: OutboxItem[] = Array.from({ length: 2500 }, (_, index) => ({
      kind: "news",
      ref: `news:1:${index}`,
      chatId: index + 1,
      method: "sendMessage",
      payload: { text: "news" },
      ...(index === 0 ? { priority: 5, sendAt: later } : {}),
    }));
    const ids = await enqueue(db, items, { now });
    expect(ids).toHaveLength(2500);
    const rows = await db.selectFrom("outbox").select(["id", "ref", "priority", "next_attempt_at"]).orderBy("id").execute();
    expect(rows.map((row) => row.id)).toEqual(ids);
    expect(rows.map((row) => row.ref)).toEqual(items.map((item) => item.ref));
    expect(rows[0]).toMatchObject({ priority: 5, next_attempt_at: later.toISOString() });
  });

  it("stores a broadcast's file once however many rows send it", async () => {
    database = await createTestDatabase();
    const { db } = database;
    const attachment = { bytes: Buffer.from("%PDF-1.4 court decision"), filename: "decision.pdf" };
    await enqueue(
      db,
      [1, 2, 3].map((chatId) => ({
        kind: "news",
        ref: `news:2:${chatId}`,
        chatId,
        method: "sendDocument" as const,
        payload: { caption: "The decision" },
        attachment,
      })),
      { now },
    );
    const files = await db.selectFrom("outbox_attachments").selectAll().execute();
    expect(files).toHaveLength(1);
    expect(Buffer.from(files[0]!.bytes).toString()).toBe("%PDF-1.4 court decision");
    const rows = await db.selectFrom("outbox").select("attachment_id").execute();
    expect(rows.map((row) => row.attachment_id)).toEqual([files[0]!.id, files[0]!.id, files[0]!.id]);
  });

  it("refuses items the worker could not send", async () => {
    database = await createTestDatabase();
    const { db } = database;
    const bad: unknown[] = [
      { kind: "news", ref: "x", chatId: 1, method: "sendMessage", payload: { text: "t", chat_id: 2 } },
      { kind: "news", ref: "x", chatId: 1, method: "sendDocument", payload: { caption: "no file" } },
      {
        kind: "news",
        ref: "x",
        chatId: 1,
        method: "sendDocument",
        payload: { document: "file-id" },
        attachment: { bytes: Buffer.from("x"), filename: "a.pdf" },
      },
      { kind: "news", ref: "x", chatId: 1, method: "sendMessage", payload: { text: "t" }, attachment: 3 },
      { kind: "news", ref: "x", chatId: 1, method: "sendPhoto", payload: { photo: new InputFile(Buffer.from("x")) } },
      { kind: "news", ref: "x", chatId: 1, method: "sendMessage", payload: { text: "t", when: new Date() } },
      { kind: "news", ref: "x", chatId: 1, method: "banChatMember", payload: {} },
      { kind: "", ref: "x", chatId: 1, method: "sendMessage", payload: { text: "t" } },
      { kind: "news", ref: "x", chatId: 1.5, method: "sendMessage", payload: { text: "t" } },
    ];
    for (const item of bad) {
      await expect(enqueue(db, item as OutboxItem)).rejects.toThrow(/outbox/);
    }
    expect(await db.selectFrom("outbox").selectAll().execute()).toEqual([]);
  });
});
