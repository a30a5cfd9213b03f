export interface BackoffOptions {
  /** Delay after the first failure; doubles with each further one. */
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 10 * 60_000 };

/**
 * Exponential back-off with "equal jitter": half the delay is fixed so a retry never comes too soon, half is random
 * so many rows failed by one outage do not all come back in the same instant.
 */
export function backoffDelayMs(attempts: number, options: BackoffOptions, random: () => number): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
