import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Api } from "grammy";
import { type Clock, systemClock } from "../clock.js";
import type { DB } from "../db/database.js";
import type { Logger } from "../logger.js";
import { AdaptiveRate } from "./adaptive-rate.js";
import { ArrivalSpacing } from "./arrival-spacing.js";
import { AttachmentCache } from "./attachments.js";
import { type BackoffOptions, backoffDelayMs, DEFAULT_BACKOFF } from "./backoff.js";
import { ChatQueues } from "./chat-queues.js";
import { claimDue } from "./claim.js";
import { classifyFailure } from "./classify.js";
import { SendDeadlines } from "./deadlines.js";
import { errorText, recoverLeases, UnknownKindReport } from "./maintenance.js";
import { isEditMethod, isOutboxMethod, type OutboxMethod } from "./methods.js";
import { Notifier } from "./notifier.js";
import type { Outcome } from "./outcomes.js";
import { RateLimiter } from "./rate-limiter.js";
import { OutcomeRecorder } from "./recorder.js";
import { callMethod, editedMessageIdOf, messageIdOf, uploadedFileIdOf } from "./send.js";
import { onOutboxEnqueued } from "./signal.js";
import type { OutboxHandlers, OutboxRow } from "./types.js";
import {
  emptySummary,
  type OutboxRunSummary,
  type OutboxWorker,
  type OutboxWorkerOptions,
  TELEGRAM_RATE_LIMITS,
} from "./worker-options.js";

const GLOBAL = 0;
/** A send must be able to time out and be recorded before its lease ends. */
const LEASE_MARGIN_MS = 5_000;
const CLAIM_AHEAD_S = 0.25;

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  return new Worker(options);
}

class Worker implements OutboxWorker {
  readonly id: string;
  private readonly db: DB;
  private readonly api: Api;
  private readonly logger: Logger;
  private readonly handlers: OutboxHandlers;
  private readonly kinds: string[];
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly backoff: BackoffOptions;
  private readonly leaseMs: number;
  private readonly sendTimeoutMs: number;
  private readonly maxLocalWaitMs: number;
  private readonly pollIntervalMs: number;
  private readonly claimLimit: number;

  private readonly global: RateLimiter<number>;
  /** Learns the bot-wide rate Telegram accepts and paces `global` by it; undefined without a global limit. */
  private readonly adaptive: AdaptiveRate | undefined;
  /** Widens the gap after a send that reached the server late; used once it would have prevented a 429. */
  private readonly arrivals = new ArrivalSpacing();
  private readonly privateChats: RateLimiter<number>;
  private readonly groupChats: RateLimiter<number>;
  private readonly queues = new ChatQueues();
  private readonly attachments: AttachmentCache;
  private readonly deadlines: SendDeadlines;
  private readonly notifier: Notifier;

  private readonly recorder: OutcomeRecorder;
  private readonly unknownKinds: UnknownKindReport;

  private inFlight = 0;
  private summary = emptySummary();

  private loop: Promise<void> | undefined;
  private draining: Promise<OutboxRunSummary> | undefined;
  private stopping = false;
  private moreDue = false;
  /** Passes the started loop has finished, and callers of `settled()` waiting for a pass number. */
  private passesDone = 0;
  private passWaiters: { after: number; resolve: () => void }[] = [];
  private unsubscribe: (() => void) | undefined;
  /**
   * Chats that must get nothing before a time (a retry is pending), and group ids that became supergroups. The
   * database says the same once the outcome is recorded; these cover rows claimed before that.
   */
  private readonly heldChats = new Map<number, number>();
  private readonly migratedChats = new Map<number, { toChatId: number; at: Date }>();
  /** The latest 429: a second chat limited while the first is still paused means the bot-wide limit. */
  private lastRateLimit: { chatId: number; until: number } | undefined;
  /** The arrival spacing's state as last logged. */
  private spacingLogged = false;

  constructor(options: OutboxWorkerOptions) {
    this.id = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.db = options.db;
    this.api = options.api;
    this.logger = options.logger;
    this.handlers = options.handlers;
    this.kinds = Object.keys(options.handlers);
    this.clock = options.clock ?? systemClock;
    this.notifier = new Notifier(this.clock);
    this.random = options.random ?? Math.random;
    this.concurrency = positive(options.concurrency ?? 8, "concurrency");
    this.maxAttempts = positive(options.maxAttempts ?? 8, "maxAttempts");
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.leaseMs = options.leaseMs ?? 120_000;
    this.sendTimeoutMs = options.sendTimeoutMs ?? 30_000;
    this.maxLocalWaitMs = options.maxLocalWaitMs ?? 5_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    // A send may run up to a second past sendTimeoutMs (see SendDeadlines), hence the margin.
    if (this.leaseMs < this.sendTimeoutMs + this.maxLocalWaitMs + LEASE_MARGIN_MS) {
      throw new Error("outbox leaseMs must exceed sendTimeoutMs + maxLocalWaitMs + 5 s, or leases expire mid-send");
    }
    const limits = { ...TELEGRAM_RATE_LIMITS, ...options.limits };
    this.global = new RateLimiter(limits.global);
    this.adaptive = limits.global && options.adaptivePacing !== false ? new AdaptiveRate({ ceiling: limits.global }) : undefined;
    this.privateChats = new RateLimiter(limits.privateChat);
    this.groupChats = new RateLimiter(limits.groupChat);
    const batchSize = positive(options.batchSize ?? 500, "batchSize");
    // Claim about a quarter second of sends at the global rate: claimed rows do not sit on their leases, and each
    // claim (a synchronous statement on SQLite) stays short enough not to disturb the pacing.
    this.claimLimit = limits.global
      ? Math.min(batchSize, Math.ceil(limits.global.perSecond * CLAIM_AHEAD_S) + this.concurrency)
      : batchSize;
    this.attachments = new AttachmentCache(this.db);
    this.deadlines = new SendDeadlines(this.sendTimeoutMs);
    this.unknownKinds = new UnknownKindReport(this.db, this.kinds, this.logger);
    this.recorder = new OutcomeRecorder({
      db: this.db,
      owner: this.id,
      handlers: this.handlers,
      logger: this.logger,
      clock: this.clock,
      delayMs: options.recordDelayMs ?? 20,
      onRecorded: ({ held, forbiddenFailed }) => {
        this.summary.held += held;
        this.summary.failed += forbiddenFailed;
      },
    });
  }

  start(): void {
    if (this.loop) return;
    if (this.draining) throw new Error("outbox worker: start() while runOnce() is running");
    this.stopping = false;
    this.unsubscribe = onOutboxEnqueued(() => this.wake());
    this.loop = this.runLoop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.notifier.notify();
    await this.loop;
    await this.draining?.catch(() => undefined);
    this.loop = undefined;
    // Last chance to record answers Telegram gave; what stays unwritten is retried after its lease expires.
    const unwritten = await this.recorder.finish();
    if (unwritten > 0) this.logger.error({ rows: unwritten }, "outbox stopped with unrecorded answers; their rows will be retried");
  }

  async runOnce(): Promise<OutboxRunSummary> {
    if (this.loop) throw new Error("outbox worker: runOnce() is for a worker that was not started");
    this.stopping = false;
    if (!this.draining) {
      this.draining = this.drain().finally(() => {
        this.draining = undefined;
      });
    }
    return this.draining;
  }

  wake(): void {
    this.moreDue = true;
    this.notifier.notify();
  }

  async settled(): Promise<void> {
    if (!this.loop) {
      // A pass already under way may have claimed before the call: wait for it, then run one of our own.
      await this.draining?.catch(() => undefined);
      await this.runOnce();
      return;
    }
    // The pass under way (if any) may have looked at the table before the call; the next one starts after it.
    const after = this.passesDone + (this.draining ? 1 : 0);
    await new Promise<void>((resolve) => {
      this.passWaiters.push({ after, resolve });
      this.wake();
    });
  }

  private passFinished(): void {
    this.passesDone += 1;
    const waiting = this.passWaiters;
    this.passWaiters = [];
    for (const waiter of waiting) {
      if (this.passesDone > waiter.after) waiter.resolve();
      else this.passWaiters.push(waiter);
    }
  }

  private async runLoop(): Promise<void> {
    while (!this.stopping) {
      try {
        this.draining = this.drain();
        await this.draining;
      } catch (error) {
        this.logger.error({ err: errorText(error) }, "outbox worker pass failed; retrying at the next tick");
      } finally {
        this.draining = undefined;
        this.passFinished();
      }
      if (this.stopping) break;
      // Woken during the pass (new rows, or someone waiting in settled()): look again at once.
      if (this.moreDue || this.passWaiters.length > 0) {
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      const pausedFor = this.global.availableAt(GLOBAL, this.now()) - this.now();
      await this.notifier.wait(Math.max(this.pollIntervalMs, pausedFor));
    }
    // Stopped: nobody waits forever for a pass that will not come.
    for (const waiter of this.passWaiters.splice(0)) waiter.resolve();
  }

  /** Claims and sends until nothing is due, then waits for in-flight sends and records every outcome. */
  private async drain(): Promise<OutboxRunSummary> {
    this.summary = emptySummary();
    const recovered = await recoverLeases(this.db, {
      handlers: this.handlers,
      logger: this.logger,
      now: this.clock.now(),
      maxAttempts: this.maxAttempts,
    });
    this.summary.recovered += recovered.length;
    await this.unknownKinds.check(this.now());
    let exhausted = false;
    for (;;) {
      if (this.moreDue) {
        this.moreDue = false;
        exhausted = false;
      }
      const now = this.now();
      const globalWait = this.globalAvailableAt(now) - now;
      if (this.stopping || globalWait > this.maxLocalWaitMs) {
        // Stopping, or Telegram asked for a pause longer than rows should wait on our leases: hand them back.
        this.releaseAll(new Date(Math.max(now, now + globalWait)));
        if (this.inFlight === 0) break;
        await this.notifier.wait();
        continue;
      }
      if (!exhausted && this.queues.size <= this.claimLimit / 2) {
        exhausted = await this.claim(this.claimLimit - this.queues.size, now);
        continue;
      }
      if (this.inFlight >= this.concurrency) {
        await this.notifier.wait();
        continue;
      }
      if (globalWait > 0) {
        await this.notifier.wait(globalWait);
        continue;
      }
      const chatId = this.queues.nextReady(now);
      if (chatId === undefined) {
        if (this.queues.size === 0 && this.inFlight === 0 && exhausted) break;
        const delayedAt = this.queues.nextDelayedAt();
        await this.notifier.wait(delayedAt === undefined ? undefined : delayedAt - now);
        continue;
      }
      this.dispatch(chatId, now);
    }
    await this.recorder.flushAll();
    if (this.summary.claimed + this.summary.recovered > 0) this.logger.debug({ ...this.summary }, "outbox pass done");
    return this.summary;
  }

  /** When the next send may go: the global limit, and once the arrival spacing is engaged, that spacing. */
  private globalAvailableAt(now: number): number {
    const paced = this.global.availableAt(GLOBAL, now);
    return this.arrivals.engaged ? Math.max(paced, this.arrivals.nextAt(this.global.intervalMs)) : paced;
  }

  /** Returns true when fewer rows were due than asked for. */
  private async claim(limit: number, now: number): Promise<boolean> {
    // When Telegram answers faster than I/O can interleave (an in-process Api, a local server), everything here
    // resolves as microtasks: yield once per batch so timers (the group commit) and the bot's updates get a turn.
    await new Promise((resolve) => setImmediate(resolve));
    const rows = await claimDue(this.db, { owner: this.id, now: new Date(now), leaseMs: this.leaseMs, limit, kinds: this.kinds });
    const attachmentIds = rows.flatMap((row) => (row.attachment_id === null ? [] : [row.attachment_id]));
    if (attachmentIds.length > 0) await this.attachments.load(attachmentIds);
    for (const row of rows) this.queues.add(row);
    this.summary.claimed += rows.length;
    // Per-chat state of chats whose window has passed says nothing any more.
    this.privateChats.prune(now);
    this.groupChats.prune(now);
    for (const [chatId, until] of this.heldChats) if (until <= now) this.heldChats.delete(chatId);
    return rows.length < limit;
  }

  /** Sends the chat's next row if its rate limit allows; otherwise parks the chat, or hands its rows back. */
  private dispatch(chatId: number, now: number): void {
    const moved = this.migratedChats.get(chatId);
    if (moved !== undefined) {
      for (const row of this.queues.takeChat(chatId)) this.release(row, moved.at, moved.toChatId);
      return;
    }
    const heldUntil = this.heldChats.get(chatId) ?? 0;
    if (heldUntil > now) {
      for (const row of this.queues.takeChat(chatId)) this.release(row, new Date(heldUntil));
      return;
    }
    const limiter = chatId > 0 ? this.privateChats : this.groupChats;
    const chatAt = limiter.availableAt(chatId, now);
    if (chatAt > now) {
      if (chatAt - now <= this.maxLocalWaitMs) return this.queues.delay(chatId, chatAt);
      // E.g. 40 messages for one group at 20/min: keep none of them leased for minutes; schedule them instead.
      this.queues.takeChat(chatId).forEach((row, index) => {
        this.release(row, new Date(chatAt + index * limiter.intervalMs));
      });
      return;
    }
    const row = this.queues.startSend(chatId);
    if (!row) return;
    if (Date.parse(row.lease_until ?? "") - now < this.sendTimeoutMs + LEASE_MARGIN_MS) {
      this.release(row, new Date(now));
      this.queues.finished(chatId);
      return;
    }
    this.global.take(GLOBAL, now);
    limiter.take(chatId, now);
    this.inFlight += 1;
    const sendId = this.arrivals.dispatched(now, this.global.intervalMs);
    this.logSpacing();
    void this.send(row, now, sendId);
  }

  /** Operators see in the log why a broadcast's sends are spaced wider than its rate, and since when. */
  private logSpacing(): void {
    const engaged = this.arrivals.engaged;
    if (engaged === this.spacingLogged) return;
    this.spacingLogged = engaged;
    this.logger.info({ rate_per_second: this.adaptive?.limit.perSecond }, `outbox arrival spacing ${engaged ? "on" : "off"}`);
  }

  private async send(row: OutboxRow, sentAt: number, sendId: number): Promise<void> {
    let outcome: Outcome;
    try {
      outcome = await this.attempt(row, sentAt, sendId);
    } catch (error) {
      // Only a bug in the code above gets here; the row's lease will bring it back.
      this.logger.error({ err: errorText(error), outbox_id: row.id }, "outbox send crashed");
      outcome = { type: "retry", row, at: new Date(this.now()), counted: true, error: { code: 0, description: "worker error" } };
    }
    this.arrivals.answered(sendId, this.now(), sentAt);
    this.inFlight -= 1;
    // The chat's later messages must not overtake a retried one, nor go to a chat id that no longer exists:
    // `dispatch` hands them back to the database instead of sending them.
    if (outcome.type === "retry") {
      this.heldChats.set(row.chat_id, Math.max(outcome.at.getTime(), this.heldChats.get(row.chat_id) ?? 0));
    } else if (outcome.type === "migrated") {
      this.migratedChats.set(row.chat_id, { toChatId: outcome.toChatId, at: outcome.at });
    }
    if (outcome.type === "sent" && this.adaptive) {
      this.adaptive.accepted(this.now());
      this.global.retune(this.adaptive.limit);
    }
    this.queues.finished(row.chat_id);
    this.count(outcome);
    this.recorder.push(outcome);
    this.notifier.notify();
  }

  private async attempt(row: OutboxRow, sentAt: number, sendId: number): Promise<Outcome> {
    if (!isOutboxMethod(row.method)) {
      return { type: "failed", row, error: { code: 0, description: `method ${row.method} is not supported` } };
    }
    const method: OutboxMethod = row.method;
    const file = row.attachment_id === null ? undefined : this.attachments.fileFor(row.attachment_id);
    if (row.attachment_id !== null && file === undefined) {
      return { type: "failed", row, error: { code: 0, description: "attachment is missing" } };
    }
    const learnsFileId = row.attachment_id !== null && this.attachments.needsFileId(row.attachment_id);
    try {
      const result = await callMethod(this.api, row, method, file, this.deadlines.signal());
      const telegramFileId = learnsFileId ? uploadedFileIdOf(result, method) : undefined;
      if (telegramFileId && row.attachment_id !== null) this.attachments.learned(row.attachment_id, telegramFileId);
      return { type: "sent", row, messageId: messageIdOf(result), ...(telegramFileId ? { telegramFileId } : {}) };
    } catch (error) {
      return this.outcomeOfFailure(row, method, error, sentAt, sendId);
    }
  }

  private outcomeOfFailure(row: OutboxRow, method: OutboxMethod, error: unknown, sentAt: number, sendId: number): Outcome {
    const failure = classifyFailure(error, isEditMethod(method));
    const now = this.now();
    const log = { outbox_id: row.id, kind: row.kind, chat_id: row.chat_id, code: failure.error.code };
    switch (failure.type) {
      case "rate-limited": {
        const until = now + failure.retryAfterMs;
        // The chat itself is held by the retry (see send); Telegram does not say which limit was hit. One chat limited could be that chat (the bot also replies to
        // users outside the outbox); a second chat limited while the first is still paused is the bot-wide limit.
        // With adaptive pacing, a refusal of a send that left before the rate went down is the overload already
        // answered by that decrease: pausing every chat for its retry_after as well cost a second of sends each time.
        const refusal = this.adaptive?.refused(sentAt, now);
        if (this.adaptive) this.global.retune(this.adaptive.limit);
        this.arrivals.refused(sendId, refusal === "after-run");
        this.logSpacing();
        const tellsSomethingNew = refusal !== "stale";
        const previous = this.lastRateLimit;
        const global = tellsSomethingNew && previous !== undefined && previous.chatId !== row.chat_id && previous.until > now;
        if (global) this.global.pause(GLOBAL, until);
        this.lastRateLimit = { chatId: row.chat_id, until };
        this.logger.info({ ...log, retry_after_ms: failure.retryAfterMs, scope: global ? "global" : "chat" }, "outbox rate limited");
        return { type: "retry", row, at: new Date(until), counted: false, error: failure.error };
      }
      case "not-modified":
        return { type: "sent", row, messageId: editedMessageIdOf(row) };
      case "migrated":
        this.logger.info({ ...log, to_chat_id: failure.toChatId }, "outbox chat migrated to a supergroup");
        return { type: "migrated", row, toChatId: failure.toChatId, at: new Date(now), error: failure.error };
      case "forbidden":
        this.logger.warn(log, "outbox chat forbids the bot");
        return { type: "forbidden", row, error: failure.error };
      case "rejected":
        this.logger.warn(log, "outbox message rejected by Telegram");
        return { type: "failed", row, error: failure.error };
      case "transient": {
        const attempts = row.attempts + 1;
        if (attempts >= this.maxAttempts) {
          this.logger.warn({ ...log, attempts }, "outbox gave up after repeated failures");
          return { type: "failed", row, error: failure.error };
        }
        const at = new Date(now + backoffDelayMs(attempts, this.backoff, this.random));
        this.logger.info({ ...log, attempts }, "outbox send failed; backing off");
        return { type: "retry", row, at, counted: true, error: failure.error };
      }
    }
  }

  private release(row: OutboxRow, at: Date, toChatId?: number): void {
    this.summary.released += 1;
    this.recorder.push({ type: "release", row, at, ...(toChatId === undefined ? {} : { toChatId }) });
  }

  private releaseAll(at: Date): void {
    for (const row of this.queues.takeAll()) this.release(row, at);
  }

  private count(outcome: Outcome): void {
    if (outcome.type === "sent") this.summary.sent += 1;
    else if (outcome.type === "retry" || outcome.type === "migrated") this.summary.retried += 1;
    else if (outcome.type === "failed") this.summary.failed += 1;
    // A forbidden row's fate (failed or held) is its handler's decision, counted when it is recorded.
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`outbox ${name} must be a positive integer`);
  return value;
}
