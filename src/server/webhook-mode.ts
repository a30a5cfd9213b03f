import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext } from "../bot/context.js";
import type { Logger } from "../logger.js";
import { type HttpServerOptions, type RunningHttpServer, startHttpServer } from "./http-server.js";
import type { SharedDeliveryLedger } from "./deliveries.js";
import type { UpdateHandler } from "./update-handler.js";
import { InFlight } from "./in-flight.js";
import { webhookHandler } from "./webhook.js";

export interface WebhookModeOptions {
  url: string;
  secret: string;
  maxConnections: number;
  allowedUpdates: ReadonlyArray<Exclude<keyof Update, "update_id">>;
  host: string;
  port: number;
  logger: Logger;
  ready: HttpServerOptions["ready"];
  metrics: HttpServerOptions["metrics"];
  webapp?: HttpServerOptions["webapp"];
  answerWithinMs: number;
  sharedDeliveries?: SharedDeliveryLedger;
}

export interface WebhookMode {
  readonly server: RunningHttpServer;
  /** True from the moment shutdown begins: new updates get 503 (Telegram retries them, maybe on another instance). */
  draining(): boolean;
  /** Stops accepting, lets every update in flight finish, closes the server. The webhook stays set for the others. */
  stop(): Promise<void>;
}

/**
 * Webhook mode: the HTTP server first (so Telegram's first delivery finds it), then setWebhook with the secret token
 * and the update types we handle. Any number of instances may run this behind one load balancer; each sets the same
 * webhook, and none deletes it on the way down.
 */
export async function startWebhookMode(bot: Bot<BotContext>, handler: UpdateHandler, options: WebhookModeOptions): Promise<WebhookMode> {
  let draining = false;
  const webhook = webhookHandler({
    secret: options.secret,
    handle: (update) => handler.handle(update),
    draining: () => draining,
    logger: options.logger,
    answerWithinMs: options.answerWithinMs,
    ...(options.sharedDeliveries ? { shared: options.sharedDeliveries } : {}),
  });
  // Webhook requests being answered: a shutdown lets each get its answer (200 once its update is handled).
  const requests = new InFlight();
  const server = await startHttpServer({
    host: options.host,
    port: options.port,
    logger: options.logger,
    alive: () => !draining,
    ready: async () => !draining && (await options.ready()),
    metrics: options.metrics,
    ...(options.webapp ? { webapp: options.webapp } : {}),
    webhook: {
      path: new URL(options.url).pathname,
      handler: (request, response) => requests.track(webhook(request, response)),
    },
  });
  try {
    await bot.api.setWebhook(options.url, {
      secret_token: options.secret,
      allowed_updates: [...options.allowedUpdates],
      max_connections: options.maxConnections,
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  options.logger.info({ port: server.port }, "webhook set; receiving updates");

  let stopping: Promise<void> | undefined;
  return {
    server,
    draining: () => draining,
    stop() {
      stopping ??= (async () => {
        draining = true;
        server.stopAccepting();
        await handler.inFlight.drain();
        await webhook.drain();
        await requests.drain();
        await server.close();
      })();
      return stopping;
    },
  };
}
