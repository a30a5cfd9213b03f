import type { Bot } from "grammy";
import type { BotContext } from "./bot/context.js";
import type { Config } from "./config.js";
import type { Logger } from "./logger.js";
import type { AppMetrics } from "./metrics/metrics.js";
import { type Polling, startPolling } from "./polling.js";
import { type HttpServerOptions, startHttpServer } from "./server/http-server.js";
import type { SharedDeliveryLedger } from "./server/deliveries.js";
import type { UpdateHandler } from "./server/update-handler.js";
import { startWebhookMode } from "./server/webhook-mode.js";

/** Update types Lysty handles; anything else Telegram need not send. */
export const ALLOWED_UPDATES = [
  "message",
  "edited_message",
  "callback_query",
  "inline_query",
  "channel_post",
  "my_chat_member",
] as const;

/** How updates come in: long polling or the webhook server. */
export interface Intake {
  isRunning(): boolean;
  /** Resolves when it has stopped; rejects when polling hit an error it cannot go on after. */
  done: Promise<void>;
  /** Resolves once updates can come in: the first getUpdates sent (polling), the server listening (webhook). */
  accepting: Promise<void>;
  /** Stops taking updates and waits for those in flight. */
  stop(): Promise<void>;
  /** The HTTP server's port, if there is one. */
  port: number | undefined;
}

export interface IntakeDeps {
  config: Config;
  logger: Logger;
  metrics: AppMetrics;
  ready(): Promise<boolean>;
  /** The letter editor Mini App, served by the same HTTP server (polling mode: on PORT). */
  webapp?: HttpServerOptions["webapp"];
  /** Which instance handles which update, shared across instances (Postgres). */
  sharedDeliveries?: SharedDeliveryLedger;
}

export function startIntake(bot: Bot<BotContext>, handler: UpdateHandler, deps: IntakeDeps): Promise<Intake> {
  return deps.config.botMode === "webhook" ? webhookIntake(bot, handler, deps) : pollingIntake(bot, handler, deps);
}

async function webhookIntake(
  bot: Bot<BotContext>,
  handler: UpdateHandler,
  { config, logger, metrics, ready, webapp, sharedDeliveries }: IntakeDeps,
): Promise<Intake> {
  const webhook = await startWebhookMode(bot, handler, {
    url: config.webhookUrl ?? "",
    secret: config.webhookSecret ?? "",
    maxConnections: config.webhookMaxConnections,
    answerWithinMs: config.webhookAnswerTimeoutMs,
    allowedUpdates: ALLOWED_UPDATES,
    host: config.host,
    port: config.port,
    logger,
    ready,
    metrics,
    ...(webapp ? { webapp } : {}),
    ...(sharedDeliveries ? { sharedDeliveries } : {}),
  });
  let finished: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finished = resolve));
  return {
    isRunning: () => !webhook.draining(),
    done,
    accepting: Promise.resolve(),
    stop: () => webhook.stop().then(finished),
    port: webhook.server.port,
  };
}

async function pollingIntake(bot: Bot<BotContext>, handler: UpdateHandler, { config, logger, metrics, ready, webapp }: IntakeDeps): Promise<Intake> {
  // Polling needs no HTTP server; METRICS_PORT adds one for /metrics and the health checks, and the letter editor
  // (WEBAPP_URL) one on PORT, which then serves the health checks and /metrics too.
  let polling: Polling | undefined;
  const port = webapp ? config.port : config.metricsPort;
  const server =
    port === undefined
      ? undefined
      : await startHttpServer({
          host: config.host,
          port,
          logger,
          alive: () => polling?.isRunning() ?? false,
          ready,
          metrics,
          ...(webapp ? { webapp } : {}),
        });
  try {
    polling = await startPolling(bot, handler, logger, { allowedUpdates: ALLOWED_UPDATES });
  } catch (error) {
    await server?.close();
    throw error;
  }
  const started = polling;
  logger.info({ bot_id: bot.botInfo.id }, "polling started");
  return {
    isRunning: () => started.isRunning(),
    done: started.done,
    accepting: started.firstPoll,
    stop: async () => {
      await started.stop();
      await server?.close();
    },
    port: server?.port,
  };
}
