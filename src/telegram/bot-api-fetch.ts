import type { Agent } from "node:http";
import type { Readable } from "node:stream";
import type { ConnectionOptions } from "node:tls";
import type { ApiClientOptions } from "grammy";
import { type Dispatcher, Pool } from "undici";

/** What grammY's client passes to `fetch` (core/client.js): its JSON or multipart payload, our agent, its signal. */
interface BotApiRequest {
  method?: string;
  headers?: Record<string, string>;
  /** JSON as a string; an upload as one buffer (files in memory: patches/grammy+1.46.0.patch) or a stream. */
  body?: string | Uint8Array | Readable;
  agent?: Agent;
  signal?: AbortSignal | null;
}

interface BotApiResponse {
  status: number;
  ok: boolean;
  json(): Promise<unknown>;
}

/**
 * grammY's client `fetch` on undici's `Pool`, for the one thing grammY does with a response: `json()` (Telegram answers
 * JSON whatever the status). grammY's default, node-fetch, builds a WHATWG Request and Response around each call on
 * `http.request`: under `bench:load` that was 7–8 % of the bot's CPU, and `http.request` alone about half of a call's
 * client CPU (docs/production.md, "Issue 14, seventh round (z22c)"). undici writes the request line, headers and a
 * string body in one write and parses the answer with llhttp; a multipart body (uploads) goes with its length when
 * grammY built it in one buffer (every file in memory), else it is streamed from grammY's Readable, chunked as
 * `http.request` sent it. The answer is gathered by a handler of undici's `dispatch` rather than `request()`'s body
 * stream: a fifth less client CPU per call (`npm run bench:bot-api-client`). One pool per agent and API root, so the
 * bot's calls and the outbox's keep their own connections as they did with their own agents; the agent lends its TLS
 * settings (tests trust their own CA). Errors are undici's (`UND_ERR_SOCKET` "other side closed") or the sockets' own
 * (`connect ECONNREFUSED`, `read ECONNRESET`): grammY wraps them in an `HttpError` and retry-network-faults.ts
 * recognises them.
 */
export function botApiFetch(url: string, init: BotApiRequest = {}): Promise<BotApiResponse> {
  return new Promise((resolve, reject) => {
    const { signal } = init;
    if (signal?.aborted) return reject(abortError(signal));
    const { endpoint, path } = endpointOf(url);
    const headers = endpoint.authorization ? { ...init.headers, authorization: endpoint.authorization } : init.headers;
    const answer = new Answer(signal, resolve, reject);
    // The answer is the listener (`handleEvent`): no closure per call.
    signal?.addEventListener("abort", answer, { once: true });
    endpoint.poolFor(init.agent).dispatch({ method: (init.method ?? "GET") as "GET", path, headers, body: init.body }, answer);
  });
}

/** One call's answer as undici hands it over: its status, then its body in chunks, then its end (or an error). */
class Answer implements Dispatcher.DispatchHandler {
  private status = 0;
  private readonly chunks: Buffer[] = [];
  private controller: Dispatcher.DispatchController | undefined;
  private done = false;

  constructor(
    private readonly signal: AbortSignal | null | undefined,
    private readonly resolve: (response: BotApiResponse) => void,
    private readonly reject: (error: Error) => void,
  ) {}

  /** The call's signal aborted: the call fails now, and undici drops the request (and its connection) if it started. */
  handleEvent(): void {
    const error = abortError(this.signal as AbortSignal);
    this.controller?.abort(error);
    this.fail(error);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    if (this.done) controller.abort(abortError(this.signal as AbortSignal));
    else this.controller = controller;
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number): void {
    this.status = statusCode;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.done) return;
    this.done = true;
    this.signal?.removeEventListener("abort", this);
    const chunks = this.chunks;
    const text = chunks.length === 1 ? (chunks[0] as Buffer).toString("utf8") : Buffer.concat(chunks).toString("utf8");
    this.resolve(new PlainJsonResponse(this.status, text));
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.fail(error);
  }

  private fail(error: Error): void {
    if (this.done) return;
    this.done = true;
    this.signal?.removeEventListener("abort", this);
    this.reject(error);
  }
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const error = new Error("The operation was aborted");
  error.name = "AbortError";
  return error;
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

  /**
   * A 5xx whose body is not JSON is a gateway's page in front of the Bot API (nginx's "502 Bad Gateway" during
   * Telegram's outages), not an answer of the Bot API: it reads as the Bot API's own error with that status, so
   * auto-retry retries it as it retries a 5xx, instead of a parse error nobody retries (a lost reply). Any other body
   * that is not JSON stays an error: another attempt would get the same.
   */
  json(): Promise<unknown> {
    try {
      return Promise.resolve(JSON.parse(this.text) as unknown);
    } catch (error) {
      if (this.status >= 500) return Promise.resolve({ ok: false, error_code: this.status, description: `HTTP ${this.status}: the answer was not the Bot API's JSON` });
      return Promise.reject(error as Error);
    }
  }
}

/** Where the calls of one bot go: `${apiRoot}/bot${token}/` (or `…/test/`), parsed once. */
interface Endpoint {
  /** The URL's path up to the method, normalised as `new URL` does. */
  basePath: string;
  /** `Basic …` when the API root carries a user and password, as `http.request` sent it. */
  authorization: string | undefined;
  /** The keep-alive pool of the calls made with `agent` (or without one). */
  poolFor(agent: Agent | undefined): Pool;
}

const endpoints = new Map<string, Endpoint>();
/** One or two bots (the bot, a test environment) per process; the bound only guards against a caller with many. */
const MOST_ENDPOINTS = 16;

/**
 * grammY's own timeout (`timeoutSeconds`, through the signal) is the only one, as with `http.request`: undici's
 * 300-second header and body timeouts would cut a long upload or a long poll on their own terms.
 */
const POOL_OPTIONS = { headersTimeout: 0, bodyTimeout: 0 };

/** The endpoint of everything before a Bot API URL's last `/` (the method name follows it, as grammY builds it). */
function endpointOf(url: string): { endpoint: Endpoint; path: string } {
  const cut = url.lastIndexOf("/") + 1;
  const base = url.slice(0, cut);
  let endpoint = endpoints.get(base);
  if (!endpoint) {
    const parsed = new URL(base);
    const auth = parsed.username || parsed.password ? `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}` : "";
    const origin = parsed.origin;
    const pools = new WeakMap<Agent, Pool>();
    let agentless: Pool | undefined;
    endpoint = {
      basePath: parsed.pathname,
      authorization: auth ? `Basic ${Buffer.from(auth).toString("base64")}` : undefined,
      poolFor(agent) {
        if (!agent) return (agentless ??= new Pool(origin, POOL_OPTIONS));
        let pool = pools.get(agent);
        if (!pool) pools.set(agent, (pool = new Pool(origin, { ...POOL_OPTIONS, connect: tlsOptionsOf(agent) })));
        return pool;
      },
    };
    if (endpoints.size >= MOST_ENDPOINTS) endpoints.clear();
    endpoints.set(base, endpoint);
  }
  return { endpoint, path: endpoint.basePath + url.slice(cut) };
}

/** The TLS settings of an `https.Agent`'s options that undici's connector should keep. */
const TLS_OPTIONS = ["ca", "cert", "key", "pfx", "passphrase", "rejectUnauthorized", "checkServerIdentity", "minVersion", "maxVersion", "ciphers", "servername"] as const;

export function tlsOptionsOf(agent: unknown): ConnectionOptions {
  const options = (agent as { options?: Record<string, unknown> } | undefined)?.options;
  const picked: Record<string, unknown> = {};
  if (options) for (const name of TLS_OPTIONS) if (options[name] !== undefined) picked[name] = options[name];
  return picked as ConnectionOptions;
}

/** For grammY's `client.fetch`: its type is node-fetch's, of which grammY uses the call and `json()` only. */
export const botApiClientFetch = botApiFetch as unknown as NonNullable<ApiClientOptions["fetch"]>;
