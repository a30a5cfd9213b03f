import type { RateLimit } from "./rate-limiter.js";

/** What a 429 tells about the rate: see `AdaptiveRate.refused`. */
export type Refusal = "stale" | "far" | "after-run";

export interface AdaptiveRateOptions {
  /** The configured limit: the rate never goes above it, and its burst applies until the first 429. */
  ceiling: RateLimit;
  /** Lowest rate a run of 429s can bring it to. Default 1/s (or the ceiling, if lower). */
  floorPerSecond?: number;
  /** Multiplicative decrease on a 429 after a run of accepted sends at the rate. Default 0.9. */
  decrease?: number;
}

/** A 429 after fewer accepted sends than this at the current rate says the rate is far too high: halve it. */
const QUICK_REFUSAL_SENDS = 3;
/**
 * No increase for this long after a decrease: Telegram's shortest retry_after. A second 429 from another chat within
 * it pauses every send until it ends (the worker reads it as the bot-wide limit), which costs a second of sends.
 */
const HOLD_AFTER_DECREASE_MS = 1_000;
/** Below this share of the refused rate the rate climbs back fast (a fifth of it per second)... */
const KNEE = 0.95;
/** ...above it, it probes slowly: this share of the refused rate per second. */
const PROBE_PER_SECOND = 0.003;
/** A rate counts as sustained once this many sends in a row were accepted at it, */
const SUSTAINED_SENDS = 20;
/** and is remembered for this long: a 429 below it is taken for jitter, not for a lower limit. */
const SUSTAINED_MEMORY_MS = 30_000;

/**
 * What the server accepts, learnt from its answers (AIMD, with the rate of the last 429 remembered as in TCP CUBIC).
 * Once Telegram has refused anything, sends go out one interval apart, never as a burst: a burst after a pause is
 * what the server refuses first.
 *
 * - A 429 counts once per round (refusals of sends made before the last decrease say nothing new). The first one, or
 *   one soon after the last change of rate, halves the rate; one after a run of accepted sends multiplies it by
 *   `decrease`.
 * - For a second after a decrease the rate stays put, so a second 429 does not pause every send for a second.
 * - Then it climbs back fast to 95 % of the rate refused, and probes past it by 0.3 % of it per second.
 * - The rate refused is never taken below a rate that was sustained (20 accepted in a row) in the last 30 s: under CPU
 *   starvation requests bunch up on the way and draw 429s well below the limit, and each would otherwise lower the
 *   level the rate climbs back to (it fell to 0.62 of a strict limit so).
 *
 * Pure: the caller passes its clock's time, so tests drive it with numbers.
 */
export class AdaptiveRate {
  private readonly ceiling: RateLimit;
  private readonly floor: number;
  private readonly decrease: number;
  private current: number;
  /** The rate at the last 429 that counted (or the sustained rate above it); undefined before the first one. */
  private refusedAt: number | undefined;
  private lastDecreaseAt = -Infinity;
  private acceptedSinceDecrease = 0;
  private acceptedInRow = 0;
  private sustained: { perSecond: number; at: number } | undefined;

  constructor(options: AdaptiveRateOptions) {
    this.ceiling = options.ceiling;
    this.floor = Math.min(options.floorPerSecond ?? 1, options.ceiling.perSecond);
    this.decrease = options.decrease ?? 0.9;
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

  /**
   * A send dispatched at `sentAt` was refused with 429 (answered at `now`). Says what the refusal tells: "stale" when
   * the send left before the last decrease (the rate it was refused at is already given up), "far" when it is the
   * first 429 or came before three sends were accepted at the rate (far too fast), otherwise "after-run": after a run
   * of accepted sends, the limit or jitter on the way (the rate alone cannot tell them apart; see ArrivalSpacing).
   */
  refused(sentAt: number, now: number): Refusal {
    if (sentAt < this.lastDecreaseAt) return "stale";
    const far = this.refusedAt === undefined || this.acceptedSinceDecrease < QUICK_REFUSAL_SENDS;
    const sustained = this.sustained && now - this.sustained.at < SUSTAINED_MEMORY_MS ? this.sustained.perSecond : 0;
    this.refusedAt = Math.max(this.current, sustained);
    this.current = Math.max(this.floor, this.current * (far ? 0.5 : this.decrease));
    this.lastDecreaseAt = now;
    this.acceptedSinceDecrease = 0;
    this.acceptedInRow = 0;
    return far ? "far" : "after-run";
  }

  /** A send was accepted (answered at `now`): after the hold, the rate grows (see the class comment). */
  accepted(now: number): void {
    this.acceptedSinceDecrease += 1;
    this.acceptedInRow += 1;
    if (this.acceptedInRow >= SUSTAINED_SENDS) this.noteSustained(now);
    if (now - this.lastDecreaseAt < HOLD_AFTER_DECREASE_MS) return;
    const refusedAt = this.refusedAt ?? this.ceiling.perSecond;
    const perSecond = this.current < refusedAt * KNEE ? 0.2 * refusedAt : PROBE_PER_SECOND * refusedAt;
    this.current = Math.min(this.ceiling.perSecond, this.current + perSecond / this.current);
  }

  private noteSustained(now: number): void {
    const previous = this.sustained;
    if (!previous || now - previous.at >= SUSTAINED_MEMORY_MS || this.current >= previous.perSecond) {
      this.sustained = { perSecond: this.current, at: now };
    }
  }
}
