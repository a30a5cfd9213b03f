import type { MiddlewareFn } from "grammy";
import { findUser, touchUser } from "../../db/repositories/users.js";
import type { User } from "../../db/schema.js";
import type { FlowContext } from "../context.js";
import { guessLocale } from "../../telegram/locale.js";

/**
 * The update each chat is handling now, with the user rows read for it: flows replay their earlier updates on every
 * new one, and each replayed context asks for its sender's row (issue 14: ten SELECTs per update). One chat's updates
 * are handled one at a time (`oneAtATimePerChat`), so the chat id names the update its flow replays for.
 */
const handling = new Map<number, { outer: FlowContext; others: Map<number, Promise<User | undefined>> }>();

/** Updates whose sender's row they created (`touchUser`). */
const firstContacts = new WeakSet<object>();

/**
 * Whether the sender wrote to the bot for the first time with this update (their row was created for it): no flow can
 * be stored for their private chat, since a flow is stored only while handling one of their updates there, which
 * records them first, and their row goes (/forget) only with their stored flows. The flows' storage skips the read.
 */
export function isFirstContact(ctx: object): boolean {
  return firstContacts.has(ctx);
}

/**
 * Makes `ctx.user` the sender's row, creating it on first contact with the locale guessed from Telegram's
 * language_code. Only people who talk to the bot directly are recorded; someone seen in a group is not.
 */
export function loadUser(): MiddlewareFn<FlowContext> {
  return async (ctx, next) => {
    const from = ctx.from;
    // Blocking or unblocking the bot is not talking to it: it must not recreate someone who asked to be forgotten.
    const direct = (ctx.chat?.type === "private" && !ctx.myChatMember) || ctx.inlineQuery !== undefined;
    if (from && !from.is_bot && direct) {
      const { db, clock, config } = ctx.deps;
      const { user, created } = await touchUser(db, from.id, guessLocale(from.language_code, config.defaultLocale), clock.now());
      ctx.user = user;
      if (created) firstContacts.add(ctx);
    } else if (from && !from.is_bot) {
      ctx.user = await findUser(ctx.deps.db, from.id);
    }
    const chatId = ctx.chatId;
    if (chatId === undefined || handling.has(chatId)) return next();
    handling.set(chatId, { outer: ctx, others: new Map() });
    try {
      await next();
    } finally {
      handling.delete(chatId);
    }
  };
}

/**
 * Inside conversations the row is only read: the outer middleware already recorded the visit. A replayed context of
 * the same sender takes the row the outer update loaded (`ctx.user` as it is now, so a change made while handling the
 * update is seen); another sender's row (a group's flow) is read once per update.
 */
export function readUser(): MiddlewareFn<FlowContext> {
  return async (ctx, next) => {
    const from = ctx.from;
    if (!from) return next();
    const current = ctx.chatId === undefined ? undefined : handling.get(ctx.chatId);
    if (current?.outer.from?.id === from.id && current.outer.user) {
      ctx.user = current.outer.user;
    } else if (current) {
      let row = current.others.get(from.id);
      if (!row) current.others.set(from.id, (row = findUser(ctx.deps.db, from.id)));
      ctx.user = await row;
    } else {
      ctx.user = await findUser(ctx.deps.db, from.id);
    }
    return next();
  };
}
