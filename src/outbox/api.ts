import { Api, type ApiClientOptions } from "grammy";
import { botApiClientFetch } from "../telegram/bot-api-fetch.js";
import { createTelegramAgent } from "../telegram/http-agent.js";

const TELEGRAM = "https://api.telegram.org";

/**
 * The Api the outbox worker should send through: grammY's own client with a keep-alive agent that turns Nagle's
 * algorithm off (`createTelegramAgent`; for a paced broadcast Nagle cost a third of the rate, 0.63 → 0.99 of a
 * 1,000/s limit, see docs/outbox.md), through `botApiClientFetch` (node:http without node-fetch's layer).
 * No auto-retry here: the worker handles 429 and back-off itself.
 */
export function createOutboxApi(token: string, options: { apiRoot?: string } = {}): Api {
  const apiRoot = options.apiRoot ?? TELEGRAM;
  const client: ApiClientOptions = { apiRoot, baseFetchConfig: { agent: createTelegramAgent(apiRoot) }, fetch: botApiClientFetch };
  return new Api(token, client);
}
