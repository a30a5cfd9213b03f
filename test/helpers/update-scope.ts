import { AsyncLocalStorage } from "node:async_hooks";
import type { RunningApp } from "../../src/app.js";

/**
 * Which update the bot is handling where a statement runs: the id of the update whose `bot.handleUpdate` the current
 * code was called from (followed through every await and timer it starts), undefined for what the app does on its own
 * (the retention pass a start runs, the outbox worker's polls, the news scheduler, the webhook's records around an
 * update). Test plugins that judge one update's statements read it, so background work on its own timer can never be
 * counted or struck for the update (under CI's load such work landed inside a counted step, on Postgres).
 */
const handlingUpdate = new AsyncLocalStorage<number>();
const followed = new WeakSet<object>();

/** Runs each update the app's bot handles inside the scope (both modes hand every update to `handleUpdate`). */
export function followUpdates({ bot }: RunningApp): void {
  if (followed.has(bot)) return;
  followed.add(bot);
  const handle = bot.handleUpdate.bind(bot);
  bot.handleUpdate = (update, envelope) => handlingUpdate.run(update.update_id, () => handle(update, envelope));
}

/** The id of the update being handled where this runs, if any. */
export function handledUpdate(): number | undefined {
  return handlingUpdate.getStore();
}
