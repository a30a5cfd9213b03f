export interface BucketSpec {
  /** Sustained rate. */
  readonly perSecond: number;
  /** How many calls may go through at once after a quiet period. */
  readonly burst: number;
}

export interface RateLimits {
  /** Every send method, all chats together. */
  readonly global?: BucketSpec;
  /** Each chat on its own. */
  readonly perChat?: BucketSpec;
  /** Each group, supergroup or channel on its own, on top of perChat. */
  readonly perGroup?: BucketSpec;
}

/**
 * The limits from Telegram's Bots FAQ (about 30 messages/s overall, 1/s per chat, 20/min per group). Telegram does
 * not publish exact numbers or burst sizes; the bursts here are this fake's choice.
 */
export const TELEGRAM_LIKE_LIMITS: RateLimits = {
  global: { perSecond: 30, burst: 30 },
  perChat: { perSecond: 1, burst: 3 },
  perGroup: { perSecond: 20 / 60, burst: 20 },
};

class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly spec: BucketSpec,
    now: number,
  ) {
    this.tokens = spec.burst;
    this.updatedAt = now;
  }

  /** Seconds until one token is available; 0 when one is available now. */
  wait(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : (1 - this.tokens) / this.spec.perSecond;
  }

  take(): void {
    this.tokens -= 1;
  }

  private refill(now: number): void {
    const elapsedSeconds = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.spec.burst, this.tokens + elapsedSeconds * this.spec.perSecond);
    this.updatedAt = now;
  }
}

/** Token buckets on send methods; off until configured. Continuous refill so measured rates match the limits. */
export class RateLimiter {
  private limits: RateLimits = {};
  private global: TokenBucket | undefined;
  private readonly chats = new Map<number, TokenBucket>();
  private readonly groups = new Map<number, TokenBucket>();

  constructor(private readonly now: () => number) {}

  /** Replaces the limits and starts every bucket full. Pass `{}` to switch limiting off. */
  configure(limits: RateLimits): void {
    this.limits = limits;
    this.global = limits.global ? new TokenBucket(limits.global, this.now()) : undefined;
    this.chats.clear();
    this.groups.clear();
  }

  get current(): RateLimits {
    return this.limits;
  }

  /** Takes a token from every bucket that applies, or returns the whole seconds to wait (Telegram's retry_after). */
  acquire(chatId: number, isGroup: boolean): number | undefined {
    const buckets = this.bucketsFor(chatId, isGroup);
    if (buckets.length === 0) return undefined;
    const now = this.now();
    const waitSeconds = Math.max(...buckets.map((bucket) => bucket.wait(now)));
    if (waitSeconds > 0) return Math.max(1, Math.ceil(waitSeconds));
    for (const bucket of buckets) bucket.take();
    return undefined;
  }

  private bucketsFor(chatId: number, isGroup: boolean): TokenBucket[] {
    const buckets: TokenBucket[] = [];
    if (this.global) buckets.push(this.global);
    if (this.limits.perChat) buckets.push(this.bucket(this.chats, chatId, this.limits.perChat));
    if (isGroup && this.limits.perGroup) buckets.push(this.bucket(this.groups, chatId, this.limits.perGroup));
    return buckets;
  }

  private bucket(map: Map<number, TokenBucket>, chatId: number, spec: BucketSpec): TokenBucket {
    let bucket = map.get(chatId);
    if (bucket === undefined) {
      bucket = new TokenBucket(spec, this.now());
      map.set(chatId, bucket);
    }
    return bucket;
  }
}
