import { run, type RunnerHandle } from "@grammyjs/runner";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext } from "./bot/context.js";
import { describeError } from "./bot/middlewares/error-boundary.js";
import type { Logger } from "./logger.js";
import type { UpdateHandler } from "./server/update-handler.js";

export interface Polling {
  isRunning(): boolean;
  /** Resolves when polling stops; rejects when it cannot go on (401 wrong token, 409 another instance polls). */
  readonly done: Promise<void>;
  /** Resolves once the first getUpdates has been handed to the client, and the event loop has turned to send it. */
  readonly firstPoll: Promise<void>;
  /** Stops fetching, waits for every update in flight, then confirms the last one so a restart does not repeat it. */
  stop(): Promise<void>;
}

/** How long shutdown waits for Telegram to take the confirmation of the last handled update. */
const CONFIRM_LIMIT_MS = 5_000;

export interface PollingOptions {
  allowedUpdates: ReadonlyArray<Exclude<keyof Update, "update_id">>;
  /** Updates handled at once across all chats (the runner's default is 500). */
  concurrency?: number;
}

/**
 * Long polling with @grammyjs/runner: updates of different chats run concurrently, so one slow chat (or one
 * flooding user) never holds up the others; `sequentialize` in createBot keeps each chat's updates in order. The
 * runner gets a thin adapter instead of the bot so every update goes through `handler` (tracked and timed), and
 * failed getUpdates calls are logged as JSON instead of printed.
 */
export async function startPolling(
  bot: Bot<BotContext>,
  handler: UpdateHandler,
  logger: Logger,
  options: PollingOptions,
): Promise<Polling> {
  // getUpdates is refused while a webhook is set, e.g. after running in webhook mode.
  await bot.api.deleteWebhook();
  let polled: () => void = () => undefined;
  const firstPoll = new Promise<void>((resolve) => (polled = resolve)).then(() => new Promise<void>((resolve) => setImmediate(resolve)));
  const runner: RunnerHandle = run(
    {
      init: () => bot.init(),
      handleUpdate: (update) => handler.handle(update),
      errorHandler: (error: unknown) => logger.error({ err: describeError(error) }, "update failed in the runner"),
      api: {
        getUpdates: async (args, signal) => {
          try {
            const answer = bot.api.getUpdates({ ...args, allowed_updates: [...options.allowedUpdates] }, signal);
            polled();
            return await answer;
          } catch (error) {
            if (!signal.aborted) logger.warn({ err: describeError(error) }, "getUpdates failed; the runner retries");
            throw error;
          }
        },
      },
    },
    { runner: { silent: true }, sink: { concurrency: options.concurrency ?? 500 } },
  );
  const done = (runner.task() ?? Promise.resolve()).catch((error: unknown) => {
    logger.fatal({ err: describeError(error) }, "polling stopped");
    throw error;
  });
  // Callers that never await `done` (stop() does) must not see an unhandled rejection.
  done.catch(() => undefined).finally(polled);

  let stopping: Promise<void> | undefined;
  return {
    isRunning: () => runner.isRunning(),
    done,
    firstPoll,
    stop() {
      stopping ??= (async () => {
        // Stopped before the first getUpdates: whoever waits for it goes on (and sees the intake stopping).
        polled();
        if (runner.isRunning()) await runner.stop()?.catch(() => undefined);
        await handler.inFlight.drain();
        const last = handler.lastUpdateId;
        // As grammY's bot.stop() does: tell Telegram the handled updates are done, or they come again after a restart.
        // Bounded: an unreachable Telegram must not hold the shutdown until grammY's 500 s timeout.
        if (last !== undefined) {
          const limit = AbortSignal.timeout(CONFIRM_LIMIT_MS) as Parameters<typeof bot.api.getUpdates>[1];
          await bot.api.getUpdates({ offset: last + 1, limit: 1, timeout: 0 }, limit).catch((error: unknown) => {
            logger.warn({ err: describeError(error) }, "could not confirm the last update; it may be handled again");
          });
        }
      })();
      return stopping;
    },
  };
}
