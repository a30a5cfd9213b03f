import { compileLexicon, type CompiledLexicon } from "./compile.js";
import { analyseLanguage } from "./detect-language.js";
import { buildFindings, explanationKeys, severityRank, sortFindings } from "./findings.js";
import { type Lexicon, loadLexicon } from "./lexicon.js";
import { findLexiconHits } from "./match.js";
import { letterStats } from "./stats.js";
import { tokenize } from "./tokenize.js";
import type { CheckOptions, CheckResult, Finding, LanguageAssessment, PrisonSystem, Severity } from "./types.js";

export type LetterChecker = (text: string, options: CheckOptions) => CheckResult;

// A language finding can span the whole letter: its excerpt is cut to this many characters.
const MAX_LANGUAGE_EXCERPT = 80;

/** A checker over a given lexicon (tests use small ones); `checkLetter` uses the shipped lexicon. */
export function createLetterChecker(lexicon: Lexicon): LetterChecker {
  const compiled = compileLexicon(lexicon);
  return (text, options) => runCheck(compiled, text, options);
}

let shippedChecker: LetterChecker | undefined;

/**
 * Checks a letter for what a prison censor would block or what could harm the prisoner or the writer.
 * Loads and validates `data/lexicon/` on the first call (throws LexiconError if a file is broken).
 */
export function checkLetter(text: string, options: CheckOptions): CheckResult {
  shippedChecker ??= createLetterChecker(loadLexicon());
  return shippedChecker(text, options);
}

function runCheck(lexicon: CompiledLexicon, text: string, options: CheckOptions): CheckResult {
  const tokens = tokenize(text);
  const { assessment: language, masks } = analyseLanguage(text, tokens.words, options.system);
  const hits = findLexiconHits(text, tokens, lexicon, options.system, masks);
  const findings = sortFindings([
    ...buildFindings(text, hits, lexicon.adjustments, options),
    ...languageFindings(text, language, options.system),
  ]);
  return { findings, highestSeverity: highestSeverity(findings), language, stats: letterStats(text) };
}

/**
 * One finding per span in a language the system does not accept. In practice such text is struck out or the
 * letter is not handed over (Memorial; the stamp on Sushchenko's letter; Libereco for Belarus): `block`.
 */
function languageFindings(text: string, language: LanguageAssessment, system: PrisonSystem): Finding[] {
  return language.spans
    .filter((span) => !language.allowed.includes(span.language))
    .map((span) => ({
      category: "language",
      severity: "block",
      start: span.start,
      end: span.end,
      excerpt: shorten(text.slice(span.start, span.end)),
      ...explanationKeys(`language-${system}`),
      ruleId: `language-${span.language}`,
    }));
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
