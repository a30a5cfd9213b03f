/**
 * `npm run bench:censorship-same-output -- --baseline <checkout> [--random N]`: proves that a speed change of the
 * censorship check changed no output. Runs the baseline checkout's `checkLetter` and this one's on every text under
 * test/censorship (the corpus, the development sets and letters, the held-out sets: only compared, never scored),
 * on `bench:censorship`'s and `bench:flow-step`'s letters, and on N (default 400) seeded random letters of 1k–12k
 * characters assembled from those texts, each under both prison systems and a random status, and asserts that the
 * two results are deeply equal (findings with their excerpts, offsets, severities and order, the language
 * assessment, the stats) and serialise to the same JSON. Exits 1 on the first difference, printing where it is.
 *
 * The golden test covers only findings, and not the held-out sets or letters this long: this is the wider net.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { type CheckOptions, type CheckResult, PRISONER_STATUSES, type PrisonSystem } from "../src/domain/censorship/index.js";
import { mulberry32 } from "../src/domain/seeded-random.js";
import { buildBenchLetters, flowStepLetters } from "./censorship-letters.js";

type Checker = (text: string, options: CheckOptions) => CheckResult;

interface Text {
  id: string;
  text: string;
  options: CheckOptions;
}

const SEED = 20261207;
const MIN_RANDOM_LENGTH = 1_000;
const MAX_RANDOM_LENGTH = 12_000;

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function loadChecker(folder: string): Promise<Checker> {
  const url = pathToFileURL(resolve(folder, "src/domain/censorship/index.ts")).href;
  return ((await import(url)) as { checkLetter: Checker }).checkLetter;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

interface Labelled {
  id?: string;
  text?: string;
  paragraphs?: string[];
  system?: PrisonSystem;
  status?: CheckOptions["status"];
}

function optionsOf(item: Labelled): CheckOptions {
  return item.status === undefined ? { system: item.system ?? "ru" } : { system: item.system ?? "ru", status: item.status };
}

/** Every labelled sentence (`*.jsonl`) and letter (`letters*.json`) under test/censorship, golden snapshot aside. */
function corpusTexts(): Text[] {
  const root = fileURLToPath(new URL("../test/censorship/", import.meta.url));
  const texts: Text[] = [];
  for (const path of filesUnder(root)) {
    const where = path.slice(root.length);
    if (path.endsWith(".jsonl")) {
      for (const [line, source] of readFileSync(path, "utf8").split("\n").entries()) {
        if (source.trim() === "") continue;
        const item = JSON.parse(source) as Labelled;
        if (typeof item.text === "string") texts.push({ id: `${where}:${line + 1}`, text: item.text, options: optionsOf(item) });
      }
    } else if (/letters[^/]*\.json$/u.test(path)) {
      for (const [index, item] of (JSON.parse(readFileSync(path, "utf8")) as Labelled[]).entries()) {
        if (!Array.isArray(item.paragraphs)) continue;
        // Joined as the corpus loader joins them, and as the chat's writing step joins messages.
        texts.push({ id: `${where}#${index}`, text: item.paragraphs.join("\n\n"), options: optionsOf(item) });
        texts.push({ id: `${where}#${index}/lines`, text: item.paragraphs.join("\n"), options: optionsOf(item) });
      }
    }
  }
  return texts;
}

/**
 * Letters of 1k–12k assembled from the texts above in random order, joined by a space, a line break or a blank line,
 * some pieces shouted in capitals (the tokenizer's capital paths), under a random system and status. One in four is
 * made of pieces without a Latin letter only, as most real letters are (the check skips work for those).
 */
function randomLetters(pieces: readonly Text[], count: number): Text[] {
  const random = mulberry32(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const separators = [" ", "\n", "\n\n", "\n\n", " "];
  const withoutLatin = pieces.filter((piece) => !/[A-Za-z\u017F\u212A]/u.test(piece.text));
  return Array.from({ length: count }, (_, index) => {
    const length = MIN_RANDOM_LENGTH + Math.floor(random() * (MAX_RANDOM_LENGTH - MIN_RANDOM_LENGTH));
    const from = index % 4 === 3 ? withoutLatin : pieces;
    let text = "";
    while (text.length < length) {
      const piece = pick(from).text;
      text += (text === "" ? "" : pick(separators)) + (random() < 0.05 ? piece.toUpperCase() : piece);
    }
    const status = random() < 0.3 ? undefined : pick(PRISONER_STATUSES);
    const system: PrisonSystem = random() < 0.7 ? "ru" : "by";
    return { id: `random:${index}`, text: text.slice(0, length), options: status === undefined ? { system } : { system, status } };
  });
}

const baseline = argument("--baseline");
if (baseline === undefined) throw new Error("usage: censorship-same-output.ts --baseline <checkout> [--random N]");
const randomCount = Number(argument("--random") ?? 400);
const [theirs, ours] = [await loadChecker(baseline), await loadChecker(fileURLToPath(new URL("..", import.meta.url)))];

const corpus = corpusTexts();
const bench = buildBenchLetters().map((letter, index) => ({ id: `bench:${index}`, text: letter.text, options: { system: letter.system } }));
const flowStep = flowStepLetters().map(({ text, system, status }) => ({ id: `flow-step:${text.length}`, text, options: { system, status } }));
const texts = [...corpus, ...bench, ...flowStep, ...randomLetters(corpus, randomCount)];

let compared = 0;
let findings = 0;
for (const { id, text, options } of texts) {
  // Each text under its own system and under the other one: the lexicon's and the language's rules differ by system.
  const other: PrisonSystem = options.system === "ru" ? "by" : "ru";
  for (const checked of [options, { ...options, system: other }]) {
    const expected = theirs(text, checked);
    const actual = ours(text, checked);
    if (!isDeepStrictEqual(actual, expected) || JSON.stringify(actual) !== JSON.stringify(expected)) {
      console.error(`different output for ${id} (${JSON.stringify(checked)}, ${text.length} characters)`);
      console.error(`  baseline: ${JSON.stringify(expected).slice(0, 2_000)}`);
      console.error(`  this:     ${JSON.stringify(actual).slice(0, 2_000)}`);
      process.exit(1);
    }
    compared++;
    findings += actual.findings.length;
  }
}
console.log(
  `same output on ${compared} checks of ${texts.length} texts (${corpus.length} corpus, development and held-out texts, ` +
    `${bench.length} bench letters, 3 flow-step letters, ${randomCount} random letters of 1k–12k; each under both systems), ` +
    `${findings} findings`,
);
