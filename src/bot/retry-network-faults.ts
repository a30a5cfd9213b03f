import { HttpError, type Transformer } from "grammy";

/** The causes chained under grammY's `HttpError`, outermost first (a few levels: undici nests its own). */
function* causesOf(error: unknown): Generator<Error> {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}

const codeOf = (error: Error): unknown => (error as { code?: unknown }).code;

/**
 * The signatures of a request written to a keep-alive socket the server had already closed: the write fails (EPIPE)
 * or the read gets a reset. undici's "other side closed" (`UND_ERR_SOCKET`) is not among them: it is also what a
 * server that closed after reading the request, or mid-answer, looks like.
 */
function isStaleSocket(error: unknown): boolean {
  for (const cause of causesOf(error)) if (codeOf(cause) === "EPIPE" || /\b(read ECONNRESET|write EPIPE)\b/.test(cause.message)) return true;
  return false;
}

/**
 * The faults of the network between the bot and Telegram, as the Bot API client (undici, src/telegram/bot-api-fetch.ts)
 * and the sockets under it report them: a reset or refused connection, a connection closed before or during the
 * answer (`UND_ERR_SOCKET`), a connect or read that timed out, an unreachable network, a DNS lookup to try again.
 */
const NETWORK_FAULT_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

/** grammY's own timeout (`timeoutSeconds`): a plain Error, core/client.js's `createTimeout`. */
const GRAMMY_TIMEOUT = /^Request to '[^']+' timed out after \d+ seconds$/;

/**
 * A network fault worth another attempt. Not one: an answer that is not HTTP or not JSON, a request undici refused to
 * send (a bad header), an abort: the same request would fail the same way.
 */
export function isNetworkFault(error: unknown): boolean {
  for (const cause of causesOf(error)) {
    const code = codeOf(cause);
    if ((typeof code === "string" && NETWORK_FAULT_CODES.has(code)) || GRAMMY_TIMEOUT.test(cause.message)) return true;
  }
  return false;
}

export interface NetworkRetryOptions {
  /** Waits before the 2nd, 3rd, … attempt after a network error; their count bounds the retries. */
  delaysMs?: readonly number[];
  /** Injected in tests; waits `ms` or rejects when `signal` aborts. */
  sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

/** Up to ~3.5 s in all: a person waiting for a reply gets it late rather than never, and never minutes later. */
export const INTERACTIVE_NETWORK_RETRY_DELAYS_MS: readonly number[] = [100, 400, 1_000, 2_000];

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error("Request aborted while waiting to retry"));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error("Request aborted while waiting to retry"));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Retries the bot's own Bot API calls after a network fault (grammY's `HttpError` around one of `isNetworkFault`'s: a
 * refused or reset connection, a connection closed before or during the answer, a timeout), a bounded number of times;
 * any other `HttpError` (an answer that is not JSON, a request undici would not send) is thrown at once. auto-retry
 * handles 429 and 5xx answers (a gateway's 5xx page that is not JSON reaches it as a 5xx: src/telegram/bot-api-fetch.ts);
 * its own retry of network errors waits 3 s, then doubles without end, so it is switched off (`rethrowHttpErrors`) and
 * this transformer takes that case.
 *
 * A request written to a keep-alive socket the server had already closed never reached it: that case is retried at
 * once. Every other fault is retried after a short pause. Delivery is at least once: a connection dropped after
 * Telegram read the request may have taken effect, and a reply can then arrive twice — chosen over a reply lost for
 * good, which leaves a writer at a step whose button never answered. What must never happen twice (relays to the
 * organisers, news) goes through the outbox, which records each send and has its own policy.
 */
export function retryNetworkFaults(options: NetworkRetryOptions = {}): Transformer {
  const delays = options.delaysMs ?? INTERACTIVE_NETWORK_RETRY_DELAYS_MS;
  const sleep = options.sleep ?? pause;
  return async (prev, method, payload, signal) => {
    for (let retry = 0; ; retry++) {
      try {
        return await prev(method, payload, signal);
      } catch (error) {
        if (!(error instanceof HttpError) || signal?.aborted || retry >= delays.length || !isNetworkFault(error.error)) throw error;
        // grammY types the signal with the abort-controller shim; the platform's AbortSignal is what it gets.
        if (!(retry === 0 && isStaleSocket(error.error))) await sleep(delays[retry] ?? 0, signal as AbortSignal | undefined);
      }
    }
  };
}
