import { sequentialize } from "@grammyjs/runner";
import type { Context, MiddlewareFn } from "grammy";
import type { ChatLock } from "../../db/chat-lock.js";

/**
 * The order key: a chat's updates are handled one after another (a flow reads and writes its state without a lost
 * update), different chats at the same time. Inline queries and the like have no chat: their sender's id.
 */
function orderKey(ctx: Context): string | undefined {
  return ctx.chat?.id.toString() ?? ctx.from?.id.toString();
}

/** Installed before anything that keeps state per chat (users, conversations). */
export function oneAtATimePerChat() {
  return sequentialize<Context>(orderKey);
}

/**
 * Installed right after `oneAtATimePerChat`: the same order key, held in the database while the update is handled, so
 * an instance handling a chat's update waits for any other instance handling one of the same chat.
 */
export function oneAtATimeAcrossInstances(lock: ChatLock): MiddlewareFn<Context> {
  return (ctx, next) => {
    const key = orderKey(ctx);
    return key === undefined ? next() : lock.run(key, next);
  };
}
