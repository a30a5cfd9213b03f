import * as v from "valibot";
import { CATEGORY_IDS, PRISON_SYSTEMS, PRISONER_STATUSES, SEVERITIES } from "./types.js";

/** How a term meets the text. See docs/censorship.md for examples of each. */
export const MATCH_FORMS = ["stem", "prefix", "exact", "phrase", "regex"] as const;
export type MatchForm = (typeof MATCH_FORMS)[number];

export const LEXICON_LANGUAGES = ["ru", "uk", "be", "en", "common"] as const;
export type LexiconLanguage = (typeof LEXICON_LANGUAGES)[number];

// `language` findings come from language detection, never from a word list.
const LEXICON_CATEGORIES = CATEGORY_IDS.filter((category) => category !== "language");

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const kebab = v.pipe(v.string(), v.regex(KEBAB, "must be kebab-case (a-z, 0-9, single hyphens)"));
const text = v.pipe(v.string(), v.trim(), v.minLength(1, "must not be empty"));

/** One word; a trailing `*` makes it a prefix (`свадьб*` matches «свадьбе», «свадебный» does not). */
const wordPattern = v.pipe(v.string(), v.regex(/^[^\s*]+\*?$/u, "must be one word, optionally ending with *"));

const nearbyWords = v.strictObject({
  words: v.pipe(v.array(wordPattern), v.minLength(1, "needs at least one word")),
  window: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12)),
});

export const EntrySchema = v.strictObject({
  id: kebab,
  category: v.picklist(LEXICON_CATEGORIES),
  severity: v.picklist(SEVERITIES),
  match: v.picklist(MATCH_FORMS),
  terms: v.pipe(v.array(text), v.minLength(1, "needs at least one term")),
  /**
   * Stem entries, and phrase entries with stem words (`геро~ слав~`): the name of an endings set of the same file;
   * all of the file's endings when absent.
   */
  endings: v.optional(v.string()),
  /**
   * Phrase entries (issue 16): up to this many other words may stand between two words of the phrase, within one
   * sentence («Жыве, як заўсёды, наша родная Беларусь»).
   */
  gap: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(4))),
  /**
   * Sentence languages this entry is matched in; the file's language when absent (`common`: every language).
   * Names and abbreviations written the same in Russian, Ukrainian and Belarusian («Лукашенко», «ЗСУ») list them all.
   */
  languages: v.optional(v.pipe(v.array(v.picklist(["ru", "uk", "be", "en"])), v.minLength(1))),
  /** Only for letters to these systems; all systems when absent. */
  systems: v.optional(v.pipe(v.array(v.picklist(PRISON_SYSTEMS)), v.minLength(1))),
  /** Words that look like a match but are something else («фронтенд» for `фронт`). */
  exceptions: v.optional(v.array(wordPattern)),
  /** Phrases around the match that make it harmless («Война и мир», "Star Wars"). */
  exceptPhrases: v.optional(v.array(text)),
  /** The match counts only when one of these words is within `window` words of it. */
  requiresNearby: v.optional(nearbyWords),
  /** The match is dropped when one of these words is within `window` words of it. */
  unlessNearby: v.optional(nearbyWords),
  /** Regex entries: match regardless of letter case. */
  ignoreCase: v.optional(v.boolean()),
  /**
   * Regex entries: a cheap regular expression the text must contain before the full one runs ("@" before an
   * e-mail pattern): a pattern that can start anywhere is slow to scan over text that cannot match.
   */
  prefilter: v.optional(v.pipe(v.string(), v.minLength(1))),
  /**
   * Regex entries: a part of the pattern that every match contains, compiled with the entry's own flags (so a part
   * copied from the pattern is necessary by construction), tested before the prefilter. For patterns that may start
   * at any Latin word (e-mails spelled out in words) and whose prefilter passes in ordinary English text.
   */
  requires: v.optional(v.pipe(v.string(), v.minLength(1))),
  /** A generic heuristic that yields to any other finding overlapping it (unexplained abbreviations). */
  fallback: v.optional(v.boolean()),
  /** Explanation variant: keys `censorship-<explanation>-why/-instead` instead of the category's. */
  explanation: v.optional(kebab),
  /** Where the fact behind this entry comes from (see /work/shared/research/censorship-and-delivery.md). */
  source: text,
});
export type LexiconEntryData = v.InferOutput<typeof EntrySchema>;

/** Raises a category's severity for a system or a prisoner status, and may switch to a more specific explanation. */
export const AdjustmentSchema = v.strictObject({
  category: v.picklist(LEXICON_CATEGORIES),
  systems: v.optional(v.pipe(v.array(v.picklist(PRISON_SYSTEMS)), v.minLength(1))),
  statuses: v.optional(v.pipe(v.array(v.picklist(PRISONER_STATUSES)), v.minLength(1))),
  raiseTo: v.picklist(SEVERITIES),
  /** Explanation variant: keys become `censorship-<explanation>-why` and `-instead`. */
  explanation: v.optional(kebab),
  source: text,
});
export type SeverityAdjustment = v.InferOutput<typeof AdjustmentSchema>;

/** The file envelope; entries are validated one by one so that an error can name the entry. */
export const LexiconFileSchema = v.strictObject({
  language: v.picklist(LEXICON_LANGUAGES),
  description: v.optional(v.string()),
  endings: v.optional(v.record(v.pipe(v.string(), v.regex(KEBAB)), v.array(v.string()))),
  entries: v.array(v.unknown()),
  adjustments: v.optional(v.array(v.unknown())),
});
