import { SCORED_LANGUAGES, wordEvidence } from "./language-profiles.js";
import type { WordToken } from "./tokenize.js";
import type { LanguageAssessment, LanguageSpan, LetterLanguage, PrisonSystem } from "./types.js";

export const ALLOWED_LANGUAGES: Record<PrisonSystem, LetterLanguage[]> = {
  ru: ["ru"],
  by: ["ru", "be"],
};

interface Segment {
  start: number;
  end: number;
  letters: number;
  scores: number[];
  language: LetterLanguage | null;
}

// A sentence decides its own language only with this much evidence (one frequent word, or two letter clues);
// otherwise («Привіт!», «OK.») it takes the language of its neighbours.
const MIN_EVIDENCE = 2;
const TRAILING_PUNCTUATION = /[.!?…»"')\]]/u;

/**
 * Detects the language of each sentence (a sentence ends at . ! ? … ; or a line break), lets undecided sentences
 * take their neighbours' language, and merges neighbours into spans. Ties prefer the languages the system allows:
 * a sentence that reads the same in Russian and Ukrainian («Я тебе люблю») is not a reason to warn.
 */
export function assessLanguage(text: string, words: readonly WordToken[], system: PrisonSystem): LanguageAssessment {
  const allowed = ALLOWED_LANGUAGES[system];
  const preference = [...allowed, ...SCORED_LANGUAGES.filter((language) => !allowed.includes(language))];
  const segments = scoreSegments(text, words);
  for (const segment of segments) segment.language = decide(segment.scores, preference, MIN_EVIDENCE);
  fillUndecided(segments, preference);
  const spans = mergeSpans(segments);
  const detected = rankByLetters(segments);
  return {
    detected,
    primary: detected[0] ?? null,
    spans,
    allowed,
    acceptable: spans.every((span) => allowed.includes(span.language)),
  };
}

function scoreSegments(text: string, words: readonly WordToken[]): Segment[] {
  const segments: Segment[] = [];
  let current: Segment | null = null;
  for (const word of words) {
    if (!current || word.breakBefore) {
      current = { start: word.start, end: word.end, letters: 0, scores: [0, 0, 0, 0, 0], language: null };
      segments.push(current);
    }
    current.end = word.end;
    if (word.glued) continue;
    current.letters += word.raw.length;
    const evidence = wordEvidence(word.lower);
    for (let language = 0; language < evidence.length; language++) {
      current.scores[language] = (current.scores[language] ?? 0) + (evidence[language] ?? 0);
    }
  }
  for (const segment of segments) {
    while (segment.end < text.length && TRAILING_PUNCTUATION.test(text.charAt(segment.end))) segment.end++;
  }
  return segments;
}

/** The best-scoring language, or null when the evidence is too thin or two languages tie. */
function decide(scores: readonly number[], preference: readonly LetterLanguage[], minimum: number): LetterLanguage | null {
  let best: LetterLanguage | null = null;
  let bestScore = 0;
  let tie = false;
  for (const language of preference) {
    const score = scores[SCORED_LANGUAGES.indexOf(language)] ?? 0;
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
function fillUndecided(segments: Segment[], preference: readonly LetterLanguage[]): void {
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
  for (const segment of segments) segment.scores.forEach((score, index) => (totals[index] = (totals[index] ?? 0) + score));
  const whole = pickWithPreference(totals, preference);
  for (const segment of segments) segment.language = whole;
}

function pickWithPreference(scores: readonly number[], preference: readonly LetterLanguage[]): LetterLanguage {
  let best = preference[0] as LetterLanguage;
  let bestScore = -1;
  for (const language of preference) {
    const score = scores[SCORED_LANGUAGES.indexOf(language)] ?? 0;
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

function rankByLetters(segments: readonly Segment[]): LetterLanguage[] {
  const letters = new Map<LetterLanguage, number>();
  for (const segment of segments) {
    const language = segment.language as LetterLanguage;
    letters.set(language, (letters.get(language) ?? 0) + segment.letters);
  }
  return [...letters].sort((a, b) => b[1] - a[1]).map(([language]) => language);
}
