import { Api, type Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { I18n } from "@grammyjs/i18n";
import type { BotContext, BotDeps, FlowContext } from "./bot/context.js";
import { publishCommands } from "./bot/commands.js";
import { createBot } from "./bot/index.js";
import { seedDirectory } from "./db/repositories/prisoners.js";
import { describeError } from "./bot/middlewares/error-boundary.js";
import { createOutboxWorker, type OutboxWorker } from "./outbox/worker.js";
import { onOutboxEnqueued } from "./outbox/signal.js";
import { outboxHandlers } from "./workers/outbox-handlers.js";

/** Update types Lysty handles; anything else Telegram need not send. */
export const ALLOWED_UPDATES = [
  "message",
  "edited_message",
  "callback_query",
  "inline_query",
  "channel_post",
  "my_chat_member",
] as const;

export interface RunningApp {
  bot: Bot<BotContext>;
  outbox: OutboxWorker;
  i18n: I18n<FlowContext>;
  /** Resolves when polling has stopped (after `stop()` or a fatal polling error). */
  done: Promise<void>;
  stop(): Promise<void>;
}

export interface StartAppOptions {
  botInfo?: UserFromGetMe;
}

/**
 * Everything the process runs besides opening the database: the bot with its command lists and long polling.
 * `main.ts` and the end-to-end tests both start Lysty through here, so the tests exercise what production runs.
 */
export async function startApp(deps: BotDeps, options: StartAppOptions = {}): Promise<RunningApp> {
  // The shipped directory is upserted on every start; newer facts recorded by organisers are kept.
  await seedDirectory(deps.db, { now: deps.clock.now() });
  const { bot, i18n } = createBot(deps, options);
  await bot.init();
  await publishCommands(bot.api, i18n, deps.config.defaultLocale);

  // The outbox paces and retries by itself, so it gets a plain Api without the interactive auto-retry.
  const outbox = createOutboxWorker({
    db: deps.db,
    api: new Api(deps.config.botToken, { apiRoot: deps.config.telegramApiRoot }),
    logger: deps.logger.child({ worker: "outbox" }),
    handlers: outboxHandlers(deps.clock),
    clock: deps.clock,
  });
  const stopWaking = onOutboxEnqueued(() => outbox.wake());
  outbox.start();

  let resolveStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (resolveStarted = resolve));
  const done = bot
    .start({ allowed_updates: [...ALLOWED_UPDATES], onStart: () => resolveStarted() })
    .catch((error: unknown) => {
      deps.logger.fatal({ err: describeError(error) }, "polling stopped");
      throw error;
    });
  await Promise.race([started, done]);
  deps.logger.info({ bot_id: bot.botInfo.id }, "polling started");

  return {
    bot,
    outbox,
    i18n,
    done,
    async stop() {
      if (bot.isRunning()) await bot.stop();
      await done.catch(() => undefined);
      stopWaking();
      await outbox.stop();
    },
  };
}
