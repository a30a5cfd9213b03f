import { afterEach, describe, expect, it } from "vitest";
import { conversationStorage } from "../../src/db/conversation-storage.js";
import { findUser, setUserLocale, touchUser } from "../../src/db/repositories/users.js";
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
    const again = await touchUser(db, 42, "ru", new Date("2026-01-02T00:00:00Z"));
    expect(again.locale).toBe("en");
    expect(again.locale_chosen).toBe(1);
    expect(again.last_seen_at).toBe("2026-01-02T00:00:00.000Z");
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
