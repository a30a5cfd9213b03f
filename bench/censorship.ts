/**
 * `npm run bench:censorship`: speed of `checkLetter` on one core.
 *
 * Letters of about 4,000 characters are assembled from the labelled corpus (censorship-letters.ts). Each run
 * checks every letter once; printed figures are medians over the runs: throughput in MB/s of UTF-8 letter text (Cyrillic takes two bytes a letter) and in characters per second, and
 * p50/p99 latency per letter. Goals from issue 4: ≥ 5 MB/s, p99 ≤ 2 ms.
 *
 * Wall-clock figures suffer when other processes compete for the cores (shared CI and development machines), so
 * the same figures are also given in CPU time of this process, which preemption does not inflate, together with
 * the load average at the start.
 *
 * `--baseline <folder>` also times the check of another checkout (e.g. a `git worktree` of an older commit) in the
 * same process on the same letters, runs interleaved, so that both figures see the same machine load (issue 16:
 * everything switched on must keep ≥ 5 MB/s per core and p99 ≤ 2 ms beside the old code's figures).
 *
 * `--slowest [n]` also prints each checkout's work per letter (minimum CPU time over the runs) and its n slowest
 * letters (censorship-slowest.ts).
 *
 * `--gc` also prints, for each checkout, the figures that decide p99 whatever the machine's load: kB allocated per
 * letter (sampling heap profile), scavenges per run of the letters and the functions that allocate most
 * (censorship-allocation.ts).
 */
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { checkLetter, type CheckOptions, type CheckResult } from "../src/domain/censorship/index.js";
import { type CollectionCounts, countCollections, measureAllocation } from "./censorship-allocation.js";
import { BENCH_LETTER_LENGTH as LETTER_LENGTH, BENCH_LETTERS as LETTERS, buildBenchLetters } from "./censorship-letters.js";
import { SlowestLetters } from "./censorship-slowest.js";

type Checker = (text: string, options: CheckOptions) => CheckResult;
const baselineFlag = process.argv.indexOf("--baseline");
const baselineFolder = baselineFlag >= 0 ? process.argv[baselineFlag + 1] : undefined;
const checkers: { label: string; check: Checker }[] = [{ label: "this checkout", check: checkLetter }];
if (baselineFolder) {
  const module = (await import(pathToFileURL(resolve(baselineFolder, "src/domain/censorship/index.ts")).href)) as {
    checkLetter: Checker;
  };
  checkers.push({ label: `baseline ${baselineFolder}`, check: module.checkLetter });
}

const slowestFlag = process.argv.indexOf("--slowest");
const slowestCount = slowestFlag < 0 ? 0 : Number(process.argv[slowestFlag + 1] ?? "") || 5;
const measureGarbage = process.argv.includes("--gc");
const TOP_ALLOCATING_FUNCTIONS = 12;

const RUNS = 9;
const WARM_UP_ROUNDS = 2;

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 0.5);
}

const letters = buildBenchLetters();
const bytes = letters.reduce((sum, letter) => sum + Buffer.byteLength(letter.text, "utf8"), 0);
const characters = letters.reduce((sum, letter) => sum + letter.text.length, 0);

// The first call loads and validates the lexicon; warm-up rounds let V8 optimise before timing.
for (const { check } of checkers) {
  for (let round = 0; round < WARM_UP_ROUNDS; round++) for (const letter of letters) check(letter.text, letter);
}

interface RunFigures {
  megabytesPerSecond: number;
  charactersPerSecond: number;
  p50: number;
  p99: number;
}

const wallClock: RunFigures[][] = checkers.map(() => []);
const cpuTime: RunFigures[][] = checkers.map(() => []);
const findings: number[] = checkers.map(() => 0);
const slowest = checkers.map(() => new SlowestLetters(letters.map((letter) => letter.text)));
const collections: CollectionCounts[][] = checkers.map(() => []);

function cpuMilliseconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function figures(latencies: number[], totalMilliseconds: number): RunFigures {
  latencies.sort((a, b) => a - b);
  const seconds = totalMilliseconds / 1000;
  return {
    megabytesPerSecond: bytes / 1e6 / seconds,
    charactersPerSecond: characters / 1e6 / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

for (let run = 0; run < RUNS; run++) {
  for (const [index, { check }] of checkers.entries()) {
    const wallLatencies: number[] = new Array<number>(letters.length);
    const cpuLatencies: number[] = new Array<number>(letters.length);
    const wallStarted = performance.now();
    const cpuStarted = cpuMilliseconds();
    const timeLetters = (): void => {
      for (const [position, letter] of letters.entries()) {
        const wallBefore = performance.now();
        const cpuBefore = cpuMilliseconds();
        findings[index] = (findings[index] ?? 0) + check(letter.text, { system: letter.system }).findings.length;
        const cpu = cpuMilliseconds() - cpuBefore;
        cpuLatencies[position] = cpu;
        wallLatencies[position] = performance.now() - wallBefore;
        slowest[index]?.record(position, cpu);
      }
    };
    if (measureGarbage) collections[index]?.push(countCollections(timeLetters));
    else timeLetters();
    wallClock[index]?.push(figures(wallLatencies, performance.now() - wallStarted));
    cpuTime[index]?.push(figures(cpuLatencies, cpuMilliseconds() - cpuStarted));
  }
}

function describe(label: string, runs: readonly RunFigures[]): string {
  const throughput = median(runs.map((run) => run.megabytesPerSecond)).toFixed(1);
  const characterRate = median(runs.map((run) => run.charactersPerSecond)).toFixed(1);
  const p50 = median(runs.map((run) => run.p50)).toFixed(3);
  const p99 = median(runs.map((run) => run.p99)).toFixed(3);
  return `  ${label}  ${throughput} MB/s UTF-8 (${characterRate} M characters/s), per letter p50 ${p50} ms, p99 ${p99} ms`;
}

console.log(
  `censorship check: ${LETTERS} letters of ~${LETTER_LENGTH} characters (${(bytes / LETTERS / 1000).toFixed(1)} kB UTF-8 each), ` +
    `${RUNS} runs, one core, load average ${loadavg()[0]?.toFixed(1)} at start; goals ≥ 5 MB/s, p99 ≤ 2 ms`,
);
for (const [index, { label }] of checkers.entries()) {
  console.log(`${label}:`);
  console.log(describe("wall clock", wallClock[index] ?? []));
  console.log(describe("CPU time  ", cpuTime[index] ?? []));
  console.log(`  findings    ${((findings[index] ?? 0) / RUNS / LETTERS).toFixed(1)} per letter on average`);
  if (slowestCount > 0) for (const line of slowest[index]?.describe(slowestCount) ?? []) console.log(line);
}

if (measureGarbage) {
  console.log(`allocation (--gc; figures the load does not change; p99 ≤ 2 ms needs ≤ ~3 scavenges per run, ≤ ~150 kB a letter):`);
  for (const [index, { label, check }] of checkers.entries()) {
    const allocation = await measureAllocation(check, letters, TOP_ALLOCATING_FUNCTIONS);
    const runs = collections[index] ?? [];
    const scavenges = runs.map((run) => run.scavenges);
    const pause = runs.reduce((sum, run) => sum + run.scavengeMicroseconds, 0) / Math.max(1, scavenges.reduce((sum, count) => sum + count, 0)) / 1000;
    console.log(
      `${label}: ${allocation.kilobytesPerLetter.toFixed(1)} kB allocated per letter; scavenges per run of ${LETTERS} letters ` +
        `median ${median(scavenges)} (${Math.min(...scavenges)}–${Math.max(...scavenges)}), ${pause.toFixed(2)} ms each; ` +
        `full collections ${runs.reduce((sum, run) => sum + run.others, 0)} in ${RUNS} runs`,
    );
    if (index > 0) continue;
    console.log(`  most allocating functions of ${label} (kB per letter, self):`);
    for (const { name, kilobytesPerLetter } of allocation.top) console.log(`    ${kilobytesPerLetter.toFixed(1).padStart(6)}  ${name}`);
  }
}
console.log(`load average at the end ${loadavg()[0]?.toFixed(1)}`);
