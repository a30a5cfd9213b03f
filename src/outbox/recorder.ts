import type { Clock } from "../clock.js";
import type { DB } from "../db/database.js";
import type { Logger } from "../logger.js";
import type { Outcome } from "./outcomes.js";
import { recordOutcomes, type RecordResult } from "./record.js";
import type { OutboxHandlers } from "./types.js";

const MAX_BATCH = 2000;
const UNWRITTEN_RETRY_MS = 1_000;

export interface RecorderOptions {
  db: DB;
  owner: string;
  handlers: OutboxHandlers;
  logger: Logger;
  clock: Clock;
  /** How long answers are collected before one commit. */
  delayMs: number;
  /** How the handlers decided forbidden rows, for the worker's summary. */
  onRecorded(result: Pick<RecordResult, "held" | "forbiddenFailed">): void;
}

/**
 * Group commit of outcomes: answers that arrive while a batch is being written go into the next one, after a short
 * delay. On SQLite every commit rewrites whole pages into the WAL, and many tiny commits mean frequent checkpoints
 * that stall the event loop (and the pacing with it). Answers the database refuses are kept and retried while their
 * rows' leases last.
 */
export class OutcomeRecorder {
  private pending: Outcome[] = [];
  private flushing: Promise<void> | undefined;
  private unwritten: Outcome[] = [];
  private unwrittenTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: RecorderOptions) {}

  push(outcome: Outcome): void {
    this.pending.push(outcome);
    this.startFlush();
  }

  /** Resolves once everything pushed so far has been written (or set aside as unwritten). */
  async flushAll(): Promise<void> {
    while (this.flushing || this.pending.length > 0) {
      this.startFlush();
      await this.flushing;
    }
  }

  /** Stop: one last try for answers the database refused; returns how many are still unwritten. */
  async finish(): Promise<number> {
    if (this.unwrittenTimer) clearTimeout(this.unwrittenTimer);
    this.unwrittenTimer = undefined;
    if (this.unwritten.length === 0) return 0;
    for (const outcome of this.unwritten.splice(0)) this.push(outcome);
    await this.flushAll();
    return this.unwritten.length;
  }

  private startFlush(): void {
    this.flushing ??= this.flushLoop().finally(() => {
      this.flushing = undefined;
    });
  }

  private async flushLoop(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, this.options.delayMs));
    const { db, owner, handlers, logger, clock } = this.options;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, MAX_BATCH);
      const result = await recordOutcomes(db, batch, { owner, handlers, logger, now: clock.now() });
      this.options.onRecorded(result);
      if (result.unwritten.length > 0) this.keepUnwritten(result.unwritten);
    }
  }

  /** The database refused the batch (locked, gone): keep the answers while their leases last and try again. */
  private keepUnwritten(outcomes: Outcome[]): void {
    const now = this.options.clock.now().getTime();
    const live = outcomes.filter((outcome) => Date.parse(outcome.row.lease_until ?? "") > now);
    if (live.length < outcomes.length) {
      this.options.logger.error(
        { rows: outcomes.length - live.length },
        "outbox answers unrecorded past their lease; those rows may be sent twice",
      );
    }
    this.unwritten.push(...live);
    if (this.unwritten.length === 0 || this.unwrittenTimer) return;
    this.unwrittenTimer = setTimeout(() => {
      this.unwrittenTimer = undefined;
      for (const outcome of this.unwritten.splice(0)) this.push(outcome);
    }, UNWRITTEN_RETRY_MS);
    this.unwrittenTimer.unref();
  }
}
