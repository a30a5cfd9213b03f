import type { BotDeps, Flow, FlowContext } from "../context.js";

/**
 * A database (or clock) call inside a flow: it runs once, outside the replay, with the dependencies of the update
 * being handled, and its JSON-safe result is stored in the replay log. Call services here, never the Bot API.
 */
export function guarded<T>(conversation: Flow, call: (deps: BotDeps, outer: FlowContext) => Promise<T> | T): Promise<T> {
  return conversation.external((outer) => call(outer.deps, outer));
}
