import { describe, expect, it } from "vitest";
import type { Clock } from "../../src/clock.js";
import { type CheckDraftAhead, ChecksAhead } from "../../src/services/letters/check-ahead.js";
import { createLogger } from "../../src/logger.js";

/** A clock whose timers fire only when the test moves it. */
class ManualClock implements Clock {
  private at = 0;
  private readonly timers = new Set<{ at: number; fire: () => void }>();
  now(): Date {
    return new Date(this.at);
  }
  timeout(ms: number, fire: () => void): () => void {
    const timer = { at: this.at + ms, fire };
    this.timers.add(timer);
    return () => this.timers.delete(timer);
  }
  advance(ms: number): void {
    this.at += ms;
    for (const timer of [...this.timers].sort((a, b) => a.at - b.at)) {
      if (timer.at > this.at) continue;
      this.timers.delete(timer);
      timer.fire();
    }
  }
  armed(): number {
    return this.timers.size;
  }
}

const SETTINGS = { idleMs: 2_000, minCharacters: 3_000, minMessage: 2_000, memory: { characters: 100_000, writers: 10 } };

function scheduler(job: CheckDraftAhead = async () => undefined, logs: string[] = []) {
  const clock = new ManualClock();
  const runs: { writerId: number; slug: string; current: () => boolean }[] = [];
  const ahead = new ChecksAhead(
    { clock, logger: createLogger("warn", { write: (line: string) => logs.push(line) }) },
    async (input) => {
      runs.push(input);
      await job(input);
    },
    SETTINGS,
  );
  return { clock, ahead, runs };
}

describe("ChecksAhead: the check of a long draft runs once its writer pauses", () => {
  it("runs after the idle time that follows a message, not before, once", () => {
    const { clock, ahead, runs } = scheduler();
    ahead.saved(1, "kagarlitsky-boris", { draft: 3_000, message: 2_000 });
    clock.advance(1_999);
    expect(runs).toHaveLength(0);
    clock.advance(1);
    expect(runs.map(({ writerId, slug }) => [writerId, slug])).toEqual([[1, "kagarlitsky-boris"]]);
    clock.advance(10_000);
    expect(runs).toHaveLength(1);
  });

  it("waits again from each new message of the writer, and other writers' messages do not move it", () => {
    const { clock, ahead, runs } = scheduler();
    ahead.saved(1, "a", { draft: 4_000, message: 2_000 });
    clock.advance(1_000);
    ahead.saved(2, "b", { draft: 4_000, message: 2_000 });
    clock.advance(500);
    ahead.saved(1, "a", { draft: 5_000, message: 2_000 });
    clock.advance(1_500);
    expect(runs.map((run) => run.writerId)).toEqual([2]);
    clock.advance(500);
    expect(runs.map((run) => run.writerId)).toEqual([2, 1]);
    expect(clock.armed()).toBe(0);
  });

  it("arms nothing after a typed paragraph, however long the draft: only after a long message or a paste's piece", () => {
    const { clock, ahead, runs } = scheduler();
    ahead.saved(1, "a", { draft: 12_000, message: 2_000 });
    ahead.saved(1, "a", { draft: 13_999, message: 1_999 });
    expect(clock.armed()).toBe(0);
    ahead.saved(1, "a", { message: "paste" });
    ahead.saved(2, "b", { draft: 4_000, message: 4_000 });
    clock.advance(2_000);
    expect(runs.map((run) => run.writerId)).toEqual([1, 2]);
  });

  it("arms nothing for a draft shorter than the threshold; arms when the length is not known (a paste's piece)", () => {
    const { clock, ahead, runs } = scheduler();
    ahead.saved(1, "a", { draft: 2_999, message: 2_000 });
    expect(clock.armed()).toBe(0);
    ahead.saved(1, "a", { message: "paste" });
    clock.advance(2_000);
    expect(runs).toHaveLength(1);
  });

  it("is cancelled by another update of the writer (\"Done\", a button), and a shorter draft cancels the earlier timer", () => {
    const { clock, ahead, runs } = scheduler();
    ahead.saved(1, "a", { draft: 4_000, message: 2_000 });
    ahead.cancel(1);
    ahead.saved(2, "b", { draft: 4_000, message: 2_000 });
    ahead.saved(2, "b", { draft: 100, message: 2_000 });
    clock.advance(5_000);
    expect(runs).toHaveLength(0);
    expect(ahead.pending()).toBe(0);
  });

  it("tells a check under way that it is no longer current when the writer sends something meanwhile", async () => {
    let release: () => void = () => undefined;
    const { clock, ahead, runs } = scheduler(() => new Promise<void>((resolve) => (release = resolve)));
    ahead.saved(1, "a", { draft: 4_000, message: 2_000 });
    clock.advance(2_000);
    expect(runs[0]?.current()).toBe(true);
    ahead.saved(1, "a", { draft: 4_100, message: 2_000 });
    expect(runs[0]?.current()).toBe(false);
    release();
    await ahead.settled();
    expect(ahead.pending()).toBe(1);
    ahead.cancel(1);
    clock.advance(2_000);
    expect(runs).toHaveLength(1);
  });

  it("stops: timers dropped, the check under way awaited and told it is no longer current, nothing armed after", async () => {
    let release: () => void = () => undefined;
    let ended = false;
    const { clock, ahead, runs } = scheduler(async () => {
      await new Promise<void>((resolve) => (release = resolve));
      ended = true;
    });
    ahead.saved(1, "a", { draft: 4_000, message: 2_000 });
    ahead.saved(2, "b", { draft: 4_000, message: 2_000 });
    clock.advance(1_000);
    ahead.saved(1, "a", { draft: 4_000, message: 2_000 });
    clock.advance(1_000);
    expect(runs.map((run) => run.writerId)).toEqual([2]);
    const stopped = ahead.stop();
    expect(runs[0]?.current()).toBe(false);
    release();
    await stopped;
    expect(ended).toBe(true);
    ahead.saved(3, "c", { draft: 4_000, message: 2_000 });
    clock.advance(10_000);
    expect(runs).toHaveLength(1);
    expect(ahead.pending()).toBe(0);
  });

  it("a failed check is logged without the letter and leaves the writer free to be checked again", async () => {
    const logs: string[] = [];
    const { clock, ahead, runs } = scheduler(() => Promise.reject(new Error("database is closed")), logs);
    ahead.saved(1, "a", { draft: 4_000, message: 2_000 });
    clock.advance(2_000);
    await ahead.settled();
    expect(logs.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(["check ahead failed"]);
    expect(ahead.pending()).toBe(0);
    ahead.saved(1, "a", { draft: 4_000, message: 2_000 });
    clock.advance(2_000);
    await ahead.settled();
    expect(runs).toHaveLength(2);
  });
});

describe("ChecksAhead and its memory", () => {
  it("a new message lets go of the check kept for the writer's draft before it", () => {
    const { ahead } = scheduler();
    const text = "Абзац.";
    ahead.memory.keep(1, { text, options: { system: "ru", status: "sentenced" }, result: {} as never });
    ahead.memory.keep(2, { text, options: { system: "ru", status: "sentenced" }, result: {} as never });
    ahead.saved(1, "a", { draft: 100, message: 2_000 });
    expect(ahead.memory.size().writers).toBe(1);
    expect(ahead.memory.take(2, text, { system: "ru", status: "sentenced" })).toBeDefined();
  });
});
