/** Where the letter goes: Russian FSIN (occupied Crimea included) or the Belarusian prison system. */
export const PRISON_SYSTEMS = ["ru", "by"] as const;
export type PrisonSystem = (typeof PRISON_SYSTEMS)[number];

export const PRISONER_STATUSES = ["pretrial", "sentenced", "released", "exchanged", "deceased", "unknown"] as const;
export type PrisonerStatus = (typeof PRISONER_STATUSES)[number];

/**
 * `block`: the letter or the line is likely not delivered; `danger`: may harm the prisoner or the writer;
 * `advice`: tone and style. Listed from the most to the least severe.
 */
export const SEVERITIES = ["block", "danger", "advice"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CATEGORY_IDS = [
  "war",
  "ukraine-symbols",
  "banned-org",
  "politics",
  "case",
  "code",
  "profanity",
  "language",
  "lgbt",
  "prison",
  "contraband",
  "contacts",
  "tone",
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

/** Languages the detector tells apart; `other` is any other script or a Latin-script text that is not English. */
export const LETTER_LANGUAGES = ["ru", "uk", "be", "en", "other"] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

export interface CheckOptions {
  system: PrisonSystem;
  status?: PrisonerStatus;
}

export interface Finding {
  category: CategoryId;
  severity: Severity;
  /** UTF-16 offsets into the original text, `end` exclusive. */
  start: number;
  end: number;
  /** The original text of the span (language findings over long spans are shortened, ending with "…"). */
  excerpt: string;
  /** Fluent key: why this matters, e.g. `censorship-war-why`. */
  explanationKey: string;
  /** Fluent key: what to write instead, e.g. `censorship-war-instead`. */
  suggestionKey: string;
  /** The lexicon entry (or `language-<lang>`) that produced the finding, for organisers and tests. */
  ruleId: string;
  /** Language findings only: the language of the quoted words. */
  language?: LetterLanguage;
}

export interface LanguageSpan {
  language: LetterLanguage;
  start: number;
  end: number;
}

export interface LanguageAssessment {
  /** Languages present, the most used first (by letters written). */
  detected: LetterLanguage[];
  /** The most used language, or null when the text has no letters. */
  primary: LetterLanguage | null;
  spans: LanguageSpan[];
  /** Languages the prison system accepts: Russian only for `ru`, Russian or Belarusian for `by`. */
  allowed: LetterLanguage[];
  acceptable: boolean;
}

export interface LetterStats {
  /** Unicode code points, spaces and line breaks included. */
  characters: number;
  words: number;
  /** Estimated printed A4 pages: see `estimatePages` in stats.ts for the formula. */
  pages: number;
}

export interface CheckResult {
  /** Ordered by start offset, then by severity. */
  findings: Finding[];
  /** The most severe finding's severity, or null when nothing was found. */
  highestSeverity: Severity | null;
  language: LanguageAssessment;
  stats: LetterStats;
}
