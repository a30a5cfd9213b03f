import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext } from "../bot/context.js";
import { describeError } from "../bot/middlewares/error-boundary.js";
import type { Logger } from "../logger.js";
import { InFlight } from "./in-flight.js";

export interface UpdateHandler {
  /** Handles one update to the end; never rejects (failures outside the error boundary are logged). */
  handle(update: Update): Promise<void>;
  readonly inFlight: InFlight;
  /** The highest update id handed to `handle`, so polling can confirm it to Telegram at shutdown. */
  readonly lastUpdateId: number | undefined;
}

/**
 * The one door every update goes through, in both modes: tracked for a graceful shutdown and timed for /metrics.
 * Errors inside the bot's error boundary were already answered; anything escaping it is logged here, because the
 * runner would otherwise print it to stderr and the webhook would make Telegram redeliver the update.
 */
export function createUpdateHandler(
  bot: Bot<BotContext>,
  deps: { logger: Logger; observeDuration?: (seconds: number) => void },
): UpdateHandler {
  const inFlight = new InFlight();
  let lastUpdateId: number | undefined;
  const run = async (update: Update) => {
    const started = performance.now();
    try {
      await bot.handleUpdate(update);
    } catch (error) {
      deps.logger.error({ err: describeError(error), update_id: update.update_id }, "update failed outside the error boundary");
    } finally {
      deps.observeDuration?.((performance.now() - started) / 1000);
    }
  };
  return {
    handle(update) {
      if (lastUpdateId === undefined || update.update_id > lastUpdateId) lastUpdateId = update.update_id;
      return inFlight.track(run(update));
    },
    inFlight,
    get lastUpdateId() {
      return lastUpdateId;
    },
  };
}
