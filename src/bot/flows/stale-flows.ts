import type { MiddlewareFn } from "grammy";
import { deleteStoredFlows } from "../../db/conversation-storage.js";
import type { DB } from "../../db/database.js";
import type { BotContext } from "../context.js";

/** Updates whose chat's stored flows are deleted at the update's end unless a flow is written meanwhile. */
const staleUnlessWritten = new WeakSet<object>();

/**
 * Marks the update's chat as possibly holding a stored flow a crash left behind (one the bot did not read: the chat was
 * in the letter's writing stage), which must not outlive this update: `deleteStaleFlows` deletes it at the end unless
 * the flows are written first, which replaces it (an INSERT … ON CONFLICT), so a flow entered that waits costs one
 * write instead of a DELETE and a write (issue 14, thirteenth round).
 */
export function deleteStoredFlowsUnlessWritten(ctx: object): void {
  staleUnlessWritten.add(ctx);
}

/** Installed right before the conversations plugin, whose write (or delete) of the chat's flows has then happened. */
export function deleteStaleFlows(db: DB): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    try {
      await next();
    } finally {
      if (staleUnlessWritten.has(ctx) && ctx.chatId !== undefined) await deleteStoredFlows(db, ctx.chatId);
    }
  };
}

/** The conversations plugin wrote (or deleted) the update's chat's flows: nothing stale is left to delete. */
export function flowsWritten(ctx: object): void {
  staleUnlessWritten.delete(ctx);
}
