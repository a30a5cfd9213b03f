import type { Browser, Page } from "playwright-core";

/**
 * A calibrated mid-range phone: the CPU throttling rate at which this machine's browser scores what a mid-tier phone
 * scores on Lighthouse's BenchmarkIndex, found in the same run, as Chrome DevTools' "calibrated" CPU presets find it
 * (chrome-devtools-frontend `panels/mobile_throttling/CalibrationController.ts`): the benchmark's score unthrottled
 * first (this machine's index), then a bisection of the rate until the score is within 10 points of the target.
 *
 * The fixed 4× of Lighthouse's mobile profile assumes a desktop that scores ~4 times a mid-tier phone: on a slower or
 * busier machine 4× is a slower phone than intended, on a faster one a faster phone. The calibrated rate says which
 * phone a figure is about; both are printed, labelled, never one in place of the other.
 */

/** DevTools' target for its "mid-tier mobile" preset: the BenchmarkIndex of a Pixel 5. */
export const MID_TIER_PHONE_INDEX = 1000;
/** Each benchmark run's length, as DevTools runs it (250 ms: the whole calibration takes a few seconds). */
const BENCHMARK_MS = 250;
/** A score this close to the target is a match (DevTools' tolerance). */
const CLOSE_ENOUGH = 10;
const MAX_BISECTIONS = 8;

/**
 * Lighthouse's BenchmarkIndex (its `computeBenchmarkIndex`, Chrome ≥ 86 definition), for `durationMs` on the page's
 * main thread: the mean of two halves, how many times per second a 10,000-character string is built one character
 * at a time (garbage-collector heavy) and how many times per second 100,000 integers are copied from one array to
 * another, each divided by 10. Passed to the page as its source: self-contained, no helpers.
 */
function benchmarkIndex(durationMs: number): number {
  // No inner functions: the bundler running this file would name them with a helper the page does not have.
  const half = durationMs / 2;
  let started = Date.now();
  let built = 0;
  while (Date.now() - started < half) {
    let text = "";
    for (let index = 0; index < 10_000; index++) text += "a";
    // Keeps the loop from being optimised away.
    if (text.length === 1) throw new Error("unreachable");
    built++;
  }
  const stringScore = Math.round(built / 10 / ((Date.now() - started) / 1000));
  const even: number[] = [];
  const odd: number[] = [];
  for (let index = 0; index < 100_000; index++) even[index] = odd[index] = index;
  started = Date.now();
  let copies = 0;
  // The clock is read every tenth copy only, as Lighthouse does (a clock read per copy hits a slow path on some CPUs).
  while (copies % 10 !== 0 || Date.now() - started < half) {
    const source = copies % 2 === 0 ? even : odd;
    const target = copies % 2 === 0 ? odd : even;
    for (let index = 0; index < source.length; index++) target[index] = source[index] as number;
    copies++;
  }
  const copyScore = Math.round(copies / 10 / ((Date.now() - started) / 1000));
  return (stringScore + copyScore) / 2;
}

/** The throttling agent keeps two decimals of a rate. */
const hundredths = (rate: number) => Number(rate.toFixed(2));

/**
 * The rate, between `lower` and `upper`, at which `score(rate)` comes within CLOSE_ENOUGH of `target`, by bisection
 * (at most MAX_BISECTIONS scores); the score falls as the rate rises. When no score came that close, the rate whose
 * score came closest (DevTools keeps the last one tried; on a busy machine a noisy score can send the last steps
 * astray). Pure: `score` measures.
 */
export async function bisectRate(target: number, score: (rate: number) => Promise<number>, lower: number, upper: number): Promise<number> {
  let low = lower;
  let high = upper;
  let best = { rate: lower, miss: Infinity };
  for (let step = 0; step < MAX_BISECTIONS; step++) {
    const rate = hundredths((low + high) / 2);
    const measured = await score(rate);
    const miss = Math.abs(measured - target);
    if (miss < best.miss) best = { rate, miss };
    if (miss < CLOSE_ENOUGH) break;
    if (measured < target) high = rate;
    else low = rate;
  }
  return best.rate;
}

export interface CpuCalibration {
  /** This machine's BenchmarkIndex in chromium, unthrottled (after a warm-up; the better of two when under the target). */
  machineIndex: number;
  /** The throttling rate that makes it score a mid-tier phone's index; 1 when the machine scores less unthrottled. */
  rate: number;
  /** The index measured at that rate. */
  indexAtRate: number;
  /** The machine (at this moment, with its load) is slower than the target phone: no throttling can make it one. */
  tooSlow: boolean;
}

/**
 * Calibrates in a fresh page of its own (about:blank, closed afterwards), as DevTools does: a warm-up run, the
 * unthrottled score (one more chance if it is under the target, as DevTools gives), then the bisection between 1×
 * and 1.5 × the unthrottled score over the target.
 */
export async function calibrateCpu(browser: Browser, target = MID_TIER_PHONE_INDEX): Promise<CpuCalibration> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await page.context().newCDPSession(page);
    const scores = new Map<number, number>();
    const score = async (rate: number) => {
      const known = scores.get(rate);
      if (known !== undefined) return known;
      await cdp.send("Emulation.setCPUThrottlingRate", { rate });
      const measured = await runBenchmark(page);
      scores.set(rate, measured);
      return measured;
    };
    await runBenchmark(page); // warm-up: V8 optimises the loops
    let machineIndex = await score(1);
    if (machineIndex < target) {
      scores.clear();
      machineIndex = Math.max(machineIndex, await score(1));
    }
    if (machineIndex < target) return { machineIndex, rate: 1, indexAtRate: machineIndex, tooSlow: true };
    const rate = await bisectRate(target, score, 1, (machineIndex / target) * 1.5);
    return { machineIndex, rate, indexAtRate: await score(rate), tooSlow: false };
  } finally {
    await context.close();
  }
}

/**
 * The median of three runs of the benchmark (DevTools runs it once per rate: on a machine shared with other work one
 * run's score moved by a third from one run to the next, more than the bisection's steps).
 */
async function runBenchmark(page: Page): Promise<number> {
  const scores: number[] = [];
  for (let run = 0; run < 3; run++) scores.push((await page.evaluate(`(${benchmarkIndex.toString()})(${BENCHMARK_MS})`)) as number);
  return scores.sort((a, b) => a - b)[1] as number;
}

/** A CPU profile of the bench: a fixed slowdown, or the calibrated mid-tier phone. */
export type CpuProfile = { kind: "fixed"; rate: number } | { kind: "calibrated"; calibration: CpuCalibration };

export const cpuRate = (profile: CpuProfile) => (profile.kind === "fixed" ? profile.rate : profile.calibration.rate);

export const describeCpu = (profile: CpuProfile) =>
  profile.kind === "fixed"
    ? `CPU ${profile.rate}× slower (fixed, Lighthouse's mobile default)`
    : `CPU ${profile.calibration.rate}× slower (calibrated to a mid-tier phone: BenchmarkIndex ${MID_TIER_PHONE_INDEX}; this machine ${profile.calibration.machineIndex} unthrottled, ${profile.calibration.indexAtRate} at that rate${profile.calibration.tooSlow ? "; the machine is slower than the target, so unthrottled" : ""})`;
