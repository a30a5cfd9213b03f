import type { Clock } from "../../src/clock.js";

/** How long the process must have been busy elsewhere before runTimersDuring moves the clock (real milliseconds). */
const QUIET_MS = 5;

interface PendingTimer {
  at: number;
  fire: () => void;
  real: NodeJS.Timeout;
}

/**
 * Real time shifted by an offset the test controls, so schedules can be fast-forwarded without sleeping. Timers set
 * through `timeout` (the outbox's pacing and retry_after pauses) fire when their deadline passes on this clock: after
 * the real time, or at once when the test moves the clock past it.
 */
export class TestClock implements Clock {
  private offsetMs = 0;
  private readonly timers = new Set<PendingTimer>();

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
    this.fireDue();
  }

  set(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
    this.fireDue();
  }

  timeout(ms: number, fire: () => void): () => void {
    const timer: PendingTimer = {
      at: this.now().getTime() + ms,
      fire,
      real: setTimeout(() => this.fireOne(timer), Math.max(0, ms)),
    };
    this.timers.add(timer);
    return () => {
      clearTimeout(timer.real);
      this.timers.delete(timer);
    };
  }

  /**
   * Waits for `work` without waiting in real time for the deadlines it waits for on this clock (a retry_after pause,
   * the pacing, the news scheduler's next pass): whenever the process has been quiet for a moment and a timer is
   * pending, the clock moves to the earliest deadline, as if that time had passed.
   */
  async runTimersDuring<T>(work: Promise<T>): Promise<T> {
    let done = false;
    const result = work.finally(() => {
      done = true;
    });
    result.catch(() => undefined);
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
      if (done) break;
      const earliest = Math.min(...[...this.timers].map((timer) => timer.at));
      if (Number.isFinite(earliest) && earliest > this.now().getTime()) this.set(new Date(earliest));
    }
    return result;
  }

  private fireOne(timer: PendingTimer): void {
    if (!this.timers.delete(timer)) return;
    clearTimeout(timer.real);
    timer.fire();
  }

  private fireDue(): void {
    const now = this.now().getTime();
    for (const timer of [...this.timers]) if (timer.at <= now) this.fireOne(timer);
  }
}
