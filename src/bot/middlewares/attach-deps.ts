import type { MiddlewareFn } from "grammy";
import type { BotDeps, FlowContext } from "../context.js";
import type { Logger } from "../../logger.js";

/**
 * `ctx.deps`, and `ctx.logger` carrying the update id. The child logger is made on first use: most contexts (each
 * replayed one inside a flow, issue 14) never log.
 */
export function attachDeps(deps: BotDeps): MiddlewareFn<FlowContext> {
  return (ctx, next) => {
    ctx.deps = deps;
    let logger: Logger | undefined;
    Object.defineProperty(ctx, "logger", {
      configurable: true,
      enumerable: true,
      get: () => (logger ??= deps.logger.child({ update_id: ctx.update.update_id })),
      set: (value: Logger) => {
        logger = value;
      },
    });
    return next();
  };
}
