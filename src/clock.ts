/** The current time, injected so that schedules (reminders, retention, back-off) can be tested without waiting. */
export interface Clock {
  now(): Date;
  /**
   * Calls `fire` once `ms` of this clock's time have passed; returns a function that cancels it. A clock whose time
   * tests move (test/helpers/clock.ts) fires it as soon as the move reaches the deadline, so waits computed from
   * `now()` (the outbox's pacing and retry_after pauses) end when the test moves the clock, not after real time.
   * Without it, `clockTimeout` uses a plain timer.
   */
  timeout?(ms: number, fire: () => void): () => void;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * `setTimeout` on the clock's time (see `Clock.timeout`); returns the cancel function. `unref`: the plain timer does
 * not keep the process alive.
 */
export function clockTimeout(clock: Clock, ms: number, fire: () => void, options: { unref?: boolean } = {}): () => void {
  if (clock.timeout) return clock.timeout(ms, fire);
  const timer = setTimeout(fire, Math.max(0, ms));
  if (options.unref) timer.unref();
  return () => clearTimeout(timer);
}
