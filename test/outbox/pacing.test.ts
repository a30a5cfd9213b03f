import { describe, expect, it } from "vitest";
import { backoffDelayMs } from "../../src/outbox/backoff.js";
import { ChatQueues } from "../../src/outbox/chat-queues.js";
import { RateLimiter } from "../../src/outbox/rate-limiter.js";
import type { OutboxRow } from "../../src/outbox/types.js";

describe("RateLimiter (token bucket as GCRA)", () => {
  it("lets a burst through at once, then one send per interval", () => {
    const limiter = new RateLimiter<number>({ perSecond: 10, burst: 3 });
    const at = 1_000_000;
    const allowed: number[] = [];
    let now = at;
    for (let sent = 0; sent < 6; sent++) {
      now = Math.max(now, limiter.availableAt(1, now));
      allowed.push(now - at);
      limiter.take(1, now);
    }
    expect(allowed).toEqual([0, 0, 0, 100, 200, 300]);
  });

  it("never allows more than burst + rate × time in any window", () => {
    const limiter = new RateLimiter<number>({ perSecond: 20, burst: 5 });
    const sends: number[] = [];
    let now = 0;
    // Greedy sender asking every 7 ms for 3 seconds.
    for (; now < 3000; now += 7) {
      if (limiter.availableAt(1, now) <= now) {
        limiter.take(1, now);
        sends.push(now);
      }
    }
    for (const start of sends) {
      const inWindow = sends.filter((time) => time >= start && time < start + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(5 + 20);
    }
    expect(sends.length).toBeGreaterThanOrEqual(20 * 3);
  });

  it("keeps keys apart, honours a pause and forgets idle keys", () => {
    const limiter = new RateLimiter<number>({ perSecond: 1, burst: 1 });
    limiter.take(1, 0);
    expect(limiter.availableAt(1, 0)).toBe(1000);
    expect(limiter.availableAt(2, 0)).toBe(0);
    limiter.pause(2, 30_000);
    expect(limiter.availableAt(2, 0)).toBe(30_000);
    limiter.prune(2000);
    expect(limiter.size).toBe(1);
    limiter.prune(30_000);
    expect(limiter.size).toBe(0);
  });

  it("without a limit never delays, but still pauses", () => {
    const limiter = new RateLimiter<number>(null);
    for (let sent = 0; sent < 100; sent++) limiter.take(1, 5);
    expect(limiter.availableAt(1, 5)).toBe(5);
    limiter.pause(1, 9);
    expect(limiter.availableAt(1, 5)).toBe(9);
  });
});

describe("backoffDelayMs", () => {
  const options = { baseMs: 1000, maxMs: 60_000 };

  it("doubles per attempt within [ceiling/2, ceiling] and stops at the cap", () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, options, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, options, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelayMs(30, options, () => 1)).toBe(60_000);
    expect(backoffDelayMs(30, options, () => 0)).toBe(30_000);
  });
});

describe("ChatQueues", () => {
  const row = (id: number, chatId: number) => ({ id, chat_id: chatId }) as OutboxRow;

  it("hands chats out in claim order, one send per chat at a time, each chat's rows in order", () => {
    const queues = new ChatQueues();
    [row(1, 10), row(2, 20), row(3, 10), row(4, 30)].forEach((r) => queues.add(r));
    const order: number[] = [];
    const busy: number[] = [];
    for (let chat = queues.nextReady(0); chat !== undefined; chat = queues.nextReady(0)) {
      const started = queues.startSend(chat);
      if (started) order.push(started.id);
      busy.push(chat);
    }
    // Chat 10's second row waits until its first is finished.
    expect(order).toEqual([1, 2, 4]);
    expect(queues.size).toBe(1);
    queues.finished(10);
    const next = queues.nextReady(0);
    expect(next).toBe(10);
    expect(queues.startSend(10)?.id).toBe(3);
    expect(busy).toEqual([10, 20, 30]);
  });

  it("parks a delayed chat until its time and can hand everything back", () => {
    const queues = new ChatQueues();
    [row(1, 10), row(2, 20)].forEach((r) => queues.add(r));
    const first = queues.nextReady(0);
    expect(first).toBe(10);
    queues.delay(10, 500);
    expect(queues.nextReady(100)).toBe(20);
    expect(queues.nextReady(100)).toBeUndefined();
    expect(queues.nextDelayedAt()).toBe(500);
    expect(queues.nextReady(500)).toBe(10);
    queues.putBack(10);
    expect(queues.takeAll().map((r) => r.id).sort()).toEqual([1, 2]);
    expect(queues.size).toBe(0);
    expect(queues.nextReady(1000)).toBeUndefined();
  });
});
