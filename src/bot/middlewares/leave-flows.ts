import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";
import { menuButton } from "../keyboards/main-menu.js";
import { leaveWritingStageOf } from "../features/letter/writing-stage.js";

/**
 * A command or a main-menu button means the person wants something else: the flow in progress ends (its draft is
 * already in the database), the letter's writing stage too, and the command runs, instead of being swallowed by a
 * flow waiting for text.
 */
export function leaveFlowsOnCommand(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (isCommandOrMenu(ctx)) {
      if (Object.keys(ctx.conversation.active()).length > 0) await ctx.conversation.exitAll();
      // The letter's writing stage is left like a flow (docs/letter-flow-stages.md).
      await leaveWritingStageOf(ctx);
    }
    return next();
  };
}

/** A command, or a main-menu button: the update asks for something other than the flow in progress. */
export function isCommandOrMenu(ctx: BotContext): boolean {
  const isCommand = ctx.message?.entities?.some((entity) => entity.type === "bot_command" && entity.offset === 0) ?? false;
  return isCommand || menuButton.unpack(ctx.callbackQuery?.data) !== undefined;
}
