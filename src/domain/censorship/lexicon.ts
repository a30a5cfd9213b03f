import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import * as v from "valibot";
import { projectPath } from "../../project-path.js";
import {
  AdjustmentSchema,
  EntrySchema,
  type LexiconEntryData,
  type LexiconLanguage,
  LexiconFileSchema,
  type SeverityAdjustment,
} from "./lexicon-schema.js";
import { normalizeWord } from "./normalize.js";
import { isPatternWord, PREFIX_KEY, splitPhrase, STEM_KEY } from "./word-index.js";

export interface LexiconEntry extends LexiconEntryData {
  language: LexiconLanguage;
  /** Folded endings allowed after a stem; null for other match forms. */
  stemEndings: ReadonlySet<string> | null;
}

export interface Lexicon {
  entries: readonly LexiconEntry[];
  adjustments: readonly SeverityAdjustment[];
}

/** A lexicon file that cannot be used; the message names the file, the entry and the field. */
export class LexiconError extends Error {
  override name = "LexiconError";
}

// Shorter prefixes would swallow unrelated words («сво» would match «свой»): such terms must be exact or stems.
// The same lengths key the word index's buckets.
const MIN_PREFIX_LENGTH = PREFIX_KEY;
const MIN_STEM_LENGTH = STEM_KEY;

export function defaultLexiconDirectory(): string {
  return projectPath("data", "lexicon");
}

/** Reads and validates every `*.json` file of the directory; throws LexiconError on the first broken one. */
export function loadLexicon(directory: string = defaultLexiconDirectory()): Lexicon {
  const files = readdirSync(directory).filter((name) => name.endsWith(".json")).sort();
  if (files.length === 0) throw new LexiconError(`${directory}: no lexicon files (*.json)`);
  const entries: LexiconEntry[] = [];
  const adjustments: SeverityAdjustment[] = [];
  const seenIds = new Map<string, string>();
  for (const file of files) {
    const path = join(directory, file);
    const label = join(basename(directory), file);
    const parsed = parseLexiconFile(parseJson(readFileSync(path, "utf8"), label), label);
    for (const entry of parsed.entries) {
      const earlier = seenIds.get(entry.id);
      if (earlier) throw new LexiconError(`${label}: entry "${entry.id}" reuses an id already used in ${earlier}`);
      seenIds.set(entry.id, label);
      entries.push(entry);
    }
    adjustments.push(...parsed.adjustments);
  }
  return { entries, adjustments };
}

function parseJson(source: string, label: string): unknown {
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    throw new LexiconError(`${label}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
}

export function parseLexiconFile(
  json: unknown,
  label: string,
): { entries: LexiconEntry[]; adjustments: SeverityAdjustment[] } {
  const file = v.safeParse(LexiconFileSchema, json);
  if (!file.success) throw new LexiconError(`${label}: ${describeIssues(file.issues)}`);
  const endingSets = new Map(
    Object.entries(file.output.endings ?? {}).map(([name, endings]) => [name, endings.map(foldEnding)]),
  );
  const allEndings = new Set([...endingSets.values()].flat());
  const entries = file.output.entries.map((raw, index) => {
    const where = `${label}: entries[${index}]${entryIdSuffix(raw)}`;
    const entry = v.safeParse(EntrySchema, raw);
    if (!entry.success) throw new LexiconError(`${where}: ${describeIssues(entry.issues)}`);
    const problem = findEntryProblem(entry.output, endingSets);
    if (problem) throw new LexiconError(`${where}: ${problem}`);
    return {
      ...entry.output,
      language: file.output.language,
      stemEndings:
        entry.output.match === "stem" || entry.output.match === "phrase" ? stemEndingsFor(entry.output, endingSets, allEndings) : null,
    };
  });
  const adjustments = (file.output.adjustments ?? []).map((raw, index) => {
    const adjustment = v.safeParse(AdjustmentSchema, raw);
    if (!adjustment.success) {
      throw new LexiconError(`${label}: adjustments[${index}]: ${describeIssues(adjustment.issues)}`);
    }
    return adjustment.output;
  });
  return { entries, adjustments };
}

function entryIdSuffix(raw: unknown): string {
  if (typeof raw === "object" && raw !== null && "id" in raw && typeof raw.id === "string") return ` "${raw.id}"`;
  return "";
}

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `field "${path}": ${issue.message}` : issue.message;
    })
    .join("; ");
}

function foldEnding(ending: string): string {
  return ending === "" ? "" : normalizeWord(ending);
}

function stemEndingsFor(
  entry: LexiconEntryData,
  endingSets: ReadonlyMap<string, string[]>,
  allEndings: ReadonlySet<string>,
): ReadonlySet<string> {
  const named = entry.endings === undefined ? undefined : endingSets.get(entry.endings);
  return named ? new Set(named) : allEndings;
}

/** Rules the schema cannot express because they tie several fields together. */
function findEntryProblem(entry: LexiconEntryData, endingSets: ReadonlyMap<string, string[]>): string | null {
  if (entry.endings !== undefined) {
    if (entry.match !== "stem" && entry.match !== "phrase") return `field "endings": only stem and phrase entries take endings`;
    if (!endingSets.has(entry.endings)) return `field "endings": no endings set named "${entry.endings}" in this file`;
  }
  if (entry.match === "stem" && endingSets.size === 0) return `field "match": stem entries need an "endings" map in the file`;
  if (entry.ignoreCase !== undefined && entry.match !== "regex") return `field "ignoreCase": only regex entries take it`;
  if (entry.gap !== undefined && entry.match !== "phrase") return `field "gap": only phrase entries take it`;
  if (entry.prefilter !== undefined) {
    if (entry.match !== "regex") return `field "prefilter": only regex entries take it`;
    const problem = findRegexProblem(entry.prefilter, false);
    if (problem) return `field "prefilter": ${problem}`;
  }
  if (entry.requires !== undefined) {
    if (entry.match !== "regex") return `field "requires": only regex entries take it`;
    const problem = findRegexProblem(entry.requires, entry.ignoreCase ?? false);
    if (problem) return `field "requires": ${problem}`;
  }
  if (entry.match === "regex" && (entry.requiresNearby || entry.unlessNearby || entry.exceptPhrases)) {
    return `field "match": regex entries take only "exceptions", not nearby words or phrases`;
  }
  for (const [index, phrase] of (entry.exceptPhrases ?? []).entries()) {
    const words = splitPhrase(phrase);
    if (words.length < 2 || words.some((word) => !isPatternWord(word) || word.endsWith("~"))) {
      return `field "exceptPhrases.${index}": "${phrase}" must be two or more words (letters, optionally ending with *)`;
    }
  }
  for (const [index, term] of entry.terms.entries()) {
    const problem = findTermProblem(entry, term);
    if (problem) return `field "terms.${index}": ${problem}`;
    if (entry.match === "phrase" && term.includes("~") && endingSets.size === 0) {
      return `field "terms.${index}": stem words (~) need an "endings" map in the file`;
    }
  }
  return null;
}

function findTermProblem(entry: LexiconEntryData, term: string): string | null {
  const words = term.split(/\s+/u);
  switch (entry.match) {
    case "regex":
      return findRegexProblem(term, entry.ignoreCase === true);
    case "phrase": {
      const phraseWords = splitPhrase(term);
      if (phraseWords.length < 2) return `a phrase needs at least two words, got "${term}"`;
      const bad = phraseWords.find((word) => !isPatternWord(word));
      if (bad !== undefined) return `"${bad}" in "${term}" is not a word (letters, optionally ending with * or ~)`;
      const short = phraseWords.find((word) => word.endsWith("~") && normalizeWord(word.slice(0, -1)).length < MIN_STEM_LENGTH);
      return short === undefined ? null : `stem "${short}" in "${term}" is shorter than ${MIN_STEM_LENGTH} letters`;
    }
    default: {
      if (words.length !== 1 || term.includes("*")) return `"${term}" must be one word without *`;
      const folded = normalizeWord(term);
      if (entry.match === "prefix" && folded.length < MIN_PREFIX_LENGTH) {
        return `prefix "${term}" is shorter than ${MIN_PREFIX_LENGTH} letters: use exact or stem`;
      }
      if (entry.match === "stem" && folded.length < MIN_STEM_LENGTH) {
        return `stem "${term}" is shorter than ${MIN_STEM_LENGTH} letters: use exact`;
      }
      return folded === "" ? `"${term}" folds to nothing` : null;
    }
  }
}

function findRegexProblem(source: string, ignoreCase: boolean): string | null {
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, ignoreCase ? "giu" : "gu");
  } catch (error) {
    return `not a valid regular expression (${(error as Error).message})`;
  }
  // An empty match would never advance the scan.
  return pattern.test("") ? `regular expression "${source}" matches the empty string` : null;
}
