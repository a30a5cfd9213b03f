import type { RateLimit } from "./rate-limiter.js";

export interface AdaptiveRateOptions {
  /** The configured limit: the rate never goes above it, and its burst applies until the first 429. */
  ceiling: RateLimit;
  /** Lowest rate a run of 429s can bring it to. Default 1/s (or the ceiling, if lower). */
  floorPerSecond?: number;
  /** Multiplicative decrease on a 429. Default 0.8. */
  decrease?: number;
}

/**
 * What the server accepts, learnt from its answers (AIMD, with the rate of the last 429 remembered as in TCP CUBIC):
 * the first 429 halves the rate, each later one multiplies it by `decrease`, once per round (refusals of sends made before the last decrease say
 * nothing new); each accepted send adds to it, quickly back up to just under the rate that was refused, then slowly
 * past it to find out whether the server accepts more again. Once Telegram has refused anything, sends go out one
 * interval apart, never as a burst: a burst after a pause is what the server refuses first.
 *
 * Pure: the caller passes its clock's time, so tests drive it with numbers.
 */
export class AdaptiveRate {
  private readonly ceiling: RateLimit;
  private readonly floor: number;
  private readonly decrease: number;
  private current: number;
  /** The rate at the last 429 that counted; undefined before the first one. */
  private refusedAt: number | undefined;
  private lastDecreaseAt = -Infinity;

  constructor(options: AdaptiveRateOptions) {
    this.ceiling = options.ceiling;
    this.floor = Math.min(options.floorPerSecond ?? 1, options.ceiling.perSecond);
    this.decrease = options.decrease ?? 0.8;
    if (!(this.decrease > 0 && this.decrease < 1)) throw new Error("adaptive rate: decrease must be between 0 and 1");
    this.current = options.ceiling.perSecond;
  }

  /** The limit to pace the next send by. */
  get limit(): RateLimit {
    return { perSecond: this.current, burst: this.refusedAt === undefined ? this.ceiling.burst : 1 };
  }

  /** True once a 429 has been seen and the rate is below the configured one. */
  get adapted(): boolean {
    return this.current < this.ceiling.perSecond;
  }

  /** A send dispatched at `sentAt` was refused with 429. */
  refused(sentAt: number, now: number): void {
    if (sentAt < this.lastDecreaseAt) return;
    // The first refusal says the configured rate is well above what is accepted: halve, as TCP leaving slow start.
    const factor = this.refusedAt === undefined ? 0.5 : this.decrease;
    this.refusedAt = this.current;
    this.current = Math.max(this.floor, this.current * factor);
    this.lastDecreaseAt = now;
  }

  /** A send was accepted: the rate grows by a share of the last refused rate per second of sending. */
  accepted(): void {
    const refusedAt = this.refusedAt ?? this.ceiling.perSecond;
    // Back to 95 % of the refused rate within about a second, then 1 % of it per second beyond.
    const knee = refusedAt * 0.95;
    const perSecond = this.current < knee ? 0.2 * refusedAt : 0.01 * refusedAt;
    this.current = Math.min(this.ceiling.perSecond, this.current + perSecond / this.current);
  }
}
