import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";

/**
 * A keep-alive agent for calls to the Bot API with Nagle's algorithm off. grammY's default agent leaves it on, and
 * node-fetch writes a request's headers and body in two writes, so a request can sit ~40 ms waiting for the
 * server's delayed ACK: for the outbox's paced broadcast that cost a third of the rate (docs/outbox.md), for the
 * bot's own replies it held every update's answer back (docs/production.md, "Measured"). With `botApiClientFetch`
 * (undici, whose sockets are keep-alive with Nagle off by default) the agent opens no sockets itself: it names the
 * connection pool a caller's calls share (the bot's, the outbox's) and lends its TLS options to it.
 */
export function createTelegramAgent(apiRoot: string): HttpAgent {
  const options = { keepAlive: true, noDelay: true };
  return apiRoot.startsWith("https:") ? new HttpsAgent(options) : new HttpAgent(options);
}
