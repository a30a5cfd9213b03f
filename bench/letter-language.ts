/**
 * `npm run bench:letter-language [-- --rounds N]`: what the organisers' route saves by asking for the letter's
 * language alone. CPU time of `assessLetterLanguage` beside `checkLetter` (whose `.language` it equals, see
 * test/censorship/letter-language.test.ts) on 1k, 6k and 12k letters, taking turns on each letter in one
 * process (the order swapped every round, so a change of the machine's load falls on both alike): medians over the
 * rounds (default 400), and the tokenizer alone (with the pooled tokens both use): the part of the language's cost that
 * the check pays too.
 *
 * Two kinds of letter: bench:flow-step's (one sentence repeated, a few dozen distinct words) and letters of the same
 * lengths joined from bench:censorship's, in four languages (a varied vocabulary, as real letters have).
 */
import { loadavg } from "node:os";
import { assessLetterLanguage, checkLetter, type CheckOptions } from "../src/domain/censorship/index.js";
import { tokenizeReusing } from "../src/domain/censorship/tokenize.js";
import { buildBenchLetters, flowStepLetters } from "./censorship-letters.js";

const at = process.argv.indexOf("--rounds");
const ROUNDS = at >= 0 ? Number(process.argv[at + 1]) : 400;
const LENGTHS = [1_000, 6_000, 12_000];
const OPTIONS: CheckOptions = { system: "ru", status: "sentenced" };

/** bench:censorship's letters joined by blank lines up to `length` characters. */
function variedLetter(length: number): string {
  let text = "";
  for (const letter of buildBenchLetters()) {
    if (text.length >= length) break;
    text += `${text === "" ? "" : "\n\n"}${letter.text}`;
  }
  return text.slice(0, length);
}

const letters = [
  ...flowStepLetters().map(({ text }) => ({ label: `repeated sentence, ${Math.round(text.length / 1000)}k`, text })),
  ...LENGTHS.map((length) => ({ label: `varied, ${length / 1000}k`, text: variedLetter(length) })),
];

const ways = {
  checkLetter: (text: string) => checkLetter(text, OPTIONS),
  assessLetterLanguage: (text: string) => assessLetterLanguage(text, OPTIONS),
  "tokenize alone": (text: string) => tokenizeReusing(text),
} as const;
type Way = keyof typeof ways;

function cpuMicroseconds(run: () => unknown): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return used.user + used.system;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

console.log(`letter-language: ${ROUNDS} rounds per letter, Node ${process.version}, load ${loadavg().map((value) => value.toFixed(1)).join(" ")}`);
console.log(`\n${"µs of CPU per call (medians)".padEnd(30)}${Object.keys(ways).map((way) => way.padStart(22)).join("")}${"check / language".padStart(18)}`);
for (const { label, text } of letters) {
  const names = Object.keys(ways) as Way[];
  const samples = new Map<Way, number[]>(names.map((way) => [way, []]));
  // Warm-up: the lexicon, the model and the memos of these words.
  for (const way of names) for (let index = 0; index < 20; index++) ways[way](text);
  for (let round = 0; round < ROUNDS; round++) {
    for (const way of round % 2 ? [...names].reverse() : names) samples.get(way)?.push(cpuMicroseconds(() => ways[way](text)));
  }
  const medians = names.map((way) => median(samples.get(way) ?? []));
  const [check, language] = medians as [number, number];
  console.log(`${label.padEnd(30)}${medians.map((value) => String(value).padStart(22)).join("")}${`${(check / language).toFixed(1)}×`.padStart(18)}`);
}
console.log(`\nload average at end: ${loadavg().map((value) => value.toFixed(1)).join(" ")}`);
