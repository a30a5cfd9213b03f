/**
 * What the organiser's progress message says while a broadcast runs: counts and an estimate of the time left from
 * the rate observed so far (Telegram's limits, 429 pauses and retries all show up in it).
 */
export interface BroadcastCounts {
  total: number;
  sent: number;
  failed: number;
  /** Pending, being sent, or held. */
  waiting: number;
}

/** Before anything was sent the estimate assumes the outbox's global pace, about 30 messages a second. */
const ASSUMED_PER_SECOND = 30;

/** Seconds until the broadcast should end, rounded up; 0 when nothing is left. */
export function secondsLeft(counts: BroadcastCounts, elapsedMs: number): number {
  if (counts.waiting === 0) return 0;
  const done = counts.sent + counts.failed;
  const perSecond = done > 0 && elapsedMs > 0 ? (done * 1000) / elapsedMs : ASSUMED_PER_SECOND;
  return Math.max(1, Math.ceil(counts.waiting / perSecond));
}

/** «about 40 s» or «about 3 min»: a number and the unit its Fluent message takes. */
export function roundedDuration(seconds: number): { unit: "seconds" | "minutes"; value: number } {
  if (seconds < 90) return { unit: "seconds", value: Math.max(1, Math.ceil(seconds)) };
  return { unit: "minutes", value: Math.ceil(seconds / 60) };
}
