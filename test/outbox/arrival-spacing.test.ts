import { describe, expect, it } from "vitest";
import { ArrivalSpacing } from "../../src/outbox/arrival-spacing.js";

/** One send leaving at `at` (paced at 100 ms) and answered `roundTripMs` later; returns its id. */
function sendAndAnswer(spacing: ArrivalSpacing, at: number, roundTripMs: number): number {
  const id = spacing.dispatched(at, 100);
  spacing.answered(id, at + roundTripMs, at);
  return id;
}

describe("ArrivalSpacing", () => {
  it("says nothing before the first answer", () => {
    const spacing = new ArrivalSpacing();
    spacing.dispatched(0, 100);
    expect(spacing.nextAt(100)).toBe(-Infinity);
  });

  it("spaces the next send one interval after a send answered as fast as the fastest", () => {
    const spacing = new ArrivalSpacing();
    sendAndAnswer(spacing, 0, 2);
    sendAndAnswer(spacing, 100, 2);
    expect(spacing.nextAt(100)).toBe(200);
  });

  it("waits as much longer as the latest send was answered later than the fastest round trip", () => {
    const spacing = new ArrivalSpacing();
    sendAndAnswer(spacing, 0, 2);
    // Delayed 40 ms on its way: it reached the server at most 40 ms late, so the next leaves 40 ms later.
    sendAndAnswer(spacing, 100, 42);
    expect(spacing.nextAt(100)).toBe(240);
    expect(spacing.fastestRoundTrip).toBe(2);
  });

  it("waits for the latest send's answer when round trips are shorter than the interval, up to a second", () => {
    const spacing = new ArrivalSpacing();
    sendAndAnswer(spacing, 0, 2);
    const id = spacing.dispatched(100, 100);
    expect(spacing.nextAt(100)).toBe(100 + 100 + 1_000);
    spacing.answered(id, 160, 100);
    expect(spacing.nextAt(100)).toBe(100 + 100 + 58);
    // A send answered 5 s late widens the gap by a second at most.
    sendAndAnswer(spacing, 300, 5_000);
    expect(spacing.nextAt(100)).toBe(300 + 100 + 1_000);
  });

  it("does not wait for an answer that cannot be back within an interval anyway (a long round trip)", () => {
    const spacing = new ArrivalSpacing();
    sendAndAnswer(spacing, 0, 120);
    spacing.dispatched(40, 33);
    expect(spacing.nextAt(33)).toBe(73);
  });

  it("only the latest send's answer moves the next send; an earlier one's still teaches the round trip", () => {
    const spacing = new ArrivalSpacing();
    const first = spacing.dispatched(0, 50);
    const second = spacing.dispatched(50, 50);
    spacing.answered(first, 1, 0);
    spacing.answered(second, 90, 50);
    expect(spacing.fastestRoundTrip).toBe(1);
    expect(spacing.nextAt(50)).toBe(50 + 50 + 39);
  });

  it("forgets a fastest round trip two windows of answers old", () => {
    const spacing = new ArrivalSpacing();
    sendAndAnswer(spacing, 0, 1);
    for (let sent = 1; sent < 64; sent++) sendAndAnswer(spacing, sent * 100, 20);
    expect(spacing.fastestRoundTrip).toBe(1);
    for (let sent = 64; sent < 128; sent++) sendAndAnswer(spacing, sent * 100, 20);
    expect(spacing.fastestRoundTrip).toBe(20);
  });

  describe("engaged", () => {
    /** A send leaving at `at` that Telegram refuses after a run of accepted sends (`afterRun`) or not. */
    function refusedAt(spacing: ArrivalSpacing, at: number, afterRun = true): void {
      const id = spacing.dispatched(at, 100);
      spacing.refused(id, afterRun);
      spacing.answered(id, at + 2, at);
    }

    it("by two refusals of sends that left before it would have let them, and not by one", () => {
      const spacing = new ArrivalSpacing();
      sendAndAnswer(spacing, 0, 2);
      sendAndAnswer(spacing, 100, 42); // late: the next may leave at 240
      refusedAt(spacing, 200);
      expect(spacing.engaged).toBe(false);
      sendAndAnswer(spacing, 300, 42);
      refusedAt(spacing, 400);
      expect(spacing.engaged).toBe(true);
    });

    it("forgets it, and what engaged it, after a minute with no send, not before", () => {
      const spacing = new ArrivalSpacing();
      sendAndAnswer(spacing, 0, 2);
      sendAndAnswer(spacing, 100, 42);
      refusedAt(spacing, 200);
      sendAndAnswer(spacing, 300, 42);
      refusedAt(spacing, 400);
      expect(spacing.engaged).toBe(true);
      sendAndAnswer(spacing, 400 + 59_999, 2);
      expect(spacing.engaged).toBe(true);
      const quietAt = 400 + 59_999 + 60_000;
      sendAndAnswer(spacing, quietAt, 42);
      expect(spacing.engaged).toBe(false);
      // The refusals before the quiet minute count no more: one new one does not engage it, a second does.
      refusedAt(spacing, quietAt + 100);
      expect(spacing.engaged).toBe(false);
      sendAndAnswer(spacing, quietAt + 200, 42);
      refusedAt(spacing, quietAt + 300);
      expect(spacing.engaged).toBe(true);
    });

    it("not by refusals of sends that left on time, nor by the start's refusals: a server with a burst", () => {
      const spacing = new ArrivalSpacing();
      sendAndAnswer(spacing, 0, 2);
      // Sent on time and refused: an empty bucket, which no spacing prevents.
      refusedAt(spacing, 100);
      refusedAt(spacing, 200);
      refusedAt(spacing, 300);
      // Early, but refused with the rate far too fast (the start): counts neither way.
      sendAndAnswer(spacing, 400, 42);
      refusedAt(spacing, 500, false);
      expect(spacing.engaged).toBe(false);
      // Two early refusals after runs do not outweigh three on time.
      sendAndAnswer(spacing, 600, 42);
      refusedAt(spacing, 700);
      sendAndAnswer(spacing, 800, 42);
      refusedAt(spacing, 900);
      expect(spacing.engaged).toBe(false);
    });
  });
});
