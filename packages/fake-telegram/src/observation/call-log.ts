import type { Params } from "../params.js";

export interface RecordedCall {
  /** Canonical method name, e.g. `sendMessage`, whatever case the client used. */
  readonly method: string;
  readonly params: Params;
  readonly ok: boolean;
  readonly result?: unknown;
  readonly errorCode?: number;
  readonly description?: string;
  /** Set when an injected fault decided the outcome. */
  readonly fault?: string;
  /** Epoch milliseconds when the request arrived. */
  readonly at: number;
  readonly durationMs: number;
}

export type CallListener = (call: RecordedCall) => void;

interface Waiter {
  readonly predicate: (call: RecordedCall) => boolean;
  readonly resolve: (call: RecordedCall) => void;
}

export interface CallStats {
  readonly total: number;
  readonly byMethod: Readonly<Record<string, number>>;
  readonly byErrorCode: Readonly<Record<number, number>>;
}

/**
 * Every Bot API request the fake answered. Waiters and listeners see each call once, when it happens, so waiting
 * costs nothing per stored call even after 100,000 requests.
 */
export class CallLog {
  private readonly stored: RecordedCall[] = [];
  private readonly listeners = new Set<CallListener>();
  private readonly waiters = new Set<Waiter>();
  private total = 0;
  private readonly byMethod: Record<string, number> = {};
  private readonly byErrorCode: Record<number, number> = {};

  constructor(private readonly keepCalls: boolean) {}

  get calls(): readonly RecordedCall[] {
    return this.stored;
  }

  /**
   * Whether anything looks at whole calls: the kept record, a listener or a waiter. When nothing does (a benchmark's
   * `recordCalls: false`), the server only `count`s each call and builds no record.
   */
  get observed(): boolean {
    return this.keepCalls || this.listeners.size > 0 || this.waiters.size > 0;
  }

  /** A call nobody observes: the counters of `stats()` only. */
  count(method: string, errorCode: number | undefined): void {
    this.total += 1;
    this.byMethod[method] = (this.byMethod[method] ?? 0) + 1;
    if (errorCode !== undefined) this.byErrorCode[errorCode] = (this.byErrorCode[errorCode] ?? 0) + 1;
  }

  record(call: RecordedCall): void {
    this.count(call.method, call.errorCode);
    if (this.keepCalls) this.stored.push(call);
    for (const waiter of this.waiters) {
      if (!waiter.predicate(call)) continue;
      this.waiters.delete(waiter);
      waiter.resolve(call);
    }
    for (const listener of this.listeners) listener(call);
  }

  on(listener: CallListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with the first call from now on that satisfies the predicate. */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs: number): Promise<RecordedCall> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`fake-telegram: no matching Bot API call within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        predicate,
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      };
      this.waiters.add(waiter);
    });
  }

  stats(): CallStats {
    return { total: this.total, byMethod: { ...this.byMethod }, byErrorCode: { ...this.byErrorCode } };
  }
}
