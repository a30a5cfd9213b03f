import { describe, expect, it } from "vitest";
import { ArrivalSpacing } from "../../src/outbox/arrival-spacing.js";

/** One send leaving at `at` and answered `roundTripMs` later; returns its id. */
function sendAndAnswer(spacing: ArrivalSpacing, at: number, roundTripMs: number): number {
  const id = spacing.dispatched(at);
  spacing.answered(id, at + roundTripMs, at);
  return id;
}

describe("ArrivalSpacing", () => {
  it("says nothing before the first answer", () => {
    const spacing = new ArrivalSpacing();
    spacing.dispatched(0);
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
    const id = spacing.dispatched(100);
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
    spacing.dispatched(40);
    expect(spacing.nextAt(33)).toBe(73);
  });

  it("only the latest send's answer moves the next send; an earlier one's still teaches the round trip", () => {
    const spacing = new ArrivalSpacing();
    const first = spacing.dispatched(0);
    const second = spacing.dispatched(50);
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
});
