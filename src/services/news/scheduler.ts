/**
 * The news background loop, started and stopped with the bot (src/app.ts): every second it updates broadcast
 * progress messages and enqueues due reminders, birthday reminders and daily digests. It only writes outbox rows;
 * the outbox worker sends them. Time comes from the injected clock, so tests move it instead of waiting.
 */
import { Api } from "grammy";
import type { Clock } from "../../clock.js";
import type { Config } from "../../config.js";
import type { DB } from "../../db/database.js";
import type { Logger } from "../../logger.js";
import { enqueueDueDigests } from "./digest.js";
import { reportBroadcastProgress } from "./progress-reporter.js";
import { enqueueBirthdayReminders, enqueueDueReminders } from "./reminders.js";
import { translator } from "../../telegram/i18n.js";
import { createPeriodicJob } from "../periodic-job.js";

export interface NewsSchedulerOptions {
  db: DB;
  config: Config;
  clock: Clock;
  logger: Logger;
  /** Edits progress messages. Defaults to a plain Api without auto-retry: a 429 just waits for the next pass. */
  api?: Api;
  intervalMs?: number;
}

export interface NewsScheduler {
  start(): void;
  stop(): Promise<void>;
  /**
   * One pass now; for tests and scripts. Passes never overlap (src/services/periodic-job.ts): while the timer's pass
   * (or another runOnce) is under way this waits for it and then runs its own, so two passes cannot both enqueue the
   * same reminder.
   */
  runOnce(): Promise<void>;
}

export function createNewsScheduler(options: NewsSchedulerOptions): NewsScheduler {
  const { db, config, clock, logger } = options;
  const api = options.api ?? new Api(config.botToken, { apiRoot: config.telegramApiRoot });
  const intervalMs = options.intervalMs ?? 1_000;
  const t = translator(config.defaultLocale);

  const step = async (name: string, work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      const err = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : "unknown";
      logger.error({ step: name, err }, "news scheduler step failed");
    }
  };

  const pass = async () => {
    const context = { db, now: clock.now(), t, defaultLocale: config.defaultLocale };
    await step("progress", () => reportBroadcastProgress({ db, api, clock, t, defaultLocale: config.defaultLocale, logger }));
    await step("reminders", () => enqueueDueReminders(context));
    await step("birthdays", () => enqueueBirthdayReminders(context));
    await step("digests", () => enqueueDueDigests(context));
  };

  return createPeriodicJob({
    pass,
    intervalMs,
    // Progress edits, reminders and digests are due by the clock: a test that moves it gets the next pass at once.
    clock,
    // Each step logs its own failure; a pass itself does not fail.
    onError: () => undefined,
  });
}
