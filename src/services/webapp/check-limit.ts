import type { Clock } from "../../clock.js";

const WINDOW_MS = 60_000;
/** Above this many tracked writers, windows that have ended are dropped (the map never grows without bound). */
const PRUNE_ABOVE = 10_000;

export type CheckAllowance = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface CheckLimiter {
  /** Counts one check for the writer; refused when it is over the limit of their current minute. */
  take(userId: number): CheckAllowance;
}

/**
 * The editor's check (`api/check`) runs the whole censorship check on up to 48,000 characters per call, so it has a
 * limit of its own, per writer: `perMinute` checks in a minute that starts at the writer's first check (0: no limit).
 * The page asks at most once per pause in typing, so a writer never meets it by writing; a script using the check
 * as a free service does. Counted in memory, per instance (a refused check loses nothing: the page asks again).
 */
export function createCheckLimiter(perMinute: number, clock: Clock): CheckLimiter {
  const windows = new Map<number, { start: number; count: number }>();
  return {
    take(userId) {
      if (perMinute === 0) return { ok: true };
      const now = clock.now().getTime();
      let window = windows.get(userId);
      if (!window || now - window.start >= WINDOW_MS || now < window.start) {
        if (!window && windows.size >= PRUNE_ABOVE) prune(windows, now);
        window = { start: now, count: 0 };
        windows.set(userId, window);
      }
      window.count++;
      if (window.count <= perMinute) return { ok: true };
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000)) };
    },
  };
}

function prune(windows: Map<number, { start: number }>, now: number): void {
  for (const [userId, window] of windows) if (now - window.start >= WINDOW_MS) windows.delete(userId);
}
