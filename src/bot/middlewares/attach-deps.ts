import type { MiddlewareFn } from "grammy";
import type { BotDeps, FlowContext } from "../context.js";

export function attachDeps(deps: BotDeps): MiddlewareFn<FlowContext> {
  return (ctx, next) => {
    ctx.deps = deps;
    ctx.logger = deps.logger.child({ update_id: ctx.update.update_id });
    return next();
  };
}
