import { setTimeout as sleep } from "node:timers/promises";
import type { Bot, Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { describeError } from "./bot/middlewares/error-boundary.js";
import type { Logger } from "./logger.js";
import { isTelegramUnavailable } from "./telegram/api-errors.js";

type GrammySignal = Parameters<Bot["api"]["getMe"]>[0];

/** Thrown when a SIGTERM/SIGINT arrived while the process was still starting. */
export class StartupCancelled extends Error {
  constructor() {
    super("Start-up cancelled by a signal");
    this.name = "StartupCancelled";
  }
}

/** Waits between attempts: quick at first (a database container a second late), then every 30 s. */
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000] as const;
/** One attempt may take this long before it counts as failed (grammY's own limit is 500 s). */
const ATTEMPT_LIMIT_MS = 15_000;

export interface RetryOptions {
  /** What is awaited, for the logs: "Telegram", "the database". */
  waitingFor: string;
  signal: AbortSignal;
  logger: Logger;
  /** Worth another attempt (unreachable, overloaded); anything else (a wrong token, a broken migration) fails now. */
  retryable(error: unknown): boolean;
  delaysMs?: readonly number[];
}

/**
 * Runs one start-up step until it succeeds, logging each failure with what it waits for, so a container whose
 * Telegram or database is unreachable says so instead of hanging in silence. The signal (SIGTERM) ends the waiting
 * at once with StartupCancelled; `attempt` gets it too, combined with a per-attempt time limit.
 */
export async function retryWhileStarting<T>(attempt: (signal: AbortSignal) => Promise<T>, options: RetryOptions): Promise<T> {
  const delays = options.delaysMs ?? RETRY_DELAYS_MS;
  for (let failures = 0; ; failures += 1) {
    if (options.signal.aborted) throw new StartupCancelled();
    try {
      return await attempt(AbortSignal.any([options.signal, AbortSignal.timeout(ATTEMPT_LIMIT_MS)]));
    } catch (error) {
      if (options.signal.aborted) throw new StartupCancelled();
      if (!options.retryable(error)) throw error;
      const delayMs = delays[Math.min(failures, delays.length - 1)] ?? 0;
      options.logger.warn(
        { waiting_for: options.waitingFor, attempt: failures + 1, retry_in_ms: delayMs, err: describeError(error) },
        `waiting for ${options.waitingFor}`,
      );
      await sleep(delayMs, undefined, { signal: options.signal }).catch(() => undefined);
    }
  }
}

/** Connection-level errors codes of node and of Postgres ("starting up", "too many clients"). */
const UNREACHABLE_DATABASE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "57P03", "53300"]);

/** The database is not there yet (still starting, not resolvable): worth waiting for. Follows `cause` chains. */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === "string" && UNREACHABLE_DATABASE_CODES.has(code)) return true;
    if (current instanceof AggregateError && current.errors.some(isDatabaseUnreachable)) return true;
  }
  return false;
}

/**
 * grammY's `bot.init()` retries an unreachable Telegram forever without a word; this asks getMe with logged,
 * cancellable retries and hands the answer to the bot.
 */
export async function initBotWhileStarting<C extends Context>(bot: Bot<C>, options: { logger: Logger; signal: AbortSignal }): Promise<void> {
  if (bot.isInited()) return;
  // grammY types its signal parameter with the abort-controller shim; the platform's AbortSignal is what it gets.
  const me: UserFromGetMe = await retryWhileStarting((signal) => bot.api.getMe(signal as GrammySignal), {
    waitingFor: "Telegram",
    signal: options.signal,
    logger: options.logger,
    retryable: isTelegramUnavailable,
  });
  bot.botInfo = me;
}
