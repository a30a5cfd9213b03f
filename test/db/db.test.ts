import { afterEach, describe, expect, it } from "vitest";
import { conversationStorage } from "../../src/db/conversation-storage.js";
import { listForgetRequests, recordForgetRequest } from "../../src/db/repositories/privacy.js";
import { findUser, markUserBlocked, setUserLocale, touchUser, VISIT_RESOLUTION_MS } from "../../src/db/repositories/users.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { onPostgres, sqliteOnly } from "../helpers/skip-reason.js";

let testDb: TestDatabase;
afterEach(async () => testDb?.cleanup());

describe("database", () => {
  it("keeps a returning user's chosen locale instead of Telegram's guess", async () => {
    testDb = await createTestDatabase();
    const { db } = testDb;
    await touchUser(db, 42, "uk", new Date("2026-01-01T00:00:00Z"));
    await setUserLocale(db, 42, "en");
    const { user: again } = await touchUser(db, 42, "ru", new Date("2026-01-02T00:00:00Z"));
    expect(again.locale).toBe("en");
    expect(again.locale_chosen).toBe(1);
    expect(again.last_seen_at).toBe("2026-01-02T00:00:00.000Z");
  });

  it("writes a visit only when it is news: first contact, stale, blocked, or a forget request waiting", async () => {
    testDb = await createTestDatabase();
    const { db } = testDb;
    const start = new Date("2026-03-01T10:00:00.000Z");
    const later = (ms: number) => new Date(start.getTime() + ms);
    // The first contact creates the row, and says so (the flows' storage then reads no stored flow).
    expect(await touchUser(db, 7, "uk", start)).toMatchObject({ created: true, user: { created_at: start.toISOString() } });
    // Minutes later the row is only read: the recorded visit stays, the row is the same.
    const soon = await touchUser(db, 7, "en", later(VISIT_RESOLUTION_MS - 1_000));
    expect(soon).toMatchObject({ created: false, user: { locale: "uk", last_seen_at: start.toISOString() } });
    // Once the recorded visit is older than the resolution, it is written again; the row was not created by it.
    const next = await touchUser(db, 7, "uk", later(VISIT_RESOLUTION_MS + 1_000));
    expect(next).toMatchObject({ created: false, user: { last_seen_at: later(VISIT_RESOLUTION_MS + 1_000).toISOString() } });
    // Writing again clears a "blocked the bot" mark at once, however recent the last visit.
    await markUserBlocked(db, 7, later(VISIT_RESOLUTION_MS + 2_000));
    const unblocked = await touchUser(db, 7, "uk", later(VISIT_RESOLUTION_MS + 3_000));
    expect(unblocked).toMatchObject({ created: false, user: { blocked_at: null, last_seen_at: later(VISIT_RESOLUTION_MS + 3_000).toISOString() } });
    // While a forget request waits, every visit is written, so the retention job sees that the person came back.
    await recordForgetRequest(db, 7, later(VISIT_RESOLUTION_MS + 4_000));
    await touchUser(db, 7, "uk", later(VISIT_RESOLUTION_MS + 5_000));
    const [request] = await listForgetRequests(db);
    expect(request!.last_seen_at > request!.requested_at).toBe(true);
    expect((await findUser(db, 7))?.last_seen_at).toBe(later(VISIT_RESOLUTION_MS + 5_000).toISOString());
  });

  it("takes nobody known for a first contact, even at the millisecond their row was made", async () => {
    testDb = await createTestDatabase();
    const { db } = testDb;
    const at = new Date("2026-03-01T10:00:00.000Z");
    expect((await touchUser(db, 7, "uk", at)).created).toBe(true);
    // Each of these visits is written (a forget request waits, a "blocked" mark), at the time the row carries: two
    // visits in one millisecond, or an instance whose clock is behind.
    await recordForgetRequest(db, 7, at);
    expect(await touchUser(db, 7, "uk", at)).toMatchObject({ created: false, user: { created_at: at.toISOString() } });
    await touchUser(db, 8, "uk", at);
    await markUserBlocked(db, 8, at);
    expect(await touchUser(db, 8, "uk", at)).toMatchObject({ created: false, user: { blocked_at: null } });
  });

  it("stores conversation state that a reopened database still has", async () => {
    testDb = await createTestDatabase();
    const storage = conversationStorage<{ step: string }>(testDb.db);
    await storage.write("42", { version: [0, 1], state: { step: "writing" } });
    const reopened = conversationStorage<{ step: string }>(testDb.reopen());
    expect(await reopened.read("42")).toEqual({ version: [0, 1], state: { step: "writing" } });
    await reopened.delete("42");
    expect(await storage.read("42")).toBeUndefined();
    expect(await findUser(testDb.db, 1)).toBeUndefined();
  });

  it.skipIf(onPostgres)(sqliteOnly("turns on foreign keys and WAL on SQLite"), async () => {
    testDb = await createTestDatabase();
    const { sql } = await import("kysely");
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(testDb.db);
    const wal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(testDb.db);
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    expect(wal.rows[0]?.journal_mode).toBe("wal");
  });
});
