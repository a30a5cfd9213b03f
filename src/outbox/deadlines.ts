import { setMaxListeners } from "node:events";

/** Sends started within this long of each other share one timeout signal. */
const BUCKET_MS = 1000;

/**
 * Timeout signals for sends. One `AbortSignal.timeout` per call keeps a signal and a timer alive for the whole
 * timeout: at thousands of sends a second that is hundreds of thousands of live objects. Sharing one per second of
 * start times keeps a few dozen; a send then times out between `timeoutMs` and `timeoutMs` + 1 s, well inside the
 * lease margin.
 */
export class SendDeadlines {
  private current: { startedAt: number; signal: AbortSignal } | undefined;

  constructor(private readonly timeoutMs: number) {}

  signal(): AbortSignal {
    const now = performance.now();
    if (!this.current || now - this.current.startedAt >= BUCKET_MS) {
      const signal = AbortSignal.timeout(this.timeoutMs + BUCKET_MS);
      // grammY adds one abort listener per call in flight; many calls share this signal by design.
      setMaxListeners(0, signal);
      this.current = { startedAt: now, signal };
    }
    return this.current.signal;
  }
}
