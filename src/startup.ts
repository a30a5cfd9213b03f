import { setTimeout as sleep } from "node:timers/promises";
import { type Bot, type Context, GrammyError } from "grammy";
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
/**
 * Telegram: quick retries first (an attempt lasts at least the ~3.5 s the client's network-fault retries take, so a
 * refused connection warns 3.5, 3.5, 4 and 8 s apart), then a warning every 10 s however it fails (a call that hangs
 * unanswered is cut at 10 s, so it warns every 10 s from the first).
 */
const TELEGRAM_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 10_000] as const;
const TELEGRAM_ATTEMPT_LIMIT_MS = 10_000;

/** Telegram answered getMe with "Unauthorized" (or "Not Found" for a malformed token): waiting cannot cure it. */
export class TelegramRejectedToken extends Error {
  constructor(apiRoot: string, code: number, description: string) {
    super(`Telegram rejected BOT_TOKEN (${apiRoot} answered getMe with ${code} ${description}): check the token @BotFather gave you`);
    this.name = "TelegramRejectedToken";
  }
}

export interface RetryOptions {
  /** What is awaited, for the logs: "Telegram", "the database". */
  waitingFor: string;
  signal: AbortSignal;
  logger: Logger;
  /** Worth another attempt (unreachable, overloaded); anything else (a wrong token, a broken migration) fails now. */
  retryable(error: unknown): boolean;
  /** Waits between the starts of two attempts, so a slow failure does not stretch the time between warnings. */
  delaysMs?: readonly number[];
  attemptLimitMs?: number;
  /** The warning's message; `waiting for <waitingFor>` unless given. */
  message?: string;
  /** More fields for the warning (never a secret). */
  fields?: Record<string, unknown>;
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
    const startedAt = performance.now();
    try {
      return await attempt(AbortSignal.any([options.signal, AbortSignal.timeout(options.attemptLimitMs ?? ATTEMPT_LIMIT_MS)]));
    } catch (error) {
      if (options.signal.aborted) throw new StartupCancelled();
      if (!options.retryable(error)) throw error;
      const delayMs = Math.max(0, (delays[Math.min(failures, delays.length - 1)] ?? 0) - (performance.now() - startedAt));
      options.logger.warn(
        { waiting_for: options.waitingFor, ...options.fields, attempt: failures + 1, retry_in_ms: Math.round(delayMs), err: describeError(error) },
        options.message ?? `waiting for ${options.waitingFor}`,
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
 * grammY's `bot.init()` retries an unreachable Telegram forever without a word; this asks getMe with cancellable
 * retries, a warning at each failed attempt (then every 10 s) naming the API root (never the token), and hands the
 * answer to the bot. A token
 * Telegram refuses ends the start with one line saying so (TelegramRejectedToken).
 */
export async function initBotWhileStarting<C extends Context>(
  bot: Bot<C>,
  options: { logger: Logger; signal: AbortSignal; apiRoot: string },
): Promise<void> {
  if (bot.isInited()) return;
  try {
    // grammY types its signal parameter with the abort-controller shim; the platform's AbortSignal is what it gets.
    const me: UserFromGetMe = await retryWhileStarting((signal) => bot.api.getMe(signal as GrammySignal), {
      waitingFor: "Telegram",
      signal: options.signal,
      logger: options.logger,
      retryable: isTelegramUnavailable,
      delaysMs: TELEGRAM_DELAYS_MS,
      attemptLimitMs: TELEGRAM_ATTEMPT_LIMIT_MS,
      message: `waiting for Telegram: cannot reach ${options.apiRoot}`,
      fields: { api_root: options.apiRoot },
    });
    bot.botInfo = me;
  } catch (error) {
    if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404)) {
      throw new TelegramRejectedToken(options.apiRoot, error.error_code, error.description);
    }
    throw error;
  }
}
