import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.js";
import { BodyTooLargeError, readBody } from "./read-body.js";
import { RecentIds } from "./recent-ids.js";

export interface WebhookOptions {
  secret: string;
  /** Handles an update to the end; never rejects. */
  handle(update: Update): Promise<void>;
  /** True once shutdown began: updates are refused with 503 so Telegram delivers them again later. */
  draining(): boolean;
  logger: Logger;
  /** Telegram gets its 200 after this even if handling goes on (it would otherwise deliver the update again). */
  answerWithinMs?: number;
  maxBodyBytes?: number;
  /**
   * Asked after this instance's own memory: false when another instance already took the update in (Postgres). When
   * it cannot answer (the database is away) the update is handled: a rare second handling beats a lost update.
   */
  firstDelivery?: (updateId: number) => Promise<boolean>;
}

/** Telegram's updates are a few kilobytes; a megabyte leaves room for long texts and many entities. */
const MAX_BODY_BYTES = 1 << 20;
/** grammY's webhookCallback answers within 10 s too. */
const ANSWER_WITHIN_MS = 10_000;

/**
 * What grammY's `webhookCallback(bot, "http", { secretToken })` does, plus what several instances behind a load
 * balancer need: a constant-time secret check, a body size cap, 503 during shutdown, no second handling of an update
 * Telegram delivers again, and handling that continues after a slow update was answered.
 */
export function webhookHandler(options: WebhookOptions) {
  const expected = Buffer.from(options.secret);
  const recent = new RecentIds();
  const answerWithinMs = options.answerWithinMs ?? ANSWER_WITHIN_MS;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;

  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== "POST") return reply(response, 405, "method not allowed", { allow: "POST" });
    const given = Buffer.from(String(request.headers["x-telegram-bot-api-secret-token"] ?? ""));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      options.logger.warn({ remote: request.socket.remoteAddress }, "webhook request without the secret token refused");
      return reply(response, 401, "unauthorized");
    }
    if (options.draining()) return reply(response, 503, "shutting down", { "retry-after": "5", connection: "close" });

    let update: Update;
    try {
      update = parseUpdate(await readBody(request, maxBodyBytes));
    } catch (error) {
      if (error instanceof BodyTooLargeError) return reply(response, 413, "payload too large", { connection: "close" });
      return reply(response, 400, "bad request");
    }
    if (!recent.add(update.update_id) || !(await isFirstDelivery(options, update.update_id))) {
      options.logger.info({ update_id: update.update_id }, "webhook update delivered again; already handled");
      return reply(response, 200, "");
    }
    const handling = options.handle(update);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, answerWithinMs)));
    await Promise.race([handling, late]);
    clearTimeout(timer);
    reply(response, 200, "");
  };
}

function parseUpdate(body: Buffer): Update {
  const value: unknown = JSON.parse(body.toString("utf8"));
  if (typeof value !== "object" || value === null || !Number.isSafeInteger((value as { update_id?: unknown }).update_id)) {
    throw new Error("not an update");
  }
  return value as Update;
}

export function reply(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  if (response.headersSent) return;
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
  response.end(body);
}

async function isFirstDelivery(options: WebhookOptions, updateId: number): Promise<boolean> {
  if (!options.firstDelivery) return true;
  try {
    return await options.firstDelivery(updateId);
  } catch (error) {
    options.logger.warn({ update_id: updateId, err: error instanceof Error ? error.message : String(error) }, "could not check the update id in the database; handling it");
    return true;
  }
}
