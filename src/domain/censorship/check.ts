import { CHARACTER_CLASS, classesWithLatin } from "./character-classes.js";
import { compileLexicon, type CompiledLexicon, lookUpToken, type WordLookup } from "./compile.js";
import { type CompiledContext, frameHits, loadContext, readContext, senseFilter } from "./context.js";
import { analyseLanguage } from "./detect-language.js";
import { englishNameFilter } from "./english-names.js";
import { buildFindings, explanationKeys, severityRank, sortFindings } from "./findings.js";
import { type Lexicon, loadLexicon } from "./lexicon.js";
import { findLexiconHits, type Hit } from "./match.js";
import { onePerPhrase } from "./one-per-phrase.js";
import { type LetterModel, loadModel, MODEL_CATEGORIES, modelOpinions } from "./model.js";
import { latinReadings, readingHits, readingNorms, syntheticRule } from "./readings.js";
import { letterStats } from "./stats.js";
import { tokenizeReusing, type WordToken } from "./tokenize.js";
import type { CheckOptions, CheckResult, Finding, LanguageAssessment, PrisonSystem, Severity } from "./types.js";

export type LetterChecker = (text: string, options: CheckOptions) => CheckResult;

// A language finding can span the whole letter: its excerpt is cut to this many characters.
const MAX_LANGUAGE_EXCERPT = 80;

/** A checker over a given lexicon (tests use small ones); `checkLetter` uses the shipped lexicon. */
/** The optional layers over the lexicon: the context frames and senses (and the learned model, see model.ts). */
export interface CheckLayers {
  context?: CompiledContext;
  model?: LetterModel;
}

export function createLetterChecker(lexicon: Lexicon, layers: CheckLayers = {}): LetterChecker {
  const compiled = compileLexicon(lexicon);
  // The words' lookups of the last letter, overwritten by the next check (issue 16, allocation). The check is
  // synchronous and calls nothing outside the censorship code, so one check never runs inside another.
  const lookups: WordLookup[] = [];
  // Likewise the words' folded forms as the model reads them (Latin runs transliterated).
  const norms: string[] = [];
  return (text, options) => runCheck(compiled, layers, { lookups, norms }, text, options);
}

let shippedChecker: LetterChecker | undefined;

/**
 * Checks a letter for what a prison censor would block or what could harm the prisoner or the writer.
 * Loads and validates `data/lexicon/` on the first call (throws LexiconError if a file is broken).
 */
export function checkLetter(text: string, options: CheckOptions): CheckResult {
  shippedChecker ??= createLetterChecker(loadLexicon(), { context: loadContext(), model: loadModel() });
  return shippedChecker(text, options);
}

/** Arrays of one check that the next check of the same checker overwrites. */
interface ReusedArrays {
  lookups: WordLookup[];
  norms: string[];
}

function runCheck(lexicon: CompiledLexicon, layers: CheckLayers, reused: ReusedArrays, text: string, options: CheckOptions): CheckResult {
  const { lookups } = reused;
  // The tokens are reused by the next check: nothing below keeps a token in the result.
  const tokens = tokenizeReusing(text);
  // Each word is looked up once, before language detection, which keeps its evidence in the lookup.
  for (let index = 0; index < tokens.words.length; index++) lookups[index] = lookUpToken(lexicon, tokens.words[index] as WordToken);
  if (lookups.length !== tokens.words.length) lookups.length = tokens.words.length;
  // Nothing below changes `language`: assessLetterLanguage (letter-language.ts) returns it without the rest.
  const { assessment: language, masks } = analyseLanguage(text, tokens.words, options.system, lookups);
  // The other readings first: they decide which Latin runs are not English and take the English lists off them.
  const readings = readingHits(text, tokens, masks, lexicon, options.system);
  // Which kinds of character the letter has, read once: the regular-expression entries and the context's
  // expressions are skipped by them.
  const classes = classesWithLatin(text);
  const hits = findLexiconHits(text, tokens, lexicon, options.system, masks, classes, lookups);
  for (const hit of readings.hits) hits.push(hit);
  // Words of Latin runs are read as Cyrillic by the other layers: their lookups of the Latin form do not apply.
  for (const run of readings.latinRuns) lookups.fill(undefined as unknown as WordLookup, run.first, run.last + 1);
  const { context, model } = layers;
  const reading = context
    ? readContext(text, tokens.words, context, latinReadings(tokens.words, readings.latinRuns), lookups, (classes & CHARACTER_CLASS.digit) !== 0)
    : null;
  // Appended in loops, and the findings filtered and shortened in their own arrays: spreads, copies and maps here
  // were garbage of every letter (issue 16, p99).
  if (context && reading) appendTo(hits, frameHits(reading, context, hits));
  if (model) appendTo(hits, modelHits(model, tokens.words, readingNorms(tokens.words, readings.latinRuns, reused.norms), hits, lookups));
  const contentFindings = buildFindings(text, hits, lexicon.adjustments, options);
  // Senses last, so that they also silence frames and the model in an innocent context.
  if (context && reading) keepWhere(contentFindings, senseFilter(text, tokens.words, reading, context));
  // With the context layer on (not for the bare lexicon of unit tests): an English name is not a risky noun.
  if (context) keepWhere(contentFindings, englishNameFilter(tokens.words));
  const findings = onePerPhrase(text, appendTo(contentFindings, languageFindings(text, tokens.words, language, options.system)));
  for (let index = 0; index < findings.length; index++) {
    const finding = findings[index] as Finding;
    if (finding.category === "language") findings[index] = { ...finding, excerpt: shorten(finding.excerpt) };
  }
  sortFindings(findings);
  return { findings, highestSeverity: highestSeverity(findings), language, stats: letterStats(text) };
}

function appendTo<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** Keeps the items `keep` accepts, in order, in the array itself. */
function keepWhere<T>(items: T[], keep: (item: T) => boolean): void {
  let kept = 0;
  for (const item of items) if (keep(item)) items[kept++] = item;
  items.length = kept;
}

/**
 * One finding per span in a language the system does not accept. In practice such text is struck out or the
 * letter is not handed over (Memorial; the stamp on Sushchenko's letter; Libereco for Belarus): `block`.
 */
function languageFindings(
  text: string,
  words: readonly WordToken[],
  language: LanguageAssessment,
  system: PrisonSystem,
): Finding[] {
  const findings: Finding[] = [];
  let cursor = 0;
  for (const span of language.spans) {
    // Every span moves the cursor past its words, so an accepted span is not judged by a foreign one before it.
    const counted = latinShare(words, cursor, span.end);
    cursor = counted.next;
    if (language.allowed.includes(span.language) && counted.latin <= counted.other) continue;
    // An accepted language typed in Latin letters («Privet, kak dela») is still not Cyrillic Russian to a censor.
    const allowedButLatin = language.allowed.includes(span.language);
    findings.push({
      category: "language",
      severity: "block",
      start: span.start,
      end: span.end,
      excerpt: text.slice(span.start, span.end),
      language: span.language,
      ...explanationKeys(allowedButLatin ? "language-latin" : `language-${system}`),
      ruleId: allowedButLatin ? `language-${span.language}-latin` : `language-${span.language}`,
    });
  }
  return findings;
}

/** Letters of the words (not addresses, links or handles) from `first` up to `end` written in Latin and in others. */
function latinShare(words: readonly WordToken[], first: number, end: number): { latin: number; other: number; next: number } {
  let latin = 0;
  let other = 0;
  let index = first;
  for (; index < words.length; index++) {
    const word = words[index] as WordToken;
    if (word.end > end) break;
    if (word.glued) continue;
    if (word.norm.charCodeAt(0) < 0x250) latin += word.raw.length;
    else other += word.raw.length;
  }
  return { latin, other, next: index };
}

const MODEL_RULES = new Map(
  MODEL_CATEGORIES.flatMap((category) =>
    (["danger", "advice"] as const).map((severity) => [
      `${category}/${severity}`,
      syntheticRule({
        id: `model-${category}`,
        category,
        severity,
        explanation: "model",
        source: "learned second opinion (scripts/censorship-model/train.ts), trained on the corpus described in docs/censorship.md",
      }),
    ]),
  ),
);

// Per category: its danger and its advice rule.
const MODEL_RULES_BY_STRENGTH: ReadonlyMap<string, readonly (Hit["rule"] | undefined)[]> = new Map(
  MODEL_CATEGORIES.map((category) => [category, [MODEL_RULES.get(`${category}/danger`), MODEL_RULES.get(`${category}/advice`)]]),
);

/** The model's opinions on sentences with no finding yet, as "might be read as" hits. */
function modelHits(
  model: LetterModel,
  words: readonly WordToken[],
  norms: readonly string[],
  hits: readonly Hit[],
  lookups: readonly (WordLookup | undefined)[],
): Hit[] {
  // Hits in text order, so each sentence's question is a binary search.
  const starts = new Int32Array(hits.length);
  for (let index = 0; index < hits.length; index++) starts[index] = (hits[index] as Hit).start;
  starts.sort();
  const flagged = (start: number, end: number): boolean => {
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((starts[middle] as number) < start) low = middle + 1;
      else high = middle;
    }
    return low < starts.length && (starts[low] as number) < end;
  };
  // A loop, and the rule by category and strength without building a key string per opinion (issue 16 speed).
  const modelHits: Hit[] = [];
  for (const opinion of modelOpinions(model, words, norms, flagged, lookups)) {
    const rule = MODEL_RULES_BY_STRENGTH.get(opinion.category)?.[opinion.strong ? 0 : 1];
    if (rule) modelHits.push({ rule, start: opinion.start, end: opinion.end });
  }
  return modelHits;
}

function shorten(excerpt: string): string {
  return excerpt.length <= MAX_LANGUAGE_EXCERPT ? excerpt : `${excerpt.slice(0, MAX_LANGUAGE_EXCERPT - 1)}…`;
}

function highestSeverity(findings: readonly Finding[]): Severity | null {
  let highest: Severity | null = null;
  for (const finding of findings) {
    if (highest === null || severityRank(finding.severity) < severityRank(highest)) highest = finding.severity;
  }
  return highest;
}
