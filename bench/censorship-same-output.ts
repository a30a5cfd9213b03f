/**
 * `npm run bench:censorship-same-output -- --baseline <checkout> [--random N]`: proves that a speed change of the
 * censorship check changed no output. Runs the baseline checkout's `checkLetter` and this one's on every text under
 * test/censorship (the corpus, the development sets and letters, the held-out sets: only compared, never scored),
 * on `bench:censorship`'s and `bench:flow-step`'s letters, and on N (default 400) seeded random letters of 1k–12k
 * characters assembled from those texts, each under both prison systems and a random status, and asserts that the
 * two results are deeply equal (findings with their excerpts, offsets, severities and order, the language
 * assessment, the stats) and serialise to the same JSON; and that this checkout's `assessLetterLanguage` (the
 * language alone, when it has one) equals the baseline check's `language`. Exits 1 on the first difference,
 * printing where it is.
 *
 * The golden test covers only findings, and not the held-out sets or letters this long: this is the wider net.
 */
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import type { CheckOptions, CheckResult, LanguageAssessment } from "../src/domain/censorship/index.js";
import { benchTexts, corpusTexts, flowStepTexts, otherSystem, randomLetters } from "./censorship-texts.js";

type Checker = (text: string, options: CheckOptions) => CheckResult;
type LanguageAssessor = (text: string, options: CheckOptions) => LanguageAssessment;

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** A checkout's `checkLetter`, and its `assessLetterLanguage` when it has one (older checkouts do not). */
async function loadChecker(folder: string): Promise<{ check: Checker; language: LanguageAssessor | undefined }> {
  const url = pathToFileURL(resolve(folder, "src/domain/censorship/index.ts")).href;
  const module = (await import(url)) as { checkLetter: Checker; assessLetterLanguage?: LanguageAssessor };
  return { check: module.checkLetter, language: module.assessLetterLanguage };
}

function differs(expected: unknown, actual: unknown): boolean {
  return !isDeepStrictEqual(actual, expected) || JSON.stringify(actual) !== JSON.stringify(expected);
}

function fail(what: string, id: string, text: string, options: CheckOptions, expected: unknown, actual: unknown): never {
  console.error(`different ${what} for ${id} (${JSON.stringify(options)}, ${text.length} characters)`);
  console.error(`  baseline: ${JSON.stringify(expected).slice(0, 2_000)}`);
  console.error(`  this:     ${JSON.stringify(actual).slice(0, 2_000)}`);
  process.exit(1);
}

const baseline = argument("--baseline");
if (baseline === undefined) throw new Error("usage: censorship-same-output.ts --baseline <checkout> [--random N]");
const randomCount = Number(argument("--random") ?? 400);
const [theirs, ours] = [await loadChecker(baseline), await loadChecker(fileURLToPath(new URL("..", import.meta.url)))];

const corpus = corpusTexts();
const bench = benchTexts();
const texts = [...corpus, ...bench, ...flowStepTexts(), ...randomLetters(corpus, randomCount)];

let compared = 0;
let findings = 0;
for (const { id, text, options } of texts) {
  // Each text under its own system and under the other one: the lexicon's and the language's rules differ by system.
  for (const checked of [options, otherSystem(options)]) {
    const expected = theirs.check(text, checked);
    const actual = ours.check(text, checked);
    if (differs(expected, actual)) fail("output", id, text, checked, expected, actual);
    const language = ours.language?.(text, checked);
    if (ours.language && differs(expected.language, language)) fail("language alone", id, text, checked, expected.language, language);
    compared++;
    findings += actual.findings.length;
  }
}
console.log(
  `same output on ${compared} checks of ${texts.length} texts (${corpus.length} corpus, development and held-out texts, ` +
    `${bench.length} bench letters, 3 flow-step letters, ${randomCount} random letters of 1k–12k; each under both systems), ` +
    `${findings} findings${ours.language ? "; assessLetterLanguage equal to the check's language on each" : ""}`,
);
