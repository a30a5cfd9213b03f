import { type Clock, clockTimeout, systemClock } from "../clock.js";

/**
 * Lets the worker's loop wait for "something changed" (a send finished, `wake()`, `stop()`) or for a deadline its
 * rate limiter computed, whichever comes first. Not a blind sleep: every wait has a reason and ends early on news.
 * Deadlines are on the injected clock, so a test that moves the clock ends a rate-limit pause at once.
 */
export class Notifier {
  private waiters: (() => void)[] = [];

  constructor(private readonly clock: Clock = systemClock) {}

  /** Resolves on the next `notify()`, or after `ms` of the clock's time when given. */
  wait(ms?: number): Promise<void> {
    return new Promise((resolve) => {
      let cancel: (() => void) | undefined;
      const done = () => {
        cancel?.();
        resolve();
      };
      this.waiters.push(done);
      if (ms !== undefined) {
        cancel = clockTimeout(this.clock, Math.max(0, ms), () => {
          this.waiters = this.waiters.filter((waiter) => waiter !== done);
          resolve();
        });
      }
    });
  }

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}
