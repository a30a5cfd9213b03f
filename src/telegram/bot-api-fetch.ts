import { type Agent, type IncomingMessage, request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { Readable } from "node:stream";
import { urlToHttpOptions } from "node:url";
import type { ApiClientOptions } from "grammy";
import { abortError, KeepAlivePool, type PlainResponse, tlsOptionsOf } from "./keep-alive-client.js";

/** What grammY's client passes to `fetch` (core/client.js): its JSON or multipart payload, our agent, its signal. */
interface BotApiRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Readable;
  agent?: Agent;
  signal?: AbortSignal | null;
}

/**
 * grammY's client `fetch` on Node's own sockets, for the two things grammY does with a response: `json()` (every call;
 * Telegram answers JSON whatever the status) and nothing else. grammY's default, node-fetch, builds a WHATWG Request
 * and Response around each call (URL parsing, header maps, an abort-controller shim, a body stream): under
 * `bench:load` it was 7–8 % of the bot's CPU, more than the webhook server (docs/production.md). A JSON call goes
 * through a keep-alive pool of plain sockets (keep-alive-client.ts: request line, headers and body in one write);
 * a multipart body (uploads) is piped through `http.request` on the agent. Errors are Node's own
 * (`read ECONNRESET`, `EPIPE`), which grammY wraps in an `HttpError` as before and retry-network-faults.ts recognises.
 * The URL is parsed once per bot (`endpointOf`) and the headers go to Node as a flat list: parsing every call's URL
 * was 1 % of the bot's CPU under `bench:load` (docs/production.md, "Issue 14, fourth round").
 */
export function botApiFetch(url: string, init: BotApiRequest = {}): Promise<BotApiResponse> {
  const body = init.body;
  if (body === undefined || typeof body === "string") return fetchPlain(url, init, body);
  return new Promise((resolve, reject) => {
    const { signal } = init;
    if (signal?.aborted) return reject(abortError(signal));
    const { endpoint, path } = endpointOf(url);
    // A flat list is written as given: Node then adds no Host header of its own, so it comes first.
    const headers: string[] = ["host", endpoint.host];
    for (const name in init.headers) headers.push(name, init.headers[name] as string);
    const request = endpoint.send({ ...endpoint.options, path, method: init.method ?? "GET", headers, ...(init.agent ? { agent: init.agent } : {}) });
    const onAbort = () => request.destroy(abortError(signal as AbortSignal));
    signal?.addEventListener("abort", onAbort, { once: true });
    const settle = () => signal?.removeEventListener("abort", onAbort);
    request.once("error", (error) => {
      settle();
      reject(error);
    });
    request.once("response", (response: IncomingMessage) => {
      const status = response.statusCode ?? 0;
      const text = readText(response).finally(settle);
      // The body is read at once (as node-fetch buffers it): a caller that never asks for it must not stall the socket.
      text.catch(() => undefined);
      resolve({ status, ok: status >= 200 && status < 300, json: async () => JSON.parse(await text) as unknown });
    });
    body.once("error", (error) => request.destroy(error)).pipe(request);
  });
}

interface BotApiResponse {
  status: number;
  ok: boolean;
  json(): Promise<unknown>;
}

/**
 * A JSON call (every call but an upload) over the endpoint's keep-alive pool (keep-alive-client.ts) instead of
 * `http.request`: the same request on the wire, half the client CPU. One pool per agent and endpoint, so the bot's
 * calls and the outbox's keep their own connections as they did with their own agents.
 */
function fetchPlain(url: string, init: BotApiRequest, body: string | undefined): Promise<BotApiResponse> {
  const { endpoint, path } = endpointOf(url);
  const headers: string[] = endpoint.authorization ? ["authorization", endpoint.authorization] : [];
  for (const name in init.headers) if (name.toLowerCase() !== "content-length") headers.push(name, init.headers[name] as string);
  return endpoint
    .poolFor(init.agent)
    .request({ method: init.method ?? "GET", path, headers, body, signal: init.signal })
    .then(toResponse);
}

function toResponse(answer: PlainResponse): BotApiResponse {
  return new PlainJsonResponse(answer.status, answer.text);
}

/** A class rather than an object literal with a closure: one fewer function made (and named) per call. */
class PlainJsonResponse implements BotApiResponse {
  readonly ok: boolean;
  constructor(
    readonly status: number,
    private readonly text: string,
  ) {
    this.ok = status >= 200 && status < 300;
  }

  json(): Promise<unknown> {
    try {
      return Promise.resolve(JSON.parse(this.text) as unknown);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }
}

/** Where the calls of one bot go: `${apiRoot}/bot${token}/` (or `…/test/`), parsed once. */
interface Endpoint {
  send: typeof httpRequest;
  options: { protocol: string; hostname: string; port?: number | string; auth?: string };
  /** The Host header: host and port as the URL has them. */
  host: string;
  /** The URL's path up to the method, normalised as `new URL` does. */
  basePath: string;
  /** `Basic …` when the API root carries a user and password, as `http.request` sends it. */
  authorization: string | undefined;
  /** The keep-alive pool of JSON calls made with `agent` (or without one). */
  poolFor(agent: Agent | undefined): KeepAlivePool;
}

const endpoints = new Map<string, Endpoint>();
/** One or two bots (the bot, a test environment) per process; the bound only guards against a caller with many. */
const MOST_ENDPOINTS = 16;

/** The endpoint of everything before a Bot API URL's last `/` (the method name follows it, as grammY builds it). */
function endpointOf(url: string): { endpoint: Endpoint; path: string } {
  const cut = url.lastIndexOf("/") + 1;
  const base = url.slice(0, cut);
  let endpoint = endpoints.get(base);
  if (!endpoint) {
    const parsed = new URL(base);
    const { protocol, hostname, port, path, auth } = urlToHttpOptions(parsed);
    const target = { protocol: protocol as string, hostname: hostname as string, port: Number(port || (protocol === "https:" ? 443 : 80)), host: parsed.host };
    const pools = new WeakMap<Agent, KeepAlivePool>();
    let agentless: KeepAlivePool | undefined;
    endpoint = {
      send: protocol === "https:" ? httpsRequest : httpRequest,
      options: { protocol: protocol as string, hostname: hostname as string, ...(port === undefined || port === null || port === "" ? {} : { port }), ...(auth ? { auth } : {}) },
      host: parsed.host,
      basePath: path as string,
      authorization: auth ? `Basic ${Buffer.from(auth).toString("base64")}` : undefined,
      poolFor(agent) {
        if (!agent) return (agentless ??= new KeepAlivePool(target));
        let pool = pools.get(agent);
        if (!pool) pools.set(agent, (pool = new KeepAlivePool(target, tlsOptionsOf(agent))));
        return pool;
      },
    };
    if (endpoints.size >= MOST_ENDPOINTS) endpoints.clear();
    endpoints.set(base, endpoint);
  }
  return { endpoint, path: endpoint.basePath + url.slice(cut) };
}

function readText(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on("data", (chunk: Buffer) => chunks.push(chunk));
    response.once("end", () => resolve(chunks.length === 1 ? (chunks[0] as Buffer).toString("utf8") : Buffer.concat(chunks).toString("utf8")));
    response.once("error", reject);
    response.once("close", () => {
      if (!response.complete) reject(new Error("the connection closed before the response ended"));
    });
  });
}


/** For grammY's `client.fetch`: its type is node-fetch's, of which grammY uses the call and `json()` only. */
export const botApiClientFetch = botApiFetch as unknown as NonNullable<ApiClientOptions["fetch"]>;
