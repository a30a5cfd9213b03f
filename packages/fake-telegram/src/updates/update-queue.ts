import type { Update } from "grammy/types";
import { type ApiError, conflict } from "../api-error.js";

export type UpdatePayload = Omit<Update, "update_id">;

/** Telegram's default when allowed_updates is empty or was never set. */
const OPT_IN_UPDATE_TYPES = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

interface PendingPoll {
  readonly limit: number;
  readonly resolve: (updates: Update[]) => void;
  readonly reject: (error: ApiError) => void;
  readonly timer: NodeJS.Timeout;
}

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

export interface GetUpdatesRequest {
  readonly offset?: number;
  readonly limit: number;
  readonly timeoutSeconds: number;
  readonly allowedUpdates?: readonly string[];
  /** Fires when the HTTP client goes away, so an abandoned long poll does not hold the queue. */
  readonly signal: AbortSignal;
}

/**
 * Updates waiting for the bot, with getUpdates semantics: an update stays until a later offset confirms it, one long
 * poll at a time (a newer one terminates the older with 409, as Telegram does), allowed_updates remembered.
 */
export class UpdateQueue {
  private queue: Update[] = [];
  private head = 0;
  private lastUpdateId = 0;
  /** Every update id below this one is confirmed (or was never delivered). */
  private confirmedBelow = 1;
  private allowed: ReadonlySet<string> | undefined;
  private poll: PendingPoll | undefined;
  private flushScheduled = false;
  private readonly undelivered = new Map<number, string>();
  private readonly waiters = new Map<number, Waiter[]>();

  /** Adds an update and returns its id; `refusal` records why Telegram would never have delivered it. */
  enqueue(payload: UpdatePayload, refusal?: string): number {
    this.lastUpdateId += 1;
    const updateId = this.lastUpdateId;
    const type = Object.keys(payload)[0] ?? "unknown";
    const reason = refusal ?? (this.isAllowed(type) ? undefined : `allowed_updates does not include "${type}"`);
    if (reason !== undefined) {
      this.undelivered.set(updateId, reason);
      return updateId;
    }
    this.queue.push({ update_id: updateId, ...payload } as Update);
    this.scheduleFlush();
    return updateId;
  }

  get pendingCount(): number {
    return this.queue.length - this.head;
  }

  /** Whether a getUpdates call is waiting for updates right now. */
  get longPollPending(): boolean {
    return this.poll !== undefined;
  }

  setAllowedUpdates(types: readonly string[]): void {
    this.allowed = types.length === 0 ? undefined : new Set(types);
  }

  async getUpdates(request: GetUpdatesRequest): Promise<Update[]> {
    if (request.allowedUpdates !== undefined) this.setAllowedUpdates(request.allowedUpdates);
    if (request.offset !== undefined) this.confirm(request.offset);
    const ready = this.peek(request.limit);
    if (ready.length > 0 || request.timeoutSeconds <= 0 || request.signal.aborted) return ready;
    // Only a request that is going to wait takes over the long poll; an immediate answer leaves the waiting one be.
    this.terminatePoll(conflict("terminated by other getUpdates request; make sure that only one bot instance is running"));
    return await new Promise<Update[]>((resolve, reject) => {
      const finish = () => {
        clearTimeout(poll.timer);
        if (this.poll === poll) this.poll = undefined;
        request.signal.removeEventListener("abort", onAbort);
      };
      const onAbort = () => {
        finish();
        resolve([]);
      };
      const poll: PendingPoll = {
        limit: request.limit,
        resolve: (updates) => {
          finish();
          resolve(updates);
        },
        reject: (error) => {
          finish();
          reject(error);
        },
        timer: setTimeout(() => poll.resolve([]), request.timeoutSeconds * 1000),
      };
      this.poll = poll;
      request.signal.addEventListener("abort", onAbort);
    });
  }

  /**
   * Webhook mode's hand-over: the next `limit` waiting updates, confirmed at once, as a getUpdates without a timeout
   * followed by one with the next offset (without their request objects and abort signals).
   */
  take(limit: number): Update[] {
    const ready = this.peek(limit);
    const last = ready.at(-1);
    if (last) this.confirm(last.update_id + 1);
    return ready;
  }

  /** Ends a pending long poll with an error (another getUpdates, or setWebhook). */
  terminatePoll(error: ApiError): void {
    this.poll?.reject(error);
  }

  /** Drops every queued update, as deleteWebhook/setWebhook with drop_pending_updates do. */
  dropPending(reason: string): void {
    for (const update of this.queue.slice(this.head)) this.markUndelivered(update.update_id, reason);
    this.queue = [];
    this.head = 0;
  }

  /** Resolves once a getUpdates offset above the update confirmed it; rejects if it was never delivered. */
  async confirmed(updateId: number): Promise<void> {
    const refusal = this.undelivered.get(updateId);
    if (refusal !== undefined) throw new Error(`update ${updateId} was not delivered: ${refusal}`);
    if (!Number.isInteger(updateId) || updateId < 1 || updateId > this.lastUpdateId) {
      throw new Error(`update ${updateId} was never created`);
    }
    if (updateId < this.confirmedBelow) return;
    await new Promise<void>((resolve, reject) => {
      const waiters = this.waiters.get(updateId) ?? [];
      waiters.push({ resolve, reject });
      this.waiters.set(updateId, waiters);
    });
  }

  /** Answers a pending long poll with no updates, so that a stopping server does not leave it hanging. */
  close(): void {
    this.poll?.resolve([]);
  }

  private isAllowed(type: string): boolean {
    return this.allowed === undefined ? !OPT_IN_UPDATE_TYPES.has(type) : this.allowed.has(type);
  }

  private confirm(offset: number): void {
    if (offset < 0) {
      // A negative offset keeps only the last -offset updates; the rest are forgotten.
      const keepFrom = Math.max(this.head, this.queue.length + offset);
      const forgotten = this.queue[keepFrom]?.update_id ?? this.lastUpdateId + 1;
      return this.confirm(forgotten);
    }
    while (this.head < this.queue.length && (this.queue[this.head]?.update_id ?? Infinity) < offset) {
      this.head += 1;
    }
    const below = Math.min(offset, this.lastUpdateId + 1);
    for (let id = this.confirmedBelow; id < below; id += 1) this.settle(id);
    this.confirmedBelow = Math.max(this.confirmedBelow, below);
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  private peek(limit: number): Update[] {
    return this.queue.slice(this.head, this.head + limit);
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.poll === undefined) return;
    this.flushScheduled = true;
    // Deferred so that updates injected in the same tick arrive in one batch, as they would from Telegram.
    setImmediate(() => {
      this.flushScheduled = false;
      const ready = this.peek(this.poll?.limit ?? 0);
      if (ready.length > 0) this.poll?.resolve(ready);
    });
  }

  private settle(updateId: number): void {
    const waiters = this.waiters.get(updateId);
    if (waiters === undefined) return;
    this.waiters.delete(updateId);
    const refusal = this.undelivered.get(updateId);
    for (const waiter of waiters) {
      if (refusal === undefined) waiter.resolve();
      else waiter.reject(new Error(`update ${updateId} was not delivered: ${refusal}`));
    }
  }

  private markUndelivered(updateId: number, reason: string): void {
    this.undelivered.set(updateId, reason);
    this.settle(updateId);
  }
}
