/** Answers kept per window for the fastest round trip; the fastest of the last one to two windows counts. */
const WINDOW = 64;
/** Longest extra wait for one late send: a refusal would cost about this (Telegram's shortest retry_after). */
const MAX_EXTRA_WAIT_MS = 1_000;
/**
 * No send for this long forgets the engagement and its evidence: it was learnt from one server's bucket and one
 * host's load during one run of sends, and any bucket is full again after a quiet minute. Within a run of sends it
 * stays: spaced sends draw no 429s that it would prevent, so "no such 429 for a while" would switch it off exactly
 * where it works, and two 429s later on again (see the class comment).
 */
const QUIET_MS = 60_000;

/**
 * A server with no burst refuses a send that reaches it less than an interval after the one before, and two sends
 * spaced right when they leave can reach it closer than that: on a loaded host one request in a few dozen is
 * delayed 10–70 ms on its way (the next one not), and every such pair drew a 429 (bench:broadcast's timeline, issue
 * 14, z33f). The answer tells: a send answered later than the fastest round trip reached the server at most that
 * much later, so the next one waits that much longer. A send still unanswered when the next is due is late by an
 * unknown amount: the next waits for its answer (up to a second) unless round trips are longer than the interval.
 *
 * Against a server with a burst these waits are pure cost (one run under a CPU hog fell from 0.95 to 0.68 of its
 * limit), so the spacing is `engaged` only by 429s it would have prevented: the refused send left before `nextAt`,
 * after a run of accepted sends. Against a no-burst server nearly every 429 after the start is such one; against a
 * burst server one in dozens is, by chance (it refuses when its bucket is empty, however the sends are spaced): so it
 * takes two of them, and more of them than of refusals the spacing would not have prevented. (A rate "sustained"
 * 20 sends in a row does not tell them apart: jitter 429s can come every 20 sends, and a burst server sustains a
 * rate above its limit until its bucket is empty.) A minute with no send forgets it all (QUIET_MS): the next run of
 * sends, against a server that may have changed, earns the spacing again by two such 429s.
 *
 * Pure: the caller passes its clock's time.
 */
export class ArrivalSpacing {
  private latest: { id: number; at: number; answeredAt: number | undefined } | undefined;
  private nextId = 1;
  private windowMin = Infinity;
  private previousWindowMin = Infinity;
  private windowCount = 0;
  /** Sends in flight that left before the spacing would have let them (at most the worker's concurrency). */
  private readonly early = new Set<number>();
  private preventable = 0;
  private unpreventable = 0;
  private isEngaged = false;

  /** A send left at `now`, paced at `intervalMs`; returns its id for `answered` and `refused`. */
  dispatched(now: number, intervalMs: number): number {
    if (this.latest !== undefined && now - this.latest.at >= QUIET_MS) this.forget();
    const early = this.nextAt(intervalMs) > now;
    const id = this.nextId++;
    if (early) this.early.add(id);
    this.latest = { id, at: now, answeredAt: undefined };
    return id;
  }

  /** The send `id` was answered (accepted, refused or failed) at `now`. */
  answered(id: number, now: number, dispatchedAt: number): void {
    this.early.delete(id);
    this.noteRoundTrip(now - dispatchedAt);
    if (this.latest?.id === id) this.latest.answeredAt = now;
  }

  /**
   * The send `id` drew a 429 (call before its `answered`). `afterRun`: after a run of accepted sends at the rate;
   * other refusals (the start's, a rate far too fast) are the limit, which no spacing prevents, and count neither way.
   */
  refused(id: number, afterRun: boolean): void {
    if (!afterRun) return;
    if (this.early.has(id)) this.preventable += 1;
    else this.unpreventable += 1;
    if (this.preventable >= 2 && this.preventable > this.unpreventable) this.isEngaged = true;
  }

  /** True once 429s came that the spacing would have prevented (see the class comment): then pace by `nextAt`. */
  get engaged(): boolean {
    return this.isEngaged;
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

  private forget(): void {
    this.isEngaged = false;
    this.preventable = 0;
    this.unpreventable = 0;
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
