import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BotContext } from "../../src/bot/context.js";
import { deleteStaleFlows, deleteStoredFlowsUnlessWritten, flowsWritten } from "../../src/bot/flows/stale-flows.js";
import { conversationKey } from "../../src/db/conversation-storage.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";

/**
 * A flow entered from the letter's writing stage (bot/flows/stale-flows.ts): a stored flow a crash may have left for the
 * chat is deleted at the update's end, unless the conversations plugin wrote the chat's flows, which replaced it.
 */
const CHAT = 700_000_123;
let testDb: TestDatabase;
beforeEach(async () => {
  testDb = await createTestDatabase();
  await testDb.db.insertInto("conversation_state").values({ key: conversationKey(CHAT), value: "left by a crash", updated_at: "2026-12-07T19:00:00.000Z" }).execute();
});
afterEach(async () => testDb.cleanup());

const stored = async () => (await testDb.db.selectFrom("conversation_state").select("value").where("key", "=", conversationKey(CHAT)).execute()).map((row) => row.value);

async function handle(ctx: BotContext, inside: () => void): Promise<void> {
  await deleteStaleFlows(testDb.db)(ctx, async () => inside());
}

describe("a stored flow a crash may have left when a flow is entered from the writing stage", () => {
  it("is deleted at the update's end when the flow entered wrote nothing (it ended at once, or failed)", async () => {
    const ctx = { chatId: CHAT } as BotContext;
    await handle(ctx, () => deleteStoredFlowsUnlessWritten(ctx));
    expect(await stored()).toEqual([]);
  });

  it("is left to the plugin's write, which replaced it: no DELETE after it", async () => {
    const ctx = { chatId: CHAT } as BotContext;
    await handle(ctx, () => {
      deleteStoredFlowsUnlessWritten(ctx);
      flowsWritten(ctx);
    });
    expect(await stored()).toEqual(["left by a crash"]);
  });

  it("is deleted even when the update fails", async () => {
    const ctx = { chatId: CHAT } as BotContext;
    await expect(
      handle(ctx, () => {
        deleteStoredFlowsUnlessWritten(ctx);
        throw new Error("the flow failed");
      }),
    ).rejects.toThrow("the flow failed");
    expect(await stored()).toEqual([]);
  });

  it("is not touched by an update that entered no flow from the stage", async () => {
    await handle({ chatId: CHAT } as BotContext, () => undefined);
    expect(await stored()).toEqual(["left by a crash"]);
  });
});
