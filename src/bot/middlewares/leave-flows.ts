import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";
import { menuButton } from "../keyboards/main-menu.js";

/**
 * A command or a main-menu button means the person wants something else: the flow in progress ends (its draft is
 * already in the database) and the command runs, instead of being swallowed by a flow waiting for text.
 */
export function leaveFlowsOnCommand(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const isCommand = ctx.message?.entities?.some((entity) => entity.type === "bot_command" && entity.offset === 0);
    const isMenu = menuButton.unpack(ctx.callbackQuery?.data) !== undefined;
    if ((isCommand || isMenu) && Object.keys(ctx.conversation.active()).length > 0) {
      await ctx.conversation.exitAll();
    }
    return next();
  };
}
