import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.js";
import { BodyTooLargeError, readBody } from "./read-body.js";
import { Deliveries, type DeliveryOutcome, type SharedDeliveryLedger } from "./deliveries.js";

export interface WebhookOptions {
  secret: string;
  /** Handles an update to the end; never rejects. */
  handle(update: Update): Promise<void>;
  /** True once shutdown began: updates are refused with 503 so Telegram delivers them again later. */
  draining(): boolean;
  logger: Logger;
  /**
   * An update not handled within this is answered 503 while its handling goes on: Telegram delivers it again, and
   * that delivery is answered once the handling has finished (see deliveries.ts). Default 10 s.
   */
  answerWithinMs?: number;
  maxBodyBytes?: number;
  /** Which instance handles which update, when several share a database (Postgres). */
  shared?: SharedDeliveryLedger;
}

/** Telegram's updates are a few kilobytes; a megabyte leaves room for long texts and many entities. */
const MAX_BODY_BYTES = 1 << 20;
/** grammY's webhookCallback answers within 10 s too. */
const ANSWER_WITHIN_MS = 10_000;

/**
 * What grammY's `webhookCallback(bot, "http", { secretToken })` does (it too answers an error when handling outlives
 * its 10 s, so that Telegram delivers the update again), plus what several instances behind a load balancer need: a
 * constant-time secret check, a body size cap, 503 during shutdown, and each update handled once and never lost:
 * a delivery of an update again joins its handling if it is still running and is answered 200 if it is done.
 */
export function webhookHandler(options: WebhookOptions) {
  const expected = Buffer.from(options.secret);
  const deliveries = new Deliveries({
    handle: options.handle,
    answerWithinMs: options.answerWithinMs ?? ANSWER_WITHIN_MS,
    logger: options.logger,
    ...(options.shared ? { shared: options.shared } : {}),
  });
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
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
    const outcome = await deliveries.deliver(update);
    if (outcome !== "handled") options.logger.info({ update_id: update.update_id }, OUTCOME_LOG[outcome]);
    if (outcome === "handled" || outcome === "duplicate") return reply(response, 200, "");
    return reply(response, 503, outcome === "late" ? "still handling" : "handled elsewhere");
  };
  // Shutdown waits for updates answered late too, so that their completion is recorded.
  return Object.assign(handle, { drain: () => deliveries.drain() });
}

const OUTCOME_LOG: Record<Exclude<DeliveryOutcome, "handled">, string> = {
  duplicate: "webhook update delivered again; already handled",
  late: "webhook update not handled within the answer time; answered 503 so Telegram delivers it again",
  busy: "webhook update being handled by another instance; answered 503 so Telegram delivers it again",
};

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
