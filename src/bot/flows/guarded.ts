import type { BotDeps, Flow, FlowContext } from "../context.js";

/**
 * A database (or clock) call inside a flow: it runs once, outside the replay, with the dependencies of the update
 * being handled, and its JSON-safe result is stored in the replay log. Call services here, never the Bot API.
 */
export function guarded<T>(conversation: Flow, call: (deps: BotDeps, outer: FlowContext) => Promise<T> | T): Promise<T> {
  return conversation.external((outer) => call(outer.deps, outer));
}

/**
 * How a step that waits for nothing runs its database calls, so that one step serves a flow and plain middleware alike:
 * `guardOf(conversation)` in a flow (each call guarded, as above), `directly(ctx)` in middleware (each call at once,
 * with the update's own context as `outer`).
 */
export type Guard = <T>(call: (deps: BotDeps, outer: FlowContext) => Promise<T> | T) => Promise<T>;

export function guardOf(conversation: Flow): Guard {
  return (call) => guarded(conversation, call);
}

export function directly(ctx: FlowContext): Guard {
  return async (call) => call(ctx.deps, ctx);
}
