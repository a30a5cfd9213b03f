/** `perSecond` sustained, with up to `burst` sends at once after a quiet spell. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

/**
 * Token bucket in its GCRA form: per key one "theoretical arrival time" instead of a token count, so the earliest
 * allowed time of the next send is known without timers and the worker can sleep exactly that long. `null` limit
 * means unlimited. Keys also carry pauses ordered by Telegram's 429 `retry_after`.
 */
export class RateLimiter<K> {
  private interval: number;
  private tolerance: number;
  private readonly arrival = new Map<K, number>();
  private readonly pausedUntil = new Map<K, number>();

  constructor(limit: RateLimit | null) {
    this.interval = 0;
    this.tolerance = 0;
    this.retune(limit);
  }

  /** Changes the limit from the next send on (adaptive pacing); sends already taken keep their spacing. */
  retune(limit: RateLimit | null): void {
    this.interval = limit ? 1000 / limit.perSecond : 0;
    this.tolerance = limit ? (Math.max(1, limit.burst) - 1) * this.interval : 0;
  }

  /** Milliseconds between sends at the sustained rate; 0 when unlimited. */
  get intervalMs(): number {
    return this.interval;
  }

  /** The earliest time (ms) a send to `key` is allowed; `now` or earlier means now. */
  availableAt(key: K, now: number): number {
    const pause = this.pausedUntil.get(key) ?? 0;
    const arrival = this.arrival.get(key);
    const paced = arrival === undefined ? now : arrival - this.tolerance;
    return Math.max(pause, paced);
  }

  /** Records a send at `now`; call only once `availableAt` allows it. */
  take(key: K, now: number): void {
    if (this.interval === 0) return;
    const arrival = this.arrival.get(key) ?? now;
    this.arrival.set(key, Math.max(arrival, now) + this.interval);
  }

  pause(key: K, until: number): void {
    this.pausedUntil.set(key, Math.max(until, this.pausedUntil.get(key) ?? 0));
  }

  /** Forgets keys whose state says nothing any more, so a 100,000-chat broadcast does not keep 100,000 entries. */
  prune(now: number): void {
    for (const [key, arrival] of this.arrival) if (arrival <= now) this.arrival.delete(key);
    for (const [key, until] of this.pausedUntil) if (until <= now) this.pausedUntil.delete(key);
  }

  get size(): number {
    return this.arrival.size + this.pausedUntil.size;
  }
}
