/**
 * A polite HTTP client for one source: at most one request at a time, at least `delayMs` between requests
 * counted from the end of the previous answer, a User-Agent naming the project, explicit timeouts, and retries with back-off for 429, 5xx, timeouts and network
 * errors (Retry-After honoured). Node's fetch (undici) keeps connections alive between requests.
 */
export interface SourceResponse {
  status: number;
  text: string;
  headers: Headers;
  url: string;
}

export interface PoliteClientOptions {
  delayMs: number;
  timeoutMs: number;
  userAgent: string;
  retries?: number;
  /** First back-off; doubles on each retry. */
  backoffMs?: number;
  /** Largest body accepted (OVD-Info's full set is several MiB). */
  maxBytes?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  onRetry?: (info: { url: string; attempt: number; reason: string }) => void;
}

export class SourceUnavailableError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${url}: ${reason}`);
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class PoliteClient {
  /** When the previous answer was fully read: the delay counts from there, so the server never sees requests closer together. */
  private lastDone = Number.NEGATIVE_INFINITY;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly options: PoliteClientOptions) {
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
  }

  /** GET with politeness and retries; returns 2xx-4xx answers (callers decide what a 400 or 404 means). */
  get(url: string, accept = "application/json"): Promise<SourceResponse> {
    const run = this.queue.then(() => this.getWithRetries(url, accept));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async getWithRetries(url: string, accept: string): Promise<SourceResponse> {
    const retries = this.options.retries ?? 4;
    let backoff = Math.max(this.options.backoffMs ?? 1_000, 1);
    for (let attempt = 1; ; attempt += 1) {
      let reason: string;
      let retryAfterMs = 0;
      try {
        const response = await this.once(url, accept);
        if (response.status !== 429 && response.status < 500) return response;
        reason = `HTTP ${response.status}`;
        const retryAfter = Number(response.headers.get("retry-after"));
        if (Number.isFinite(retryAfter) && retryAfter > 0) retryAfterMs = Math.min(retryAfter * 1000, 600_000);
      } catch (error) {
        reason = (error as Error).name === "TimeoutError" ? "timeout" : `network error (${(error as Error).message})`;
      }
      if (attempt > retries) throw new SourceUnavailableError(url, `${reason} after ${attempt} attempts`);
      this.options.onRetry?.({ url, attempt, reason });
      await this.sleep(Math.max(backoff, retryAfterMs));
      backoff *= 2;
    }
  }

  private async once(url: string, accept: string): Promise<SourceResponse> {
    const wait = this.lastDone + this.options.delayMs - this.now();
    if (wait > 0) await this.sleep(wait);
    try {
      return await this.fetchOnce(url, accept);
    } finally {
      this.lastDone = this.now();
    }
  }

  private async fetchOnce(url: string, accept: string): Promise<SourceResponse> {
    const response = await fetch(url, {
      headers: { "user-agent": this.options.userAgent, accept },
      signal: AbortSignal.timeout(this.options.timeoutMs),
      redirect: "follow",
    });
    const declared = Number(response.headers.get("content-length"));
    const maxBytes = this.options.maxBytes ?? 64 * 1024 * 1024;
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel();
      throw new Error(`answer larger than ${maxBytes} bytes`);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > maxBytes) throw new Error(`answer larger than ${maxBytes} bytes`);
    // Sources are UTF-8; a wrong encoding shows up as U+FFFD and is rejected by the caller's parser checks.
    return { status: response.status, text: new TextDecoder("utf-8").decode(bytes), headers: response.headers, url: response.url };
  }
}
