import { describe, expect, it } from "vitest";
import { bisectRate, MID_TIER_PHONE_INDEX } from "../helpers/cpu-calibration.js";

/** A machine whose benchmark score falls in inverse proportion to the throttling rate, as DevTools' throttling does. */
const machine = (unthrottled: number) => {
  const asked: number[] = [];
  return { asked, score: async (rate: number) => (asked.push(rate), unthrottled / rate) };
};

describe("the CPU calibration's bisection (bench:webapp --cpu=calibrated)", () => {
  it("finds the rate at which a machine scoring 2,400 scores a mid-tier phone's 1,000: 2.4×", async () => {
    const { score, asked } = machine(2400);
    const rate = await bisectRate(MID_TIER_PHONE_INDEX, score, 1, (2400 / MID_TIER_PHONE_INDEX) * 1.5);
    expect(Math.abs(2400 / rate - MID_TIER_PHONE_INDEX)).toBeLessThan(10);
    expect(rate).toBeCloseTo(2.4, 1);
    expect(asked.length).toBeLessThanOrEqual(8);
  });

  it("keeps two decimals of a rate, as the throttling agent does", async () => {
    const { score, asked } = machine(3333);
    await bisectRate(MID_TIER_PHONE_INDEX, score, 1, 5);
    for (const rate of asked) expect(rate).toBe(Number(rate.toFixed(2)));
  });

  it("stops after eight scores when none comes within 10 points, at the rate whose score came closest", async () => {
    // A machine whose score jumps over the target at 2×, and one noisy score (at 2.5×, the first tried) that is nearly
    // right: the bisection goes on from it, and it is still the closest.
    const scores = new Map<number, number>();
    const score = async (rate: number) => {
      const measured = rate === 2.5 ? 1014.5 : rate < 2 ? 1100 : 900;
      scores.set(rate, measured);
      return measured;
    };
    const rate = await bisectRate(1000, score, 1, 4);
    expect(scores.size).toBe(8);
    const misses = [...scores].map(([tried, measured]) => ({ tried, miss: Math.abs(measured - 1000) }));
    expect(rate).toBe(misses.sort((a, b) => a.miss - b.miss)[0]!.tried);
    expect(rate).toBe(2.5);
  });
});
