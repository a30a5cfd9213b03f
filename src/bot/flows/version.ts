import type { ConversationStorage, VersionedState } from "@grammyjs/conversations";
import type { MiddlewareFn } from "grammy";
import { conversationKey, conversationStorage, type StoredFlow } from "../../db/conversation-storage.js";
import { flowsWritten } from "./stale-flows.js";
import type { DB } from "../../db/database.js";
import type { BotContext } from "../context.js";
import { isCommandOrMenu } from "../middlewares/leave-flows.js";

/** Updates whose chat had a stored flow of an older version (dropped while reading it). */
const outdated = new WeakSet<object>();

function storedVersion(state: unknown): unknown {
  if (state === null || typeof state !== "object") return undefined;
  const { version } = state as { version?: unknown };
  return Array.isArray(version) ? version[1] : undefined;
}

/**
 * The flows' storage: `flow:<chat id>` rows in the database, pinned to `version`. A stored flow of another version
 * (older code, whose replay log would replay differently) is deleted when read, and the update is marked so that
 * `answerOutdatedFlow` tells the person to start again (unless `upgrade` carried it over); the plugin then sees no
 * flow at all.
 */
export function versionedFlowStorage<S>(
  db: DB,
  now: () => Date,
  version: number,
  /** Carries a stored flow of another version over to the current code (true) instead of "start again" (false). */
  upgrade?: (ctx: BotContext, stored: VersionedState<S>) => Promise<boolean>,
  /**
   * True when the update's own state says its chat stores no flow (the letter's writing stage, which no flow runs
   * beside: entering one leaves the stage, and leaving the stage deletes the chat's stored flow; a sender's first
   * contact, middlewares/load-user.ts): the read is skipped.
   */
  storesNoFlow?: (ctx: BotContext) => boolean,
): ConversationStorage<BotContext, S> {
  const rows = conversationStorage<S>(db, now);
  const keyOf = (ctx: BotContext) => (ctx.chatId === undefined ? undefined : conversationKey(ctx.chatId));
  // What each update read, so that a state written back unchanged is not written again (conversation-storage.ts).
  const readFor = new WeakMap<BotContext, StoredFlow<S>>();
  return {
    type: "context",
    version,
    adapter: {
      async read(ctx): Promise<VersionedState<S> | undefined> {
        const key = keyOf(ctx);
        if (key === undefined || storesNoFlow?.(ctx)) return undefined;
        const stored = await rows.readStored(key);
        if (stored === undefined) return undefined;
        if (storedVersion(stored.state) === version) {
          readFor.set(ctx, stored);
          return stored.state;
        }
        await rows.delete(key);
        if (!(await upgrade?.(ctx, stored.state))) outdated.add(ctx);
        return undefined;
      },
      async write(ctx, state) {
        const key = keyOf(ctx);
        if (key !== undefined) await rows.write(key, state, readFor.get(ctx));
        flowsWritten(ctx);
      },
      async delete(ctx) {
        const key = keyOf(ctx);
        if (key !== undefined) await rows.delete(key);
        flowsWritten(ctx);
      },
    },
  };
}

/**
 * Installed right after the conversations plugin. An update meant for a dropped flow (a button, a reply) is answered
 * "this step is out of date, start again" and goes no further; a command or a main-menu button runs as usual.
 */
export function answerOutdatedFlow(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (!outdated.has(ctx)) return next();
    if (isCommandOrMenu(ctx)) return next();
    ctx.logger.info({ chat_id: ctx.chatId }, "stored flow of an older version dropped");
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery({ text: ctx.t("flows-outdated"), show_alert: true });
      return;
    }
    await ctx.reply(ctx.t("flows-outdated"));
  };
}
