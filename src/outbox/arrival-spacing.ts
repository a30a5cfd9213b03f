/** Answers kept per window for the fastest round trip; the fastest of the last one to two windows counts. */
const WINDOW = 64;
/** Longest extra wait for one late send: a refusal would cost about this (Telegram's shortest retry_after). */
const MAX_EXTRA_WAIT_MS = 1_000;

/**
 * A server with no burst refuses a send that reaches it less than an interval after the one before, and two sends
 * spaced right when they leave can reach it closer than that: on a loaded host one request in a few dozen is
 * delayed 10–70 ms on its way (the next one not), and every such pair drew a 429 (bench:broadcast's timeline, issue
 * 14, z33f). The answer tells: a send answered later than the fastest round trip reached the server at most that
 * much later, so the next one waits that much longer. A send still unanswered when the next is due is late by an
 * unknown amount: the next waits for its answer (up to a second) unless round trips are longer than the interval.
 *
 * Pure: the caller passes its clock's time.
 */
export class ArrivalSpacing {
  private latest: { id: number; at: number; answeredAt: number | undefined } | undefined;
  private nextId = 1;
  private windowMin = Infinity;
  private previousWindowMin = Infinity;
  private windowCount = 0;

  /** A send left at `now`; returns its id for `answered`. */
  dispatched(now: number): number {
    const id = this.nextId++;
    this.latest = { id, at: now, answeredAt: undefined };
    return id;
  }

  /** The send `id` was answered (accepted, refused or failed) at `now`. */
  answered(id: number, now: number, dispatchedAt: number): void {
    this.noteRoundTrip(now - dispatchedAt);
    if (this.latest?.id === id) this.latest.answeredAt = now;
  }

  /** The earliest time the next send may leave so that it reaches the server `intervalMs` after the latest one. */
  nextAt(intervalMs: number): number {
    const latest = this.latest;
    const fastest = this.fastestRoundTrip;
    if (latest === undefined || fastest === undefined) return -Infinity;
    if (latest.answeredAt === undefined) return latest.at + intervalMs + (fastest >= intervalMs ? 0 : MAX_EXTRA_WAIT_MS);
    const late = latest.answeredAt - latest.at - fastest;
    return latest.at + intervalMs + Math.min(MAX_EXTRA_WAIT_MS, Math.max(0, late));
  }

  /** The fastest round trip of the last one to two windows of answers; undefined before the first answer. */
  get fastestRoundTrip(): number | undefined {
    const fastest = Math.min(this.windowMin, this.previousWindowMin);
    return fastest === Infinity ? undefined : fastest;
  }

  private noteRoundTrip(ms: number): void {
    this.windowMin = Math.min(this.windowMin, ms);
    if (++this.windowCount < WINDOW) return;
    // A path that got slower for good stops counting its old fastest after two windows.
    this.previousWindowMin = this.windowMin;
    this.windowMin = Infinity;
    this.windowCount = 0;
  }
}
