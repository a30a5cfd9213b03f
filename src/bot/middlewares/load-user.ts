import type { MiddlewareFn } from "grammy";
import { findUser, touchUser } from "../../db/repositories/users.js";
import type { FlowContext } from "../context.js";
import { guessLocale } from "../../telegram/locale.js";

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
      ctx.user = await touchUser(db, from.id, guessLocale(from.language_code, config.defaultLocale), clock.now());
    } else if (from && !from.is_bot) {
      ctx.user = await findUser(ctx.deps.db, from.id);
    }
    return next();
  };
}

/** Inside conversations the row is only read: the outer middleware already recorded the visit. */
export function readUser(): MiddlewareFn<FlowContext> {
  return async (ctx, next) => {
    if (ctx.from) ctx.user = await findUser(ctx.deps.db, ctx.from.id);
    return next();
  };
}
