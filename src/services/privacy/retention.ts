import type { Clock } from "../../clock.js";
import type { DB } from "../../db/database.js";
import { purgeAbandonedDrafts, purgeExpiredLetterTexts } from "../../db/repositories/letters.js";
import { retentionCutoff } from "../../domain/letters/retention.js";
import type { Logger } from "../../logger.js";
import { pruneSent, purgeFailedPayloads } from "../../outbox/admin.js";
import { deleteConversationsUntouchedSince } from "../../db/repositories/privacy.js";
import { pruneSeenUpdates } from "../../db/repositories/coordination.js";
import { finishForgetRequests } from "./forget.js";
import { createPeriodicJob } from "../periodic-job.js";

export interface RetentionSettings {
  letterTextRetentionDays: number;
  draftRetentionDays: number;
  intervalMs: number;
}

export interface RetentionSummary {
  letterTexts: number;
  drafts: number;
  /** Conversations in progress (their replay logs hold what the person typed) untouched for the draft period. */
  conversations: number;
  /** Sent outbox rows: a relayed letter's payload is the letter text. */
  sentMessages: number;
  /** Payloads of outbox rows that failed for good (the row stays as the record of what did not arrive). */
  failedPayloads: number;
  /** People completely forgotten once organisers were done with their letters. */
  forgotten: number;
  /** Update ids older than a day (Telegram no longer delivers those again). */
  seenUpdates: number;
}

export interface RetentionJob {
  start(): void;
  /** Stops the schedule and waits for a pass in progress. */
  stop(): Promise<void>;
  /** One fresh pass now (tests, scripts), after any pass in progress; passes never overlap. */
  runOnce(): Promise<RetentionSummary>;
}

/**
 * Deletes what Lysty promised in /privacy not to keep: letter texts after LETTER_TEXT_RETENTION_DAYS, drafts and
 * conversations abandoned for DRAFT_RETENTION_DAYS, sent copies of letters in the outbox, and forgotten people once
 * organisers no longer hold their letters. Dates come from the injected clock; the schedule is createPeriodicJob's
 * timer. Every step is an idempotent UPDATE or DELETE, so several instances may run it at once.
 */
export function createRetentionJob(deps: { db: DB; clock: Clock; logger: Logger; settings: RetentionSettings }): RetentionJob {
  const { db, clock, logger, settings } = deps;

  const pass = async (): Promise<RetentionSummary> => {
    const now = clock.now();
    const summary: RetentionSummary = {
      letterTexts: await purgeExpiredLetterTexts(db, now, settings.letterTextRetentionDays),
      drafts: await purgeAbandonedDrafts(db, now, settings.draftRetentionDays),
      conversations: await deleteConversationsUntouchedSince(db, retentionCutoff(now, settings.draftRetentionDays)),
      sentMessages: await pruneSent(db, new Date(retentionCutoff(now, settings.letterTextRetentionDays))),
      failedPayloads: await purgeFailedPayloads(db, retentionCutoff(now, settings.letterTextRetentionDays)),
      forgotten: await finishForgetRequests(db, now),
      seenUpdates: await pruneSeenUpdates(db, new Date(now.getTime() - 24 * 60 * 60 * 1000)),
    };
    if (Object.values(summary).some((count) => count > 0)) logger.info({ ...summary }, "retention pass deleted data");
    return summary;
  };

  // A pass at the clock's time now; runOnce() waits for a pass in progress (it read the clock when it began) and then
  // runs afresh, so its figures always describe the moment it was asked for.
  return createPeriodicJob({
    pass,
    intervalMs: settings.intervalMs,
    runAtStart: true,
    onError: (error) => {
      logger.error({ err: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : "unknown" }, "retention pass failed");
    },
  });
}
