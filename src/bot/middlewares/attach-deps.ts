import type { MiddlewareFn } from "grammy";
import type { BotDeps, FlowContext } from "../context.js";
import { type Logger, updateLogger } from "../../logger.js";
import { PressAnsweringContext, answerPress, handlingPress } from "../press-answer.js";

const childLogger = Symbol("logger");
type WithLogger = FlowContext & { [childLogger]?: Logger };

/**
 * `ctx.logger`, the per-update child logger, made on first use: most contexts (each one a flow replays, issue 14)
 * never log. One descriptor for every context, so attaching it costs no closure.
 */
const lazyLogger: PropertyDescriptor & ThisType<WithLogger> = {
  configurable: true,
  enumerable: true,
  get(): Logger {
    return (this[childLogger] ??= updateLogger(this.deps.logger, this.update.update_id));
  },
  set(value: Logger) {
    this[childLogger] = value;
  },
};

/**
 * What every context carries, in the bot's chain and in each context a flow replays alike: the dependencies, the
 * per-update logger, and for a button press the answer that takes Telegram's refusal as answered (press-answer.ts).
 * The bot's own contexts are `PressAnsweringContext`s, a flow's are grammY's: a press in the bot's chain is marked as
 * being handled, so that its refusal is logged once and not again when a flow replays it (`handlingPress`).
 */
export function attachDeps(deps: BotDeps): MiddlewareFn<FlowContext> {
  return (ctx, next) => {
    ctx.deps = deps;
    Object.defineProperty(ctx, "logger", lazyLogger);
    if (ctx.update.callback_query !== undefined) {
      if (ctx instanceof PressAnsweringContext) return handlingPress(ctx.update, next);
      ctx.answerCallbackQuery = answerPress;
    }
    return next();
  };
}
