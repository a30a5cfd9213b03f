import { type Clock, clockTimeout, systemClock } from "../clock.js";

/**
 * The one scaffold of Lysty's periodic jobs (news scheduler, retention, directory sync): a timer that runs a pass every
 * `intervalMs`, and `runOnce()` for tests and scripts. Passes run in order, one at a time: `runOnce()` always runs a
 * fresh pass after any pass in progress, so what it returns describes the moment it was asked for (a test that moved
 * the clock never gets a pass that read the clock before). The timer waits `intervalMs` after a pass ends before the
 * next, so a slow pass never queues others behind it.
 */
export interface PeriodicJob<T> {
  /** Starts the timer (nothing when `intervalMs` is 0 or less: the job is off, `runOnce()` still works). */
  start(): void;
  /** Stops the timer and waits for the passes asked for so far. `runOnce()` still works afterwards. */
  stop(): Promise<void>;
  /** A fresh pass now, after any pass in progress. */
  runOnce(): Promise<T>;
}

export interface PeriodicJobOptions<T> {
  pass(): Promise<T>;
  intervalMs: number;
  /**
   * Times the interval on this clock (a test that moves it runs the next pass at once, as if the time had passed);
   * without it, on wall time. The news scheduler follows the clock; retention and the directory sync, whose intervals
   * are hours of operations, use wall time.
   */
  clock?: Clock;
  /** Runs a pass as soon as the job starts, not one interval later. */
  runAtStart?: boolean;
  /** A pass the timer started failed (a `runOnce()` caller gets its own failure). */
  onError(error: unknown): void;
}

export function createPeriodicJob<T>(options: PeriodicJobOptions<T>): PeriodicJob<T> {
  let cancelTimer: (() => void) | undefined;
  let started = false;
  // The newest pass asked for; each new pass begins after it has settled.
  let latest: Promise<unknown> = Promise.resolve();

  const runOnce = (): Promise<T> => {
    const current = latest.then(() => options.pass());
    latest = current.catch(() => undefined);
    return current;
  };

  const tick = () => {
    cancelTimer = undefined;
    runOnce()
      .catch(options.onError)
      .finally(() => {
        if (started && !cancelTimer) schedule();
      });
  };

  const schedule = () => {
    cancelTimer = clockTimeout(options.clock ?? systemClock, options.intervalMs, tick, { unref: true });
  };

  return {
    start() {
      if (started || options.intervalMs <= 0) return;
      started = true;
      if (options.runAtStart) tick();
      else if (!cancelTimer) schedule();
    },
    async stop() {
      started = false;
      cancelTimer?.();
      cancelTimer = undefined;
      await latest;
    },
    runOnce,
  };
}
