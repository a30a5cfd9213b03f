import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { conversationStorage, UNCHANGED_STATE_REWRITE_MS } from "../../src/db/conversation-storage.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => database.cleanup());

describe("a flow state written back unchanged", () => {
  it("is not written again until an hour has passed; a changed one always is", async () => {
    let now = new Date("2026-12-06T12:00:00.000Z");
    const storage = conversationStorage<{ step: string }>(database.db, () => now);
    const writtenAt = async () =>
      (await database.db.selectFrom("conversation_state").select("updated_at").where("key", "=", "flow:7").executeTakeFirstOrThrow()).updated_at;

    await storage.write("flow:7", { version: [0, 1], state: { step: "writing" } });
    const read = await storage.readStored("flow:7");
    expect(read).toEqual({ state: { version: [0, 1], state: { step: "writing" } }, json: read?.json, updatedAt: "2026-12-06T12:00:00.000Z" });

    now = new Date(now.getTime() + UNCHANGED_STATE_REWRITE_MS - 1);
    await storage.write("flow:7", { version: [0, 1], state: { step: "writing" } }, read);
    expect(await writtenAt()).toBe("2026-12-06T12:00:00.000Z");

    await storage.write("flow:7", { version: [0, 1], state: { step: "check" } }, read);
    expect(await writtenAt()).toBe(now.toISOString());
    expect(await storage.read("flow:7")).toEqual({ version: [0, 1], state: { step: "check" } });

    const again = await storage.readStored("flow:7");
    now = new Date(now.getTime() + UNCHANGED_STATE_REWRITE_MS);
    await storage.write("flow:7", { version: [0, 1], state: { step: "check" } }, again);
    expect(await writtenAt()).toBe(now.toISOString());
  });
});
