import { HttpError, type Transformer } from "grammy";

/**
 * The signatures of a request written to a keep-alive socket the server had already closed: the write fails (EPIPE)
 * or the read gets a reset. "socket hang up" (the server closed after reading the request) is not among them.
 */
function isStaleSocket(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (code === "EPIPE" || /\b(read ECONNRESET|write EPIPE)\b/.test(current.message)) return true;
    current = (current as { cause?: unknown }).cause;
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
 * Retries the bot's own Bot API calls after a network fault (grammY's `HttpError`: a refused or reset connection,
 * a connection dropped without an answer, a timeout), a bounded number of times. auto-retry handles 429 and 5xx
 * answers; its own retry of network errors waits 3 s, then doubles without end, so it is switched off
 * (`rethrowHttpErrors`) and this transformer takes that case.
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
        if (!(error instanceof HttpError) || signal?.aborted || retry >= delays.length) throw error;
        // grammY types the signal with the abort-controller shim; the platform's AbortSignal is what it gets.
        if (!(retry === 0 && isStaleSocket(error.error))) await sleep(delays[retry] ?? 0, signal as AbortSignal | undefined);
      }
    }
  };
}
