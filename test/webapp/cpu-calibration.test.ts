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

  it("stops after eight scores when the target cannot be met within 10 points, at the last rate tried", async () => {
    // A score that jumps over the target: never within 10 points of it.
    const asked: number[] = [];
    const rate = await bisectRate(1000, async (r) => (asked.push(r), r < 2 ? 1100 : 900), 1, 3);
    expect(asked).toHaveLength(8);
    expect(rate).toBe(asked.at(-1));
    expect(rate).toBeGreaterThan(1.9);
    expect(rate).toBeLessThan(2.1);
  });
});
