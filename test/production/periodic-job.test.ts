import { afterEach, describe, expect, it, vi } from "vitest";
import { createPeriodicJob } from "../../src/services/periodic-job.js";

/** A pass that records the "clock" it read when it began and finishes only when the test lets it. */
function gatedPasses() {
  let clock = 0;
  const began: number[] = [];
  const gates: Array<() => void> = [];
  return {
    setClock: (value: number) => {
      clock = value;
    },
    began,
    release: () => gates.shift()?.(),
    pass: () =>
      new Promise<number>((resolve) => {
        const at = clock;
        began.push(at);
        gates.push(() => resolve(at));
      }),
  };
}

describe("periodic jobs: passes in order", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runOnce during a pass waits for it, then runs a fresh pass that reads the clock as it is now", async () => {
    const passes = gatedPasses();
    const job = createPeriodicJob({ pass: passes.pass, intervalMs: 0, onError: () => undefined });
    const first = job.runOnce();
    await vi.waitFor(() => expect(passes.began).toEqual([0]));
    passes.setClock(5);
    const second = job.runOnce();
    for (let turn = 0; turn < 10; turn++) await Promise.resolve();
    // Not a second pass beside the first, and not the first pass's result handed out again.
    expect(passes.began).toEqual([0]);
    passes.release();
    expect(await first).toBe(0);
    await vi.waitFor(() => expect(passes.began).toEqual([0, 5]));
    passes.release();
    expect(await second).toBe(5);
  });

  it("a failed pass fails its caller only; the next pass still runs", async () => {
    let calls = 0;
    const job = createPeriodicJob({
      pass: async () => {
        calls += 1;
        if (calls === 1) throw new Error("database gone");
        return calls;
      },
      intervalMs: 0,
      onError: () => undefined,
    });
    const failing = job.runOnce();
    const next = job.runOnce();
    await expect(failing).rejects.toThrow("database gone");
    expect(await next).toBe(2);
  });

  it("the timer runs a pass every interval after the last one ended, reports its failures and stops for good", async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let calls = 0;
    const job = createPeriodicJob({
      pass: async () => {
        calls += 1;
        if (calls === 2) throw new Error("once");
      },
      intervalMs: 1_000,
      onError: (error) => errors.push(error),
    });
    job.start();
    job.start();
    expect(calls).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(3);
    await job.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toBe(3);
    // Stopped, runOnce still runs a pass (the test harness drives a stopped news scheduler this way).
    await job.runOnce();
    expect(calls).toBe(4);
  });

  it("runAtStart runs the first pass at once; an interval of 0 never starts the timer", async () => {
    vi.useFakeTimers();
    let eager = 0;
    createPeriodicJob({ pass: async () => void (eager += 1), intervalMs: 60_000, runAtStart: true, onError: () => undefined }).start();
    await vi.advanceTimersByTimeAsync(0);
    expect(eager).toBe(1);
    let off = 0;
    const disabled = createPeriodicJob({ pass: async () => void (off += 1), intervalMs: 0, runAtStart: true, onError: () => undefined });
    disabled.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(off).toBe(0);
  });

  it("stop waits for the pass in progress", async () => {
    const passes = gatedPasses();
    const job = createPeriodicJob({ pass: passes.pass, intervalMs: 0, onError: () => undefined });
    void job.runOnce();
    await vi.waitFor(() => expect(passes.began).toEqual([0]));
    let stopped = false;
    const stopping = job.stop().then(() => {
      stopped = true;
    });
    for (let turn = 0; turn < 10; turn++) await Promise.resolve();
    expect(stopped).toBe(false);
    passes.release();
    await stopping;
    expect(stopped).toBe(true);
  });
});
