/**
 * `npm run bench:censorship-lines -- --baseline <checkout> [rounds]`: what the lines' memory (letter-lines.ts) saves
 * the censorship check, and what filling it costs (issue 14). Letters of 1k, 6k and 12k characters made of different
 * paragraphs (bench:censorship's letters cut at paragraph ends, 20 of each length, no paragraph repeated inside a
 * letter), each checked, back to back in alternating order, by:
 *   - the baseline checkout (no memory);
 *   - this one cold: its memory emptied right before, so every line is tokenized and kept;
 *   - this one warm: the letter's paragraphs handed over first, as the writing stage does with each message;
 * and the hand-over alone (`rememberLetterLines` of each paragraph into an empty memory). Each checker checks the
 * letter once untimed right before, so its memos by word are as hot for every way. Prints each one's least CPU
 * µs per letter (summed over the letters of a length), the slope per 1,000 characters ((12k − 1k) ÷ 11) and the
 * bytes the memory holds for one letter by its own estimate.
 */
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { CheckOptions, CheckResult } from "../src/domain/censorship/index.js";
import { buildBenchLetters } from "./censorship-letters.js";

type Checker = (text: string, options: CheckOptions) => CheckResult;
interface LineMemory {
  rememberLetterLines(text: string): void;
  forgetLetterLines(): void;
  letterLinesBytes(): number;
}

const option = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const baseline = option("--baseline");
if (!baseline) throw new Error("usage: censorship-lines.ts --baseline <checkout> [--rounds N]");
const rounds = Number(option("--rounds") ?? 30);
const LENGTHS = [1_000, 6_000, 12_000] as const;
const LETTERS_PER_LENGTH = 20;
const OPTIONS: CheckOptions = { system: "ru", status: "sentenced" };

const load = async (root: string, path: string) => import(pathToFileURL(resolve(root, path)).href);
const ownRoot = fileURLToPath(new URL("..", import.meta.url));
const theirs = ((await load(baseline, "src/domain/censorship/index.ts")) as { checkLetter: Checker }).checkLetter;
const ours = ((await load(ownRoot, "src/domain/censorship/index.ts")) as { checkLetter: Checker }).checkLetter;
const memory = (await load(ownRoot, "src/domain/censorship/letter-lines.ts")) as LineMemory;

/** Paragraphs of the bench letters, each used once, gathered into letters of about `length` characters. */
function lettersOf(paragraphs: string[], length: number): string[][] {
  return Array.from({ length: LETTERS_PER_LENGTH }, () => {
    const letter: string[] = [];
    let size = 0;
    while (size < length && paragraphs.length > 0) {
      const paragraph = paragraphs.pop() as string;
      letter.push(paragraph);
      size += paragraph.length + 2;
    }
    return letter;
  });
}

const paragraphs = [...new Set(buildBenchLetters().flatMap((letter) => letter.text.split("\n\n")))].filter((paragraph) => paragraph.trim() !== "");
const letters = LENGTHS.map((length) => lettersOf(paragraphs, length));

function cpuMicroseconds(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

function timed(run: () => void): number {
  const before = cpuMicroseconds();
  run();
  return cpuMicroseconds() - before;
}

const WAYS = ["baseline", "this, cold", "this, warm", "the hand-over alone"] as const;
function run(way: number, pieces: readonly string[], text: string): number {
  // Each checker checks the letter once untimed first, so that its memos by word (lookups, word strings) hold this
  // letter's words for every way alike: only the lines' memory differs between the ways.
  if (way === 0) theirs(text, OPTIONS);
  else ours(text, OPTIONS);
  if (way === 0) return timed(() => theirs(text, OPTIONS));
  memory.forgetLetterLines();
  if (way === 1) return timed(() => ours(text, OPTIONS));
  const handOver = timed(() => {
    for (const piece of pieces) memory.rememberLetterLines(piece);
  });
  return way === 3 ? handOver : timed(() => ours(text, OPTIONS));
}

const least = LENGTHS.map(() => WAYS.map(() => new Array<number>(LETTERS_PER_LENGTH).fill(Number.POSITIVE_INFINITY)));
const bytes = LENGTHS.map(() => 0);
for (let round = 0; round < rounds + 2; round++) {
  for (const [size, group] of letters.entries()) {
    for (const [number, pieces] of group.entries()) {
      const text = pieces.join("\n\n");
      const order = (number + round) % 2 === 0 ? [0, 1, 2, 3] : [3, 2, 1, 0];
      for (const way of order) {
        const spent = run(way, pieces, text);
        const own = least[size]?.[way] as number[];
        if (round >= 2) own[number] = Math.min(own[number] as number, spent);
      }
      if (round === 0) {
        memory.forgetLetterLines();
        ours(text, OPTIONS);
        bytes[size] = (bytes[size] ?? 0) + memory.letterLinesBytes() / LETTERS_PER_LENGTH;
      }
    }
  }
}

const perLetter = (size: number, way: number) => (least[size]?.[way] ?? []).reduce((sum, value) => sum + value, 0) / LETTERS_PER_LENGTH;
console.log(`censorship-lines: ${baseline} vs this, ${rounds} rounds, ${LETTERS_PER_LENGTH} letters a length, load ${loadavg()[0]?.toFixed(1)}`);
console.log(`${"least CPU µs per letter (mean of the letters)".padEnd(48)}${LENGTHS.map((length) => `${length / 1000}k`.padStart(9)).join("")}${"per 1k".padStart(9)}`);
for (const [way, label] of WAYS.entries()) {
  const figures = LENGTHS.map((_, size) => perLetter(size, way));
  const slope = ((figures[2] as number) - (figures[0] as number)) / 11;
  console.log(`${label.padEnd(48)}${figures.map((value) => value.toFixed(0).padStart(9)).join("")}${slope.toFixed(1).padStart(9)}`);
}
const actual = LENGTHS.map((_, size) => letters[size]?.reduce((sum, pieces) => sum + pieces.join("\n\n").length, 0) ?? 0).map((sum) => sum / LETTERS_PER_LENGTH);
console.log(`${"characters per letter".padEnd(48)}${actual.map((value) => value.toFixed(0).padStart(9)).join("")}`);
console.log(`${"the memory's bytes for one letter (its estimate)".padEnd(48)}${bytes.map((value) => value.toFixed(0).padStart(9)).join("")}`);
console.log(`load average at end: ${loadavg().map((value) => value.toFixed(1)).join(" ")}`);
