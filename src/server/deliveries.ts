import type { Update } from "grammy/types";
import type { Logger } from "../logger.js";
import { RecentIds } from "./recent-ids.js";

/**
 * Which instance handles an update, agreed in the database when several instances share one (Postgres). An update
 * taken in carries a lease until handled: a crashed instance's update is handled by another once the lease ends.
 */
export interface SharedDeliveryLedger {
  /** "handle": this instance holds the lease now; "handled": done before; "busy": another instance holds it. */
  claim(updateId: number): Promise<"handle" | "handled" | "busy">;
  /** Marks the update handled, so no instance handles it again. */
  complete(updateId: number): Promise<void>;
  /** Extends this instance's lease while a slow update is still being handled. */
  renew(updateId: number): Promise<void>;
  /** How often `renew` is called while handling; undefined: never (a lease nobody else waits on). */
  readonly renewEveryMs: number | undefined;
}

/**
 * What the webhook answers Telegram: "handled" and "duplicate" with 200; "late" (not finished within the answer time)
 * and "busy" (another instance has it) with a non-2xx, so that Telegram delivers the update again later.
 */
export type DeliveryOutcome = "handled" | "duplicate" | "late" | "busy";

export interface DeliveriesOptions {
  /** Handles an update to the end; never rejects. */
  handle(update: Update): Promise<void>;
  answerWithinMs: number;
  logger: Logger;
  shared?: SharedDeliveryLedger;
}

/**
 * Every update handled once and none lost, however long handling takes. Telegram delivers an update again when its
 * answer is not a 2xx in time, so an update not handled within the answer time is answered non-2xx; its handling goes
 * on, and a delivery of it again joins that handling (waits for it within the answer time) instead of starting a
 * second one. What the duplicate filter remembers is an update handled, not an update taken in: if the process dies
 * mid-handling, the next delivery is handled (here after a restart, or on another instance once the lease ran out).
 */
export class Deliveries {
  private readonly inFlight = new Map<number, Promise<boolean>>();
  private readonly handled = new RecentIds();

  constructor(private readonly options: DeliveriesOptions) {}

  /** Resolves once no update is being handled, its outcome recorded (shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()]);
  }

  async deliver(update: Update): Promise<DeliveryOutcome> {
    const id = update.update_id;
    const running = this.inFlight.get(id);
    if (running === undefined && this.handled.has(id)) return "duplicate";
    const handling = running ?? this.start(update);
    const finished = await within(handling, this.options.answerWithinMs);
    if (finished === undefined) return "late";
    return finished ? "handled" : "busy";
  }

  private start(update: Update): Promise<boolean> {
    const id = update.update_id;
    const handling = (async () => {
      try {
        const claim = await this.claim(id);
        if (claim === "busy") return false;
        if (claim === "handle") await this.handleUnderLease(update);
        this.handled.add(id);
        return true;
      } finally {
        this.inFlight.delete(id);
      }
    })();
    this.inFlight.set(id, handling);
    return handling;
  }

  private async handleUnderLease(update: Update): Promise<void> {
    const { shared } = this.options;
    const every = shared?.renewEveryMs;
    const renewal = shared && every ? setInterval(() => void this.guard("renew", update.update_id, () => shared.renew(update.update_id)), every) : undefined;
    renewal?.unref();
    try {
      await this.options.handle(update);
    } finally {
      clearInterval(renewal);
    }
    if (shared) await this.guard("complete", update.update_id, () => shared.complete(update.update_id));
  }

  private async claim(updateId: number): Promise<"handle" | "handled" | "busy"> {
    const { shared } = this.options;
    if (!shared) return "handle";
    // The database away: handle it. A rare second handling (by another instance) beats a lost update.
    return (await this.guard("claim", updateId, () => shared.claim(updateId))) ?? "handle";
  }

  private async guard<T>(step: string, updateId: number, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      const err = error instanceof Error ? error.message : String(error);
      this.options.logger.warn({ update_id: updateId, step, err }, "could not record the update's handling in the database");
      return undefined;
    }
  }
}

/** The promise's value if it settles within `ms`, otherwise undefined. */
async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, ms, undefined)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
