import type { Api } from "grammy";
import type { Clock } from "../clock.js";
import type { DB } from "../db/database.js";
import type { Logger } from "../logger.js";
import type { BackoffOptions } from "./backoff.js";
import type { RateLimit } from "./rate-limiter.js";
import type { OutboxHandlers } from "./types.js";

export interface OutboxRateLimits {
  /** All chats together: Telegram allows about 30 messages/s for bulk sends. */
  global: RateLimit | null;
  /** Each private chat: about 1 message/s, short bursts tolerated. */
  privateChat: RateLimit | null;
  /** Each group, supergroup or channel: about 20 messages/min. */
  groupChat: RateLimit | null;
}

/** Telegram's published guidance. With several instances on one database, divide `global` among them. */
export const TELEGRAM_RATE_LIMITS: OutboxRateLimits = {
  global: { perSecond: 30, burst: 5 },
  privateChat: { perSecond: 1, burst: 3 },
  groupChat: { perSecond: 20 / 60, burst: 3 },
};

export const NO_RATE_LIMITS: OutboxRateLimits = { global: null, privateChat: null, groupChat: null };

export interface OutboxWorkerOptions {
  db: DB;
  /** Sends go through this Api (its apiRoot and transformers). Do not install auto-retry on it: the worker paces. */
  api: Api;
  logger: Logger;
  handlers: OutboxHandlers;
  clock?: Clock;
  /** Sends in flight at once (never two to one chat). Default 8. */
  concurrency?: number;
  /** Merged over TELEGRAM_RATE_LIMITS; `null` switches a limit off. */
  limits?: Partial<OutboxRateLimits>;
  /**
   * After a 429, pace the global limit by the rate Telegram accepts (AIMD, see adaptive-rate.ts) and send no bursts.
   * Default true; false keeps the configured rate and burst throughout (the old behaviour, for bench:broadcast).
   */
  adaptivePacing?: boolean;
  /** Counted failures (5xx, network, timeouts) before a row is given up as failed. Default 8. */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  /** Most rows claimed at once. Default 500. */
  batchSize?: number;
  /** How long a claim is exclusive; after it, another instance may retry the row. Default 120 s. */
  leaseMs?: number;
  /** A call still unanswered after this is abandoned and retried. Default 30 s. */
  sendTimeoutMs?: number;
  /** Longest a claimed row waits in memory for a rate limit before it is handed back to the database. Default 5 s. */
  maxLocalWaitMs?: number;
  /** How often an idle started worker looks for due rows (other instances' rows, retries). Default 1 s. */
  pollIntervalMs?: number;
  /**
   * How long answers are collected before they are committed together. Longer means fewer commits, and a longer
   * window in which a crash loses the record of an accepted message (which is then sent again). Default 20 ms.
   */
  recordDelayMs?: number;
  /** Names this instance in `lease_owner`; default host:pid:random. */
  workerId?: string;
  /** Jitter source; injectable for tests. */
  random?: () => number;
}

export interface OutboxRunSummary {
  claimed: number;
  sent: number;
  /** Rescheduled after 429, 5xx, network errors or a chat migration. */
  retried: number;
  failed: number;
  held: number;
  /** Handed back unsent: stop, or a rate-limit wait longer than `maxLocalWaitMs`. */
  released: number;
  /** Rows found under an expired lease and put back in the queue. */
  recovered: number;
}

export interface OutboxWorker {
  readonly id: string;
  /** Sends continuously until `stop()`. */
  start(): void;
  /** Stops claiming, hands unsent claimed rows back, lets in-flight sends finish and records them. */
  stop(): Promise<void>;
  /** Sends everything due now, then resolves; for tests, scripts and benchmarks (not while started). */
  runOnce(): Promise<OutboxRunSummary>;
  /**
   * Resolves after a whole pass that began after this call: everything due at the call (by the worker's clock) was
   * sent or rescheduled and every outcome recorded. A started worker is woken for it; one not started runs a pass.
   * Lets tests and scripts move the clock and then wait for the consequences instead of sleeping.
   */
  settled(): Promise<void>;
  /** New rows exist: look now rather than at the next poll. `enqueue` calls this for workers in the process. */
  wake(): void;
}

export function emptySummary(): OutboxRunSummary {
  return { claimed: 0, sent: 0, retried: 0, failed: 0, held: 0, released: 0, recovered: 0 };
}
