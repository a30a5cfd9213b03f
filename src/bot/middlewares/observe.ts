import type { MiddlewareFn } from "grammy";
import type { BotDeps, FlowContext } from "../context.js";

/** Reports the end of each update's handling (with its error, if any) to the observer. */
export function observeUpdates(deps: BotDeps): MiddlewareFn<FlowContext> {
  return async (ctx, next) => {
    try {
      await next();
      deps.observer?.handled(ctx.update, ctx.failure);
    } catch (error) {
      deps.observer?.handled(ctx.update, error);
      throw error;
    }
  };
}
