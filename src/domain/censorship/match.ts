import { LEXICON_BITS } from "./detect-language.js";
import { anchorChunks, CHARACTER_CLASS, LATIN_LETTER_CLASS } from "./character-classes.js";
import { ANY_NEXT_LETTER, type CompiledLexicon, lookUpWord, type NearbyWords, type PhraseRule, type Rule, type WordLookup } from "./compile.js";
import { normalizeWord } from "./normalize.js";
import { nextMatch, type ScannedPattern } from "./regex-scan.js";
import type { Tokens, WordToken } from "./tokenize.js";
import type { PrisonSystem } from "./types.js";
import { matchesWordPattern, type WordPattern } from "./word-index.js";

/** A lexicon rule that matched a span of the original text. */
export interface Hit {
  rule: Rule;
  start: number;
  end: number;
}

// Inside a hashtag («#нетвойне») only fragments this long are looked up, so short stems do not fire on scraps.
const MIN_HASHTAG_FRAGMENT = 4;
// Runs of single letters shorter than this are abbreviations, looked up exactly; from three letters on a spelled
// word is looked up with stems and prefixes too («w a r»).
const MIN_SPELLED_WORD = 3;

/**
 * Hits of the single-word rules on a word read another way (unmasked «в0йна», transliterated «voyna»), spanning
 * tokens `first`..`last` of `words` and `start`..`end` of the text, gated by the language bits of that reading.
 */
export function findReadingHits(
  lexicon: CompiledLexicon,
  norm: string,
  bits: number,
  system: PrisonSystem,
  words: readonly WordToken[],
  span: { first: number; last: number; start: number; end: number },
  hits: Hit[],
): void {
  lexicon.words.find(norm, (rule) => {
    if (rule.languageBit !== 0 && (bits & rule.languageBit) === 0) return;
    if (rule.exceptions.some((exception) => matchesWordPattern(norm, exception))) return;
    if (appliesAt(rule, words, span.first, span.last, system)) hits.push({ rule, start: span.start, end: span.end });
  });
}

/**
 * Every lexicon hit in the text. `masks` (one per word token, see detect-language.ts) gate each language's word
 * lists by the language of the sentence the word is in; `classes` are the text's character classes
 * (classesWithLatin), which the regular-expression entries are run by, or null to skip those entries (for the extra
 * token streams the normalisation layer builds over the same text). `lookups`, when given, receives each word's
 * lookup for the other layers to reuse.
 */
export function findLexiconHits(
  text: string,
  tokens: Tokens,
  lexicon: CompiledLexicon,
  system: PrisonSystem,
  masks: Uint8Array,
  classes: number | null,
  lookups?: WordLookup[],
): Hit[] {
  const { words } = tokens;
  const hits: Hit[] = [];
  const accept = (rule: Rule, first: number, last: number, start: number, end: number): void => {
    if (rule.languageBit !== 0 && ((masks[first] ?? 0) & rule.languageBit) === 0) return;
    if (appliesAt(rule, words, first, last, system)) hits.push({ rule, start, end });
  };
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as WordToken;
    // The caller may have looked the words up already (check.ts does, for language detection).
    const lookup = lookups?.[index] ?? lookUpWord(lexicon, word.norm);
    if (lookups) lookups[index] = lookup;
    // Indexed loops: no iterator objects for the hundreds of words of a letter (issue 16 speed).
    const { rules, phrases, phraseSeconds } = lookup;
    for (let position = 0; position < rules.length; position++) accept(rules[position] as Rule, index, index, word.start, word.end);
    const letter = phrases.length === 0 ? NO_NEXT_WORD : nextLetter(words, index, text);
    for (let position = 0; position < phrases.length; position++) {
      const second = phraseSeconds[position] as number;
      if (second !== ANY_NEXT_LETTER && letter !== ANY_NEXT_LETTER && second !== letter) continue;
      const phrase = phrases[position] as PhraseRule;
      const last = phraseEnd(phrase, words, index, text);
      if (last !== null) accept(phrase.rule, index, last, word.start, (words[last] as WordToken).end);
    }
    if (word.hashtag) hashtagHits(lexicon, word, index, accept);
  }
  // Spelled and look-alike abbreviations («С.В.О.», «CBO») are distinctive whatever the sentence's language; a word
  // spelled out letter by letter («в о й н а», «П-У-Т-И-Н») is looked up whole, stems and prefixes included.
  for (const abbreviation of tokens.abbreviations) {
    if (inEnglishWords(words, masks, abbreviation.firstWord, abbreviation.lastWord)) continue;
    const visit = (rule: Rule): void => {
      if (appliesAt(rule, words, abbreviation.firstWord, abbreviation.lastWord, system)) {
        hits.push({ rule, start: abbreviation.start, end: abbreviation.end });
      }
    };
    const spelled = abbreviation.lastWord > abbreviation.firstWord && abbreviation.norm.length >= MIN_SPELLED_WORD;
    if (spelled) lexicon.words.find(abbreviation.norm, visit);
    else lexicon.words.findExact(abbreviation.norm, visit);
  }
  if (classes !== null) hits.push(...findRegexHits(text, lexicon, system, classes));
  return hits;
}

/**
 * Rules found inside a hashtag («#нетвойне»). A function of its own: a closure over the loop's `index` and `word`
 * made the loop allocate a context for every word of the letter, hashtag or not (issue 16, allocation).
 */
function hashtagHits(
  lexicon: CompiledLexicon,
  word: WordToken,
  index: number,
  accept: (rule: Rule, first: number, last: number, start: number, end: number) => void,
): void {
  for (let offset = 1; offset + MIN_HASHTAG_FRAGMENT <= word.norm.length; offset++) {
    lexicon.words.find(word.norm.slice(offset), (rule) => accept(rule, index, index, word.start, word.end), false);
  }
}

/**
 * A Latin look-alike abbreviation among Latin words ("The CBO report") is an English acronym, not «СВО» typed in
 * Latin capitals: it counts only beside Cyrillic words or alone.
 */
function inEnglishWords(words: readonly WordToken[], masks: Uint8Array, first: number, last: number): boolean {
  const word = words[first] as WordToken;
  if (first !== last || word.norm.charCodeAt(0) >= 0x250) return false;
  // A neighbour read as English: Latin letters in a run the normalisation layer did not read as Cyrillic.
  const english = (index: number) =>
    index >= 0 && index < words.length && (words[index] as WordToken).norm.charCodeAt(0) < 0x250 && ((masks[index] ?? 0) & ~LEXICON_BITS.en) === 0;
  const other = (index: number) => index >= 0 && index < words.length && !english(index);
  const before = word.breakBefore ? -1 : first - 1;
  const after = words[last + 1]?.breakBefore === false ? last + 1 : -1;
  return !other(before) && !other(after) && (english(before) || english(after));
}

function findRegexHits(text: string, lexicon: CompiledLexicon, system: PrisonSystem, classes: number): Hit[] {
  const hits: Hit[] = [];
  for (const { rule, prefilter, requires, needs, needsLatin, needsDigit, anchor, scan } of lexicon.regexes) {
    if (rule.systems && !rule.systems.has(system)) continue;
    if (needs !== 0 && (needs & classes) === 0) continue;
    if (needsLatin && (classes & LATIN_LETTER_CLASS) === 0) continue;
    if (needsDigit && (classes & CHARACTER_CLASS.digit) === 0) continue;
    if (requires && !requires.test(text)) continue;
    if (prefilter && !prefilter.test(text)) continue;
    if (anchor === null) {
      regexHitsIn(text, 0, text, rule, scan, hits);
      continue;
    }
    for (const [start, end] of anchorChunks(text, anchor)) regexHitsIn(text.slice(start, end), start, text, rule, scan, hits);
  }
  return hits;
}

function regexHitsIn(chunk: string, offset: number, text: string, rule: Rule, scan: ScannedPattern, hits: Hit[]): void {
  for (let match = nextMatch(scan, chunk, 0); match !== null; match = nextMatch(scan, chunk, match.index + match[0].length)) {
    const start = offset + match.index;
    // The folded excerpt only when the rule has exceptions to compare it with (few have).
    const excerpt = rule.exceptions.length === 0 ? "" : normalizeWord(text.slice(start, start + match[0].length));
    if (!rule.exceptions.some((exception) => matchesWordPattern(excerpt, exception))) {
      hits.push({ rule, start, end: start + match[0].length });
    }
  }
}

// What nextLetter says when no word joins the current one: only phrases tried whatever follows can match.
const NO_NEXT_WORD = -2;

/**
 * The first letter the second word of a phrase starting at word `index` must have: that of the next word, or
 * ANY_NEXT_LETTER when the phrase may be split there (a parenthesis or a filler word, see splitPhraseEnd), or
 * NO_NEXT_WORD when no word joins this one.
 */
function nextLetter(words: readonly WordToken[], index: number, text: string): number {
  const word = words[index] as WordToken;
  const next = words[index + 1];
  if (next === undefined || !next.joinsPrevious) return NO_NEXT_WORD;
  if (isParenthesisMark(text, word.end, next.start) || PHRASE_FILLERS.has(next.norm)) return ANY_NEXT_LETTER;
  return next.norm.charCodeAt(0);
}

/**
 * The last word of a phrase starting at `first`, or null. Its words follow one another, or (issue 16) a fixed
 * phrase is split by a parenthesis of at most three words set off by commas or dashes («Жыве, як кажуць,
 * Беларусь», "Glory, as they say, to Ukraine") or by one of a few possessive or praising words («Слава нашій
 * Україні»). «Слава богу, в Україні…» is not split that way: its comma does not follow the phrase's word.
 */
function phraseEnd(phrase: PhraseRule, words: readonly WordToken[], first: number, text: string): number | null {
  let position = first;
  for (let offset = 1; offset < phrase.words.length; offset++) {
    const pattern = phrase.words[offset] as WordPattern;
    const next = words[position + 1];
    if (!next || !next.joinsPrevious) return null;
    if (matchesWordPattern(next.norm, pattern)) {
      position++;
      continue;
    }
    const after = splitPhraseEnd(pattern, words, position, text) ?? gapPhraseEnd(phrase.gap, pattern, words, position);
    if (after === null) return null;
    position = after;
  }
  return position;
}

const MAX_PHRASE_GAP = 3;
const PHRASE_FILLERS = new Set([
  "нашей", "нашу", "наша", "нашій", "нашу", "нашай", "нашы", "моей", "моїй", "маёй", "вольной", "свободной", "вільній",
  "вольнай", "свабоднай", "великой", "великій", "вялікай", "родной", "рідній", "роднай", "дорогой", "дорогій", "дарагой",
  "всей", "усій", "ўсёй", "усей", "our", "free", "great", "dear", "вечная", "вечна", "вечнай", "навеки", "навіки", "навекі",
]);

function isParenthesisMark(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    // , — – ( )
    if (code === 0x2c || code === 0x2014 || code === 0x2013 || code === 0x28 || code === 0x29) return true;
  }
  return false;
}

function splitPhraseEnd(pattern: WordPattern, words: readonly WordToken[], position: number, text: string): number | null {
  const before = words[position] as WordToken;
  const next = words[position + 1] as WordToken;
  const opened = isParenthesisMark(text, before.end, next.start);
  // Most phrase starts are followed by an ordinary word: nothing to look for.
  if (!opened && !PHRASE_FILLERS.has(next.norm)) return null;
  for (let gap = 1; gap <= MAX_PHRASE_GAP; gap++) {
    const target = words[position + gap + 1];
    if (!target || !target.joinsPrevious) return null;
    const inner = words[position + gap] as WordToken;
    if (gap > 1 && !inner.joinsPrevious) return null;
    if (!matchesWordPattern(target.norm, pattern)) continue;
    const closed = isParenthesisMark(text, inner.end, target.start);
    if (opened && closed) return position + gap + 1;
    if (gap === 1 && !opened && !closed && PHRASE_FILLERS.has(inner.norm)) return position + gap + 1;
    return null;
  }
  return null;
}

/**
 * A phrase entry with a `gap` (issue 16): the next word of the phrase may come after up to `gap` other words of the
 * same sentence («Жыве, як заўсёды, наша родная Беларусь»), never across a sentence end, a number or an emoji.
 */
function gapPhraseEnd(gap: number, pattern: WordPattern, words: readonly WordToken[], position: number): number | null {
  for (let skipped = 1; skipped <= gap; skipped++) {
    const target = words[position + skipped + 1];
    if (!target || !target.joinsPrevious) return null;
    if (matchesWordPattern(target.norm, pattern)) return position + skipped + 1;
  }
  return null;
}

function appliesAt(
  rule: Rule,
  words: readonly WordToken[],
  first: number,
  last: number,
  system: PrisonSystem,
): boolean {
  if (rule.systems && !rule.systems.has(system)) return false;
  // Plain loops, no closures: this runs for every candidate hit of a letter (issue 16 speed: less garbage).
  for (let index = first; index <= last; index++) {
    const norm = (words[index] as WordToken).norm;
    for (const exception of rule.exceptions) if (matchesWordPattern(norm, exception)) return false;
  }
  for (const phrase of rule.exceptPhrases) if (insidePhrase(phrase, words, first)) return false;
  if (rule.requiresNearby && !hasNearby(rule.requiresNearby, words, first, last)) return false;
  if (rule.unlessNearby && hasNearby(rule.unlessNearby, words, first, last)) return false;
  return true;
}

/** Whether the token at `index` is part of an occurrence of `phrase` («Война» inside «Война и мир»). */
function insidePhrase(phrase: readonly WordPattern[], words: readonly WordToken[], index: number): boolean {
  const norm = (words[index] as WordToken).norm;
  for (let position = 0; position < phrase.length; position++) {
    if (!matchesWordPattern(norm, phrase[position] as WordPattern)) continue;
    const start = index - position;
    if (start < 0 || start + phrase.length > words.length) continue;
    let offset = 0;
    while (offset < phrase.length && matchesWordPattern((words[start + offset] as WordToken).norm, phrase[offset] as WordPattern)) offset++;
    if (offset === phrase.length) return true;
  }
  return false;
}

function hasNearby(nearby: NearbyWords, words: readonly WordToken[], first: number, last: number): boolean {
  const from = Math.max(0, first - nearby.window);
  const to = Math.min(words.length - 1, last + nearby.window);
  for (let index = from; index <= to; index++) {
    if (index >= first && index <= last) continue;
    const norm = (words[index] as WordToken).norm;
    for (const pattern of nearby.words) if (matchesWordPattern(norm, pattern)) return true;
  }
  return false;
}
