import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as v from "valibot";
import {
  CATEGORY_IDS,
  type CategoryId,
  type CheckResult,
  LETTER_LANGUAGES,
  PRISON_SYSTEMS,
  PRISONER_STATUSES,
} from "../../src/domain/censorship/index.js";

const CorpusItemShape = {
  id: v.string(),
  lang: v.picklist(LETTER_LANGUAGES),
  system: v.optional(v.picklist(PRISON_SYSTEMS), "ru"),
  status: v.optional(v.picklist(PRISONER_STATUSES)),
  /** Categories a correct check must report; empty for a safe text. */
  expect: v.array(v.picklist(CATEGORY_IDS)),
  /** What makes a safe sentence a trap (a book title, a holiday in Crimea...). */
  note: v.optional(v.string()),
};
const SentenceSchema = v.strictObject({ ...CorpusItemShape, text: v.pipe(v.string(), v.minLength(1)) });
const LetterSchema = v.strictObject({ ...CorpusItemShape, paragraphs: v.pipe(v.array(v.string()), v.minLength(3)) });

export type CorpusSentence = v.InferOutput<typeof SentenceSchema> & { file: string };
export type CorpusLetter = v.InferOutput<typeof LetterSchema> & { text: string };

const corpusFile = (name: string): URL => new URL(`./corpus/${name}`, import.meta.url);

/** Every `*.jsonl` file of the corpus: `sentences.jsonl` and the held-out sets written after the lexicon. */
export function loadSentences(): CorpusSentence[] {
  return loadSentenceFiles(corpusFile(""));
}

/** Every `*.jsonl` file of a folder of labelled sentences (the corpus, the development set). */
export function loadSentenceFiles(folder: URL): CorpusSentence[] {
  const files = readdirSync(fileURLToPath(folder)).filter((name) => name.endsWith(".jsonl")).sort();
  return files.flatMap((file) =>
    readFileSync(new URL(file, folder), "utf8")
      .split("\n")
      .map((line, index) => ({ line, where: `${file} line ${index + 1}` }))
      .filter(({ line }) => line.trim() !== "")
      .map(({ line, where }) => ({ ...parseOrThrow(SentenceSchema, JSON.parse(line), where), file })),
  );
}

/** The corpus's labelled letters, or another file of letters of the same shape (the development letters). */
export function loadLetters(file: URL = corpusFile("letters.json")): CorpusLetter[] {
  const raw: unknown = JSON.parse(readFileSync(file, "utf8"));
  return v.parse(v.array(v.unknown()), raw).map((item, index) => {
    const letter = parseOrThrow(LetterSchema, item, `${fileURLToPath(file)} item ${index}`);
    return { ...letter, text: letter.paragraphs.join("\n\n") };
  });
}

function parseOrThrow<T extends v.GenericSchema>(schema: T, value: unknown, where: string): v.InferOutput<T> {
  const result = v.safeParse(schema, value);
  if (!result.success) throw new Error(`${where}: ${result.issues.map((issue) => issue.message).join("; ")}`);
  return result.output;
}

/** Categories of the findings other than `language`, which the corpus scores separately. */
export function contentCategories(result: CheckResult): Set<CategoryId> {
  return new Set(result.findings.map((finding) => finding.category).filter((category) => category !== "language"));
}

export interface SentenceScore {
  recall: number;
  falsePositiveRate: number;
  languageAccuracy: number;
  risky: number;
  safe: number;
  missed: { item: CorpusSentence; found: CategoryId[] }[];
  falsePositives: { item: CorpusSentence; found: CategoryId[] }[];
  misdetected: { item: CorpusSentence; detected: string | null }[];
}

/**
 * A risky sentence counts as found when every expected category is reported; a safe sentence is a false positive
 * when any category is reported. The language is scored on its own: the detected primary language must be the
 * labelled one.
 */
export function scoreSentences(
  sentences: readonly CorpusSentence[],
  check: (item: CorpusSentence) => CheckResult,
): SentenceScore {
  const missed: SentenceScore["missed"] = [];
  const falsePositives: SentenceScore["falsePositives"] = [];
  const misdetected: SentenceScore["misdetected"] = [];
  let risky = 0;
  let safe = 0;
  for (const item of sentences) {
    const result = check(item);
    const found = contentCategories(result);
    if (result.language.primary !== item.lang) misdetected.push({ item, detected: result.language.primary });
    if (item.expect.length > 0) {
      risky++;
      if (!item.expect.every((category) => found.has(category))) missed.push({ item, found: [...found] });
    } else {
      safe++;
      if (found.size > 0) falsePositives.push({ item, found: [...found] });
    }
  }
  return {
    recall: risky === 0 ? 0 : (risky - missed.length) / risky,
    falsePositiveRate: safe === 0 ? 1 : falsePositives.length / safe,
    languageAccuracy: sentences.length === 0 ? 0 : (sentences.length - misdetected.length) / sentences.length,
    risky,
    safe,
    missed,
    falsePositives,
    misdetected,
  };
}

/**
 * Recall and false positives per language and per category, as printed lines: a category's recall counts the
 * risky sentences expecting it that report it; its false alarms are safe sentences reporting it.
 */
export function figuresByLanguageAndCategory(
  sentences: readonly CorpusSentence[],
  check: (item: CorpusSentence) => CheckResult,
): string[] {
  const results = sentences.map((item) => ({ item, found: contentCategories(check(item)) }));
  const lines: string[] = [];
  const percent = (part: number, whole: number): string => (whole === 0 ? "  n/a" : `${((part / whole) * 100).toFixed(1)}%`);
  for (const language of LETTER_LANGUAGES) {
    const ofLanguage = results.filter(({ item }) => item.lang === language);
    if (ofLanguage.length === 0) continue;
    const risky = ofLanguage.filter(({ item }) => item.expect.length > 0);
    const safe = ofLanguage.filter(({ item }) => item.expect.length === 0);
    const caught = risky.filter(({ item, found }) => item.expect.every((category) => found.has(category))).length;
    const alarms = safe.filter(({ found }) => found.size > 0).length;
    lines.push(`  ${language}: recall ${percent(caught, risky.length)} of ${risky.length}, false positives ${percent(alarms, safe.length)} of ${safe.length}`);
  }
  for (const category of CATEGORY_IDS) {
    const expecting = results.filter(({ item }) => item.expect.includes(category));
    const alarms = results.filter(({ item, found }) => item.expect.length === 0 && found.has(category)).length;
    if (expecting.length === 0 && alarms === 0) continue;
    const caught = expecting.filter(({ found }) => found.has(category)).length;
    lines.push(`  ${category}: recall ${percent(caught, expecting.length)} of ${expecting.length}, false alarms on safe sentences ${alarms}`);
  }
  return lines;
}
