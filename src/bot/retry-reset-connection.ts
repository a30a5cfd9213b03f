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

/**
 * grammY keeps connections to the Bot API alive. While long polling holds one connection, replies go over others
 * that may sit idle long enough for the server to close them; a request written to such a socket fails at once with
 * ECONNRESET, before the server read it. That one case is retried once, at once, on a fresh connection. Every other
 * network error is left to auto-retry's bounded policy (which rethrows them for interactive replies).
 */
export function retryResetConnection(): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      return await prev(method, payload, signal);
    } catch (error) {
      if (error instanceof HttpError && isStaleSocket(error.error) && !signal?.aborted) return prev(method, payload, signal);
      throw error;
    }
  };
}
