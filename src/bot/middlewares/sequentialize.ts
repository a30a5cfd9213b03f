import { sequentialize } from "@grammyjs/runner";
import type { Context } from "grammy";

/**
 * The order key: a chat's updates are handled one after another (a flow reads and writes its state without a lost
 * update), different chats at the same time. Inline queries and the like have no chat: their sender's id.
 */
export function orderKey(ctx: Context): string | undefined {
  return ctx.chat?.id.toString() ?? ctx.from?.id.toString();
}

/** Installed before anything that keeps state per chat (users, conversations). */
export function oneAtATimePerChat() {
  return sequentialize<Context>(orderKey);
}
