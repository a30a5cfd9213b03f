/**
 * Lets the worker's loop wait for "something changed" (a send finished, `wake()`, `stop()`) or for a deadline its
 * rate limiter computed, whichever comes first. Not a blind sleep: every wait has a reason and ends early on news.
 */
export class Notifier {
  private waiters: (() => void)[] = [];

  /** Resolves on the next `notify()`, or after `ms` when given. */
  wait(ms?: number): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        if (timer) clearTimeout(timer);
        resolve();
      };
      this.waiters.push(done);
      if (ms !== undefined) {
        timer = setTimeout(() => {
          this.waiters = this.waiters.filter((waiter) => waiter !== done);
          resolve();
        }, Math.max(0, ms));
      }
    });
  }

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}
