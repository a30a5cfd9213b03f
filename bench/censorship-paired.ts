/**
 * `npm run bench:censorship-paired -- <checkout A> <checkout B> [rounds] [--flow]`: CPU time per letter of two checkouts,
 * paired letter by letter (issue 16, speed round 5). Each letter is checked by A and by B back to back, the order
 * alternating, so a change in the machine's load (which moves over seconds) falls on both alike; `--baseline` in
 * bench:censorship alternates whole runs of 400 letters, which a loaded machine skews by ±10 %. Prints the mean CPU
 * time per letter of each, their ratio, each one's work per letter (minimum over the rounds) at p50 and p99, and
 * the ratio of the work summed over the letters (the steadiest figure under load).
 * Run it both ways round (A B, then B A) and once with two copies of one checkout: the ratio of the copies shows
 * the bias of loading order (about 1–2 %). `--flow` times bench:flow-step's 1k, 6k and 12k letters instead, 60 rounds
 * unless told, with each letter's least CPU time; `--long` twenty 12k letters of the bench's varied paragraphs
 * (longBenchLetters), 16 rounds unless told.
 */
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { CheckOptions, CheckResult } from "../src/domain/censorship/index.js";
import { buildBenchLetters, flowStepLetters, longBenchLetters } from "./censorship-letters.js";

type Checker = (text: string, options: CheckOptions) => CheckResult;

async function loadChecker(folder: string): Promise<Checker> {
  const url = pathToFileURL(resolve(folder, "src/domain/censorship/index.ts")).href;
  return ((await import(url)) as { checkLetter: Checker }).checkLetter;
}

// --flow: bench:flow-step's three letters (1k, 6k, 12k of one repeated sentence) instead of the 400 bench letters,
// each letter's figures printed (issue 14: the "check" step's own letters).
const flow = process.argv.includes("--flow");
const long = process.argv.includes("--long");
const [folderA, folderB, roundsArgument] = process.argv.slice(2).filter((argument) => argument !== "--flow" && argument !== "--long");
if (!folderA || !folderB) throw new Error("usage: censorship-paired.ts <checkout A> <checkout B> [rounds] [--flow | --long]");
const checkers = [await loadChecker(folderA), await loadChecker(folderB)] as const;
const rounds = Number(roundsArgument ?? (flow ? 60 : long ? 16 : 5));
const letters: { text: string; system: CheckOptions["system"]; status?: CheckOptions["status"] }[] = flow
  ? flowStepLetters()
  : long
    ? longBenchLetters()
    : buildBenchLetters();

function cpuMicroseconds(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

function timed(check: Checker, letter: (typeof letters)[number]): number {
  const before = cpuMicroseconds();
  check(letter.text, { system: letter.system, status: letter.status });
  return cpuMicroseconds() - before;
}

for (let round = 0; round < 2; round++) for (const letter of letters) for (const check of checkers) check(letter.text, letter);

const totals = [0, 0];
const least = checkers.map(() => letters.map(() => Number.POSITIVE_INFINITY));
for (let round = 0; round < rounds; round++) {
  for (const [number, letter] of letters.entries()) {
    const order = (number + round) % 2 === 0 ? [0, 1] : [1, 0];
    for (const which of order) {
      const spent = timed(checkers[which as 0 | 1], letter);
      totals[which] = (totals[which] ?? 0) + spent;
      const own = least[which] as number[];
      own[number] = Math.min(own[number] ?? Number.POSITIVE_INFINITY, spent);
    }
  }
}

function at(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(fraction * sorted.length)] ?? Number.NaN;
}

const perLetter = (which: number) => (totals[which] ?? 0) / rounds / letters.length;
console.log(`paired CPU time per letter, ${rounds} rounds of ${letters.length} letters, load average ${loadavg()[0]?.toFixed(1)}`);
for (const [which, folder] of [folderA, folderB].entries()) {
  const own = least[which] ?? [];
  console.log(`  ${folder}: mean ${perLetter(which).toFixed(0)} µs; work per letter p50 ${at(own, 0.5)} µs, p99 ${at(own, 0.99)} µs`);
}
console.log(`  A/B ${(perLetter(0) / perLetter(1)).toFixed(3)}`);
if (flow) {
  for (const [number, letter] of letters.entries()) {
    const [a, b] = [least[0]?.[number] ?? Number.NaN, least[1]?.[number] ?? Number.NaN];
    console.log(`  ${letter.text.length} characters: least CPU A ${a} µs, B ${b} µs, A/B ${(a / b).toFixed(2)}`);
  }
}
// Each letter's minimum over the rounds, summed: preemption and scavenges left out. At a load of 10-20 on two cores
// (issue 16, round 6) an A/A of two copies of main gave 1.002 and 0.998; two different checkouts moved by up to 2 %
// between the two orders with 8 rounds, by 1 % with 16: run both orders, 16 rounds, and trust only larger changes.
const work = (which: number) => (least[which] ?? []).reduce((sum, value) => sum + value, 0);
console.log(`  work A/B ${(work(0) / work(1)).toFixed(3)} (sums of each letter's minimum)`);
