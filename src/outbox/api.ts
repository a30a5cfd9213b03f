import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { Api, type ApiClientOptions } from "grammy";

const TELEGRAM = "https://api.telegram.org";

/**
 * The Api the outbox worker should send through: grammY's own client with a keep-alive agent that turns Nagle's
 * algorithm off. grammY's default agent leaves it on, and node-fetch writes a request's headers and body in two
 * writes, so a request can sit ~40 ms waiting for the server's delayed ACK. Harmless for a bot answering users;
 * for a paced broadcast it cost a third of the rate (0.63 → 0.99 of a 1,000/s limit, see docs/outbox.md).
 * No auto-retry here: the worker handles 429 and back-off itself.
 */
export function createOutboxApi(token: string, options: { apiRoot?: string } = {}): Api {
  const apiRoot = options.apiRoot ?? TELEGRAM;
  const agentOptions = { keepAlive: true, noDelay: true };
  const agent = apiRoot.startsWith("https:") ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
  const client: ApiClientOptions = { apiRoot, baseFetchConfig: { agent } };
  return new Api(token, client);
}
