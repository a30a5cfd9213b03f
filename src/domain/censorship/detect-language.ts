import { isFrequentReading, isFrequentWord, SCORED_LANGUAGES, type Scores, wordEvidence } from "./language-profiles.js";
import { readings } from "./transliterate.js";
import type { WordToken } from "./tokenize.js";
import type { LanguageAssessment, LanguageSpan, LetterLanguage, PrisonSystem } from "./types.js";

export const ALLOWED_LANGUAGES: Record<PrisonSystem, LetterLanguage[]> = {
  ru: ["ru"],
  by: ["ru", "be"],
};

interface Segment {
  start: number;
  end: number;
  /** Indexes of its first and last word token. */
  firstWord: number;
  lastWord: number;
  /** Decided on its own evidence (not taken from a neighbour). */
  decided: boolean;
  letters: number;
  scores: number[];
  language: LetterLanguage | null;
}

/** Languages in the order ties go to, with each one's place in a sentence's scores (no indexOf per sentence). */
interface Preference {
  languages: readonly LetterLanguage[];
  slots: readonly number[];
}

// Per system: its allowed languages first, then the others (built once, not per letter).
const PREFERENCES: Record<PrisonSystem, Preference> = {
  ru: preferenceOf(ALLOWED_LANGUAGES.ru),
  by: preferenceOf(ALLOWED_LANGUAGES.by),
};

function preferenceOf(allowed: readonly LetterLanguage[]): Preference {
  const languages = [...allowed, ...SCORED_LANGUAGES.filter((language) => !allowed.includes(language))];
  return { languages, slots: languages.map((language) => SCORED_LANGUAGES.indexOf(language)) };
}

// A sentence decides its own language only with this much evidence (one frequent word, or two letter clues);
// otherwise («Привіт!», «OK.») it takes the language of its neighbours.
const MIN_EVIDENCE = 2;

/** . ! ? … » " ' ) ]: kept with the sentence before them (by character code: this runs at every sentence end). */
function isTrailingPunctuation(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026 || code === 0xbb || code === 0x22 || code === 0x27 || code === 0x29 || code === 0x5d;
}

/**
 * Detects the language of each sentence (a sentence ends at . ! ? … ; or a line break), lets undecided sentences
 * take their neighbours' language, and merges neighbours into spans. Ties prefer the languages the system allows:
 * a sentence that reads the same in Russian and Ukrainian («Я тебе люблю») is not a reason to warn.
 * Skips the word lists' masks (analyseLanguage), which only the check's matching reads.
 */
export function assessLanguage(text: string, words: readonly WordToken[], system: PrisonSystem): LanguageAssessment {
  return assessSegments(text, words, system, undefined).assessment;
}

/** The assessment and, per word token, which languages' word lists may be matched on it (see lexiconMasks). */
export function analyseLanguage(
  text: string,
  words: readonly WordToken[],
  system: PrisonSystem,
  lookups?: readonly EvidenceSlot[],
): { assessment: LanguageAssessment; masks: Uint8Array } {
  const { assessment, segments } = assessSegments(text, words, system, lookups);
  return { assessment, masks: lexiconMasks(words, segments, lookups) };
}

/** The assessment, and the sentences it was made of (pooled: valid until the next analysis). */
function assessSegments(
  text: string,
  words: readonly WordToken[],
  system: PrisonSystem,
  lookups: readonly EvidenceSlot[] | undefined,
): { assessment: LanguageAssessment; segments: readonly Segment[] } {
  const allowed = ALLOWED_LANGUAGES[system];
  const preference = PREFERENCES[system];
  const segments = scoreSegments(text, words, lookups);
  for (const segment of segments) {
    segment.language = decide(segment.scores, preference, MIN_EVIDENCE);
    segment.decided = segment.language !== null;
  }
  fillUndecided(segments, preference);
  const spans = mergeSpans(segments);
  const detected = rankByLetters(segments);
  const assessment = {
    detected,
    primary: detected[0] ?? null,
    spans,
    allowed,
    acceptable: spans.every((span) => allowed.includes(span.language)),
  };
  return { assessment, segments };
}

// For a text whose language nobody declared (text-language.ts): no language wins a tie.
const NO_PREFERENCE = preferenceOf([]);

/**
 * Letters per language, in SCORED_LANGUAGES order, of the sentences that decide their language on their own evidence
 * as in a letter's assessment, but with no language preferred: a sentence that reads the same in two decides nothing.
 */
export function lettersBySentenceLanguage(text: string, words: readonly WordToken[]): number[] {
  const letters = SCORED_LANGUAGES.map(() => 0);
  for (const segment of scoreSegments(text, words, undefined)) {
    const language = decide(segment.scores, NO_PREFERENCE, MIN_EVIDENCE);
    const slot = language ? SCORED_LANGUAGES.indexOf(language) : -1;
    if (slot >= 0) letters[slot] = (letters[slot] ?? 0) + segment.letters;
  }
  return letters;
}

/** Bits of the word-list languages (LEXICON_BITS) a word token may be matched against. */
export const LEXICON_BITS = { ru: 1, uk: 2, be: 4, en: 8 } as const;
const CYRILLIC_BITS = LEXICON_BITS.ru | LEXICON_BITS.uk | LEXICON_BITS.be;
const BIT_OF_SCORED = [LEXICON_BITS.ru, LEXICON_BITS.uk, LEXICON_BITS.be, LEXICON_BITS.en, 0];
// A runner-up language this close to the winner keeps its word lists: short sentences are often ambiguous.
const RUNNER_UP_SHARE = 0.5;

/**
 * Gates each language's word lists by the language of the sentence a word is in (issue 16): Ukrainian «полон» is
 * captivity, Russian «полон» is "full of"; Russian "drug" typed in Latin letters is a friend. A word gets its
 * sentence's language, any language scoring close to it, all languages with evidence when the sentence could not
 * decide on its own, and what its own letters prove (ї → Ukrainian). The script decides between the Cyrillic
 * languages and English: a Cyrillic word in an English sentence is never English.
 */
function lexiconMasks(words: readonly WordToken[], segments: readonly Segment[], slots: readonly EvidenceSlot[] | undefined): Uint8Array {
  const masks = new Uint8Array(words.length);
  for (const segment of segments) {
    // Loops rather than a spread and a closure per sentence (issue 16, allocation).
    const { scores } = segment;
    let best = Number.NEGATIVE_INFINITY;
    for (let index = 0; index < scores.length; index++) best = Math.max(best, scores[index] as number);
    let sentenceBits = segment.language ? (BIT_OF_SCORED[SCORED_LANGUAGES.indexOf(segment.language)] ?? 0) : 0;
    for (let index = 0; index < scores.length; index++) {
      const score = scores[index] as number;
      const close = segment.decided ? score > 0 && score >= best * RUNNER_UP_SHARE : score > 0;
      if (close) sentenceBits |= BIT_OF_SCORED[index] ?? 0;
    }
    const cyrillicBits = sentenceBits & CYRILLIC_BITS || CYRILLIC_BITS;
    for (let index = segment.firstWord; index <= segment.lastWord; index++) {
      const word = words[index] as WordToken;
      if (isLatinWord(word.norm)) masks[index] = LEXICON_BITS.en;
      else {
        const own = letterBitsOf(word, slots?.[index]);
        // What a word's own letters add: nothing when they fit one of the sentence's languages (ы and ё in a
        // Belarusian sentence are Belarusian: «плённы» is fruitful, not Russian «пленный»), else the languages they
        // allow (ї in a Russian sentence is a Ukrainian word).
        masks[index] = cyrillicBits | ((own & cyrillicBits) === 0 ? own : 0);
      }
    }
  }
  return masks;
}

const latinMemo = new Map<string, readonly number[]>();
const MAX_LATIN_MEMO = 20_000;

/**
 * A Latin word's evidence, plus that of its transliterations: «privet», «moy», «kak» are frequent Russian words
 * typed in Latin letters, so a Russian sentence in Latin letters is detected as Russian (and then reported for its
 * script, see check.ts), not as English.
 */
function latinWordEvidence(lower: string): readonly number[] {
  const known = latinMemo.get(lower);
  if (known) return known;
  const scores = [...wordEvidence(lower)];
  // A single Latin letter is markup (<b>), a variable or an initial, not a transliterated word.
  if (lower.length >= 2) {
    // "to", "no", "on" are frequent in English and, read as «то», «но», «он», in Russian too: they count for both.
    const english = isFrequentWord(lower, "en");
    for (const { scheme, cyrillic } of readings(lower)) {
      if (!isFrequentReading(cyrillic, scheme)) continue;
      const index = SCORED_LANGUAGES.indexOf(scheme);
      scores[index] = (scores[index] ?? 0) + 2;
      if (!english) scores[3] = 0;
    }
  }
  if (latinMemo.size >= MAX_LATIN_MEMO) latinMemo.clear();
  latinMemo.set(lower, scores);
  return scores;
}

function isLatinWord(norm: string): boolean {
  const code = norm.charCodeAt(0);
  return code < 0x250;
}

/** Languages a lower-case word's own letters prove: ї є ґ Ukrainian, і Ukrainian or Belarusian, ў Belarusian… */
export function ownLetterBits(lower: string): number {
  let bits = 0;
  for (let index = 0; index < lower.length; index++) {
    const code = lower.charCodeAt(index);
    if (code === 0x457 || code === 0x454 || code === 0x491) bits |= LEXICON_BITS.uk;
    else if (code === 0x456) bits |= LEXICON_BITS.uk | LEXICON_BITS.be;
    else if (code === 0x45e) bits |= LEXICON_BITS.be;
    else if (code === 0x44a) bits |= LEXICON_BITS.ru;
    else if (code === 0x44b || code === 0x44d || code === 0x451) bits |= LEXICON_BITS.ru | LEXICON_BITS.be;
  }
  return bits;
}

/**
 * Where a word's evidence may be kept between letters: the lexicon's lookup of its folded form (check.ts passes
 * them), so that a word whose lower case is its folded form costs no second Map lookup (issue 16 speed). Evidence
 * depends on the lower-case word alone, so any lookup of the same string may hold it.
 */
export interface EvidenceSlot {
  evidence: readonly number[] | undefined;
  /** ownLetterBits of the word, once computed (NO_LETTER_BITS before). */
  letterBits: number;
}

export const NO_LETTER_BITS = -1;

// A Latin folded form is always a Latin word, so a slot holds the one kind of evidence its word needs.
function evidenceOf(word: WordToken, slot: EvidenceSlot | undefined): readonly number[] {
  const latin = isLatinWord(word.norm);
  if (slot === undefined || word.lower !== word.norm) return latin ? latinWordEvidence(word.lower) : wordEvidence(word.lower);
  return (slot.evidence ??= latin ? latinWordEvidence(word.lower) : wordEvidence(word.lower));
}

function letterBitsOf(word: WordToken, slot: EvidenceSlot | undefined): number {
  if (slot === undefined || word.lower !== word.norm) return ownLetterBits(word.lower);
  if (slot.letterBits === NO_LETTER_BITS) slot.letterBits = ownLetterBits(word.lower);
  return slot.letterBits;
}

/** Adds a word's evidence (five scores, SCORED_LANGUAGES order) to its sentence's, unrolled: no loop per word. */
function addEvidence(scores: Scores, evidence: readonly number[]): void {
  scores[0] += evidence[0] as number;
  scores[1] += evidence[1] as number;
  scores[2] += evidence[2] as number;
  scores[3] += evidence[3] as number;
  scores[4] += evidence[4] as number;
}

// The sentences of the letter being checked, and the Segment objects (with their scores) kept for the next letters:
// a Segment and its scores per sentence were the largest garbage of a check (issue 16, p99: 17 kB a letter). Nothing
// keeps a Segment past analyseLanguage (spans and masks are new), and analyseLanguage calls nothing that could run
// another analysis inside it, so one set of objects serves every letter.
const letterSegments: Segment[] = [];
const segmentPool: Segment[] = [];

function pooledSegment(index: number): Segment {
  let segment = segmentPool[index];
  if (segment === undefined) {
    segment = { start: 0, end: 0, firstWord: 0, lastWord: 0, decided: false, letters: 0, scores: [0, 0, 0, 0, 0], language: null };
    segmentPool.push(segment);
  }
  return segment;
}

function scoreSegments(text: string, words: readonly WordToken[], lookups: readonly EvidenceSlot[] | undefined): Segment[] {
  const segments = letterSegments;
  let count = 0;
  let first = 0;
  while (first < words.length) {
    const segment = pooledSegment(count);
    const scores = segment.scores as Scores;
    scores[0] = 0;
    scores[1] = 0;
    scores[2] = 0;
    scores[3] = 0;
    scores[4] = 0;
    let letters = 0;
    let last = first;
    for (let index = first; index < words.length; index++) {
      const word = words[index] as WordToken;
      if (index > first && word.breakBefore) break;
      last = index;
      if (word.glued) continue;
      letters += word.raw.length;
      addEvidence(scores, evidenceOf(word, lookups?.[index]));
    }
    segment.start = (words[first] as WordToken).start;
    segment.end = (words[last] as WordToken).end;
    segment.firstWord = first;
    segment.lastWord = last;
    segment.decided = false;
    segment.letters = letters;
    segment.language = null;
    segments[count++] = segment;
    first = last + 1;
  }
  segments.length = count;
  for (const segment of segments) {
    while (segment.end < text.length && isTrailingPunctuation(text.charCodeAt(segment.end))) segment.end++;
  }
  return segments;
}

/** The best-scoring language, or null when the evidence is too thin or two languages tie. */
function decide(scores: readonly number[], preference: Preference, minimum: number): LetterLanguage | null {
  let best: LetterLanguage | null = null;
  let bestScore = 0;
  let tie = false;
  for (let position = 0; position < preference.languages.length; position++) {
    const language = preference.languages[position] as LetterLanguage;
    const score = scores[preference.slots[position] as number] ?? 0;
    if (score > bestScore) {
      best = language;
      bestScore = score;
      tie = false;
    } else if (score === bestScore && score > 0) {
      tie = true;
    }
  }
  return bestScore >= minimum && !tie ? best : null;
}

/**
 * Undecided sentences take the language of the previous decided one (or the next, at the start). When nothing is
 * decided, the whole text's evidence decides, ties going to the preferred (allowed) language.
 */
function fillUndecided(segments: Segment[], preference: Preference): void {
  let previous: LetterLanguage | null = null;
  for (const segment of segments) {
    if (segment.language) previous = segment.language;
    else segment.language = previous;
  }
  let next: LetterLanguage | null = null;
  for (let index = segments.length - 1; index >= 0; index--) {
    const segment = segments[index] as Segment;
    if (segment.language) next = segment.language;
    else segment.language = next;
  }
  if (segments.length === 0 || segments[0]?.language) return;
  const totals = [0, 0, 0, 0, 0];
  for (const segment of segments) {
    const { scores } = segment;
    for (let index = 0; index < scores.length; index++) totals[index] = (totals[index] ?? 0) + (scores[index] as number);
  }
  const whole = pickWithPreference(totals, preference);
  for (const segment of segments) segment.language = whole;
}

function pickWithPreference(scores: readonly number[], preference: Preference): LetterLanguage {
  let best = preference.languages[0] as LetterLanguage;
  let bestScore = -1;
  for (let position = 0; position < preference.languages.length; position++) {
    const language = preference.languages[position] as LetterLanguage;
    const score = scores[preference.slots[position] as number] ?? 0;
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return best;
}

function mergeSpans(segments: readonly Segment[]): LanguageSpan[] {
  const spans: LanguageSpan[] = [];
  for (const segment of segments) {
    const language = segment.language as LetterLanguage;
    const last = spans[spans.length - 1];
    if (last && last.language === language) last.end = segment.end;
    else spans.push({ language, start: segment.start, end: segment.end });
  }
  return spans;
}

/**
 * The languages of the sentences, the most letters first, ties in the order met (a stable sort of that order). In
 * an array by score slot: a Map update per sentence was a tenth of the language analysis (issue 14 speed).
 */
function rankByLetters(segments: readonly Segment[]): LetterLanguage[] {
  const letters = [0, 0, 0, 0, 0];
  const met: LetterLanguage[] = [];
  for (const segment of segments) {
    const language = segment.language as LetterLanguage;
    const slot = SCORE_SLOT[language];
    if (!met.includes(language)) met.push(language);
    letters[slot] = (letters[slot] as number) + segment.letters;
  }
  return met.sort((a, b) => (letters[SCORE_SLOT[b]] as number) - (letters[SCORE_SLOT[a]] as number));
}

/** Each language's place in SCORED_LANGUAGES (a sentence's scores). */
const SCORE_SLOT = Object.fromEntries(SCORED_LANGUAGES.map((language, slot) => [language, slot])) as Record<LetterLanguage, number>;
