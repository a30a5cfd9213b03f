import { describe, expect, it } from "vitest";
import { AdaptiveRate } from "../../src/outbox/adaptive-rate.js";
import { type RateLimit, RateLimiter } from "../../src/outbox/rate-limiter.js";

const TELEGRAM_GLOBAL: RateLimit = { perSecond: 30, burst: 5 };

describe("AdaptiveRate", () => {
  it("keeps the configured rate and burst until Telegram refuses something", () => {
    const rate = new AdaptiveRate({ ceiling: TELEGRAM_GLOBAL });
    for (let sent = 0; sent < 100; sent++) rate.accepted();
    expect(rate.limit).toEqual({ perSecond: 30, burst: 5 });
    expect(rate.adapted).toBe(false);
  });

  it("slows down once per round of refusals and sends no burst after a 429", () => {
    const rate = new AdaptiveRate({ ceiling: TELEGRAM_GLOBAL });
    // The first refusal halves the configured rate.
    rate.refused(1_000, 1_050);
    expect(rate.limit).toEqual({ perSecond: 15, burst: 1 });
    // Sends dispatched before that decrease were refused for the same overload: no second decrease.
    rate.refused(1_010, 1_060);
    rate.refused(1_049, 1_070);
    expect(rate.limit.perSecond).toBe(15);
    // A send made at the lower rate and still refused: slower again, by the gentler factor.
    rate.refused(1_100, 1_150);
    expect(rate.limit.perSecond).toBeCloseTo(12);
    expect(rate.adapted).toBe(true);
  });

  it("never goes below the floor, and climbs back to the configured rate but not past it", () => {
    const rate = new AdaptiveRate({ ceiling: TELEGRAM_GLOBAL, floorPerSecond: 2 });
    for (let round = 0; round < 50; round++) rate.refused(round * 10, round * 10);
    expect(rate.limit.perSecond).toBe(2);
    for (let sent = 0; sent < 100_000; sent++) rate.accepted();
    expect(rate.limit.perSecond).toBe(30);
  });

  it("comes back to just under the refused rate within about a second of sends, then probes slowly", () => {
    const rate = new AdaptiveRate({ ceiling: TELEGRAM_GLOBAL });
    rate.refused(0, 0); // refused at 30/s: now 15/s
    rate.accepted();
    const refusedAt = rate.limit.perSecond;
    rate.refused(100, 100); // refused at ~15/s: now ~12/s
    let sends = 0;
    while (rate.limit.perSecond < refusedAt * 0.95) {
      rate.accepted();
      sends += 1;
    }
    // About a second's worth of sends at ~13/s, not a hundred.
    expect(sends).toBeLessThan(20);
    // Then a second of sends adds about 1 % of the refused rate.
    const atKnee = rate.limit.perSecond;
    for (let sent = 0; sent < 15; sent++) rate.accepted();
    expect(rate.limit.perSecond - atKnee).toBeCloseTo(refusedAt * 0.01, 2);
  });

  it("refuses a decrease outside (0, 1)", () => {
    expect(() => new AdaptiveRate({ ceiling: TELEGRAM_GLOBAL, decrease: 1 })).toThrow(/decrease/);
  });
});

/**
 * The worker's pacing against a Telegram-like server on a manual clock: the server enforces `perSecond` with a
 * token bucket of `burst` (refusing with 429 and a whole-second retry_after, as the fake Bot API does), the worker
 * is configured with Telegram's published 30/s, burst 5. As in the worker, a 429 while an earlier one's retry_after
 * runs pauses every send until it ends; requests take 2–9 ms to arrive.
 */
function simulate(server: RateLimit, adaptive: boolean, seconds = 60) {
  const rate = new AdaptiveRate({ ceiling: TELEGRAM_GLOBAL });
  const limiter = new RateLimiter<number>(TELEGRAM_GLOBAL);
  let tokens = server.burst;
  let refilledAt = 0;
  let seed = 7;
  const latency = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return 2 + (seed % 8);
  };
  let accepted = 0;
  let refusedUntil = -Infinity;
  let now = 0;
  const sendTimes: number[] = [];
  let firstRefusal: number | undefined;
  let sentDuringPause = 0;
  let pausedUntil = -Infinity;
  while (now < seconds * 1000) {
    now = Math.max(now, limiter.availableAt(0, now));
    if (now < pausedUntil) sentDuringPause += 1;
    limiter.take(0, now);
    sendTimes.push(now);
    const arrives = now + latency();
    tokens = Math.min(server.burst, tokens + ((arrives - refilledAt) / 1000) * server.perSecond);
    refilledAt = arrives;
    const answered = arrives + latency();
    if (tokens >= 1) {
      tokens -= 1;
      accepted += 1;
      if (adaptive) rate.accepted();
    } else {
      firstRefusal ??= now;
      const until = answered + Math.max(1, Math.ceil((1 - tokens) / server.perSecond)) * 1000;
      if (refusedUntil > answered) {
        limiter.pause(0, until);
        pausedUntil = Math.max(pausedUntil, until);
      }
      refusedUntil = until;
      if (adaptive) rate.refused(now, answered);
    }
    if (adaptive) limiter.retune(rate.limit);
    now += 1; // the event loop's turn between sends
  }
  const gapsAfterRefusal = sendTimes.flatMap((time, index) =>
    index > 0 && firstRefusal !== undefined && sendTimes[index - 1]! > firstRefusal ? [time - sendTimes[index - 1]!] : [],
  );
  return { ratio: accepted / seconds / server.perSecond, shortestGap: Math.min(...gapsAfterRefusal), sentDuringPause };
}

describe("adaptive pacing against a strict limiter (simulated, manual clock)", () => {
  it("reaches at least 0.9 of a no-burst 10/s limit where fixed pacing reaches a fraction of it", () => {
    const strict = { perSecond: 10, burst: 1 };
    const fixed = simulate(strict, false);
    const adaptive = simulate(strict, true);
    expect(fixed.ratio).toBeLessThan(0.5);
    expect(adaptive.ratio).toBeGreaterThanOrEqual(0.9);
    // After the first 429 sends are spaced, never a burst (30/s is the fastest the configured limit allows).
    expect(adaptive.shortestGap).toBeGreaterThanOrEqual(1000 / 30);
    expect(adaptive.sentDuringPause).toBe(0);
  });

  it("reaches at least 0.95 of a 10/s limit with a burst of 10", () => {
    const withBurst = { perSecond: 10, burst: 10 };
    expect(simulate(withBurst, true).ratio).toBeGreaterThanOrEqual(0.95);
  });
});
