import { isApostrophe, wordCharacterWidth } from "./characters.js";
import { asCyrillicLookalike, normalizeLowerCaseWord, startsWithLatinLookalike } from "./normalize.js";
import { keepForms, slotLower, slotNorm, slotRaw, wordSlot } from "./word-strings.js";

export interface WordToken {
  /** UTF-16 offsets into the original text. */
  start: number;
  end: number;
  raw: string;
  /** Lower case, not folded: language detection needs ё, і, ў as written. */
  lower: string;
  /** Folded form (see normalize.ts): what the lexicon is matched against. */
  norm: string;
  /** A sentence or line ends between the previous token and this one (language detection splits there). */
  breakBefore: boolean;
  /** Only spaces and light punctuation (commas, dashes, quotes) separate it from the previous token: a phrase
   * may continue across. Numbers, emoji and sentence ends break phrases. */
  joinsPrevious: boolean;
  /** Written right after "#": also searched inside, since hashtags glue words together. */
  hashtag: boolean;
  /** Part of an address, a domain or a handle (glued to a neighbour by . @ / _ : without spaces): "olga.k@mail.ru"
   * says nothing about the language of the letter. */
  glued: boolean;
  /** The word-strings.ts slot its strings came from, or -1: a memo per word may index an array by it (see
   * lookUpToken) instead of hashing the folded word, as long as it checks that the slot still holds that word. */
  slot: number;
}

/** A spaced or dotted abbreviation («С.В.О.», «С В О») or a Latin look-alike one («CBO»), for exact lookups. */
export interface AbbreviationToken {
  start: number;
  end: number;
  norm: string;
  /** Indexes of the first and last word tokens it was built from. */
  firstWord: number;
  lastWord: number;
}

export interface Tokens {
  words: WordToken[];
  abbreviations: AbbreviationToken[];
}

// Between the letters of a word spelled out to dodge a filter: «С.В.О.», «в о й н а», «П-У-Т-И-Н», «х_у_й».
const DOTS_AND_SPACES_ONLY = /^[. \t\u00A0\-_*·]*$/;
const CAMEL_HUMP = /\p{Ll}\p{M}*(?=\p{Lu})/gu;
const HAS_CAMEL_HUMP = /\p{Ll}\p{M}*\p{Lu}/u;
const ALL_CAPITALS = /^\p{Lu}+$/u;
const MAX_LOOKALIKE_ABBREVIATION = 5;

/**
 * Words are runs of letters, combining marks and invisible characters (see characters.ts), with apostrophes
 * allowed between letters (Ukrainian «м'ясо», English "don't"). Hyphens split words: «жовто-блакитний» becomes two
 * tokens that a phrase entry matches in order.
 */
export function tokenize(text: string): Tokens {
  return tokenizeInto(text, [], null);
}

// Token objects kept across letters for `tokenizeReusing`: a letter has some 650 words, and a fresh object per word
// was a sixth of what a check allocated (issue 16, allocation: p99 is the letter a young-generation collection
// falls in). Only the checker uses them, within one synchronous call.
const tokenPool: WordToken[] = [];
const pooledWords: WordToken[] = [];
let tokenizingReused = false;

/**
 * `tokenize` for the checker: the word tokens and the words array are those of the previous call, overwritten, so
 * the result must not outlive the check of this letter (nothing of it may reach the check's result).
 */
export function tokenizeReusing(text: string): Tokens {
  // A check inside a check (none today) would overwrite the outer one's tokens: it gets fresh ones instead.
  if (tokenizingReused) return tokenize(text);
  tokenizingReused = true;
  try {
    return tokenizeInto(text, pooledWords, tokenPool);
  } finally {
    tokenizingReused = false;
  }
}

function tokenizeInto(text: string, words: WordToken[], pool: WordToken[] | null): Tokens {
  const abbreviations: AbbreviationToken[] = [];
  // Words of Latin and Cyrillic letters (nearly all) are lowercased by their character codes, and only when they have
  // a capital; any other word takes the old way: the whole text lowercased once (only then), where a few characters
  // change length («İ») and the text is lowercased word by word instead. Lowercasing a whole two-byte text went
  // through ICU and was the tokenizer's costliest line (issue 16 speed).
  let lowerText: string | undefined;
  let count = 0;
  let previousEnd = 0;
  let index = 0;
  while (index < text.length) {
    const width = wordCharacterWidth(text, index);
    if (width === 0) {
      index++;
      continue;
    }
    const start = index;
    index = wordEnd(text, index + width);
    // A word met before (in this letter or an earlier one) takes its strings from the shared table: no new string
    // per word for the GC (issue 16, allocation).
    const slot = wordSlot(text, start, index);
    const raw = slot >= 0 ? slotRaw(slot) : text.slice(start, index);
    const keptLower = slot >= 0 ? slotLower(slot) : undefined;
    // Only words of one piece keep their forms (not camel-case ones, not those lowercased with the whole text), so a
    // word with kept forms needs neither its shape nor the camel-case split.
    const shape = keptLower === undefined ? wordShape(text, start, index) : SHAPE_LOWER;
    let lower: string;
    // A word without capitals (most of them) shares its raw string: one string less per word for the GC, and the
    // per-word Map lookups hash one string instead of two (issue 16 speed).
    if (keptLower !== undefined) lower = keptLower;
    else if (shape === SHAPE_LOWER) lower = raw;
    else if (shape !== SHAPE_OTHER) lower = raw.toLowerCase();
    else {
      lowerText ??= text.toLowerCase();
      lower = lowerText.length === text.length ? (sameSpan(text, lowerText, start, index) ? raw : lowerText.slice(start, index)) : raw.toLowerCase();
    }
    const gap = count > 0 ? classifyGap(text, previousEnd, start) : GAP_START;
    const breakBefore = gap === GAP_SENTENCE_BREAK;
    const joinsPrevious = gap === GAP_JOINS;
    const hashtag = start > 0 && text.charCodeAt(start - 1) === 0x23; // "#"
    const glued = count > 0 && isGluingGap(text, previousEnd, start);
    if (glued) (words[count - 1] as WordToken).glued = true;
    // Capital letters are rare: only words with some need the camel-case and abbreviation checks.
    const hasCapitals = lower !== raw;
    if (hasCapitals && (shape === SHAPE_CAMEL || (shape === SHAPE_OTHER && HAS_CAMEL_HUMP.test(raw)))) {
      count = pushCamelParts(words, count, pool, raw, start, { breakBefore, joinsPrevious, hashtag, glued });
    } else {
      let norm: string;
      if (keptLower !== undefined) norm = slotNorm(slot);
      else {
        norm = normalizeLowerCaseWord(lower);
        if (slot >= 0 && shape !== SHAPE_OTHER) keepForms(slot, lower, norm);
      }
      const token = wordToken(pool, count, start, index, raw, lower, norm, breakBefore, joinsPrevious, hashtag, glued, slot);
      words[count++] = token;
      if (hasCapitals) addLookalikeAbbreviation(abbreviations, token, count - 1);
    }
    previousEnd = index;
  }
  // The words array may be the last letter's (tokenizeReusing): it is written in place and cut to this letter's
  // words only at the end, since emptying it first would drop its storage (issue 16, allocation).
  if (words.length !== count) words.length = count;
  collectSpelledAbbreviations(text, words, abbreviations);
  return { words, abbreviations };
}

/** The token at `position` of the words: the pool's object there, overwritten, or (no pool) a new one. */
function wordToken(
  pool: WordToken[] | null,
  position: number,
  start: number,
  end: number,
  raw: string,
  lower: string,
  norm: string,
  breakBefore: boolean,
  joinsPrevious: boolean,
  hashtag: boolean,
  glued: boolean,
  slot: number,
): WordToken {
  const token = pool?.[position];
  if (token === undefined) {
    const fresh = { start, end, raw, lower, norm, breakBefore, joinsPrevious, hashtag, glued, slot };
    pool?.push(fresh);
    return fresh;
  }
  token.start = start;
  token.end = end;
  token.raw = raw;
  token.lower = lower;
  token.norm = norm;
  token.breakBefore = breakBefore;
  token.joinsPrevious = joinsPrevious;
  token.hashtag = hashtag;
  token.glued = glued;
  token.slot = slot;
  return token;
}

// What wordShape says of a word: only Latin and Cyrillic letters (and the marks, invisible characters and apostrophes
// words may hold) and no capital; such letters with capitals; with a lower-case letter right before a capital (the
// camel-case hump of HAS_CAMEL_HUMP, marks allowed between); anything else (other scripts: the general way).
const SHAPE_LOWER = 0;
const SHAPE_CAPITALS = 1;
const SHAPE_CAMEL = 2;
const SHAPE_OTHER = 3;

/**
 * The shape of the word text[start, end): decided by character codes for the letters whose lower case is one
 * character of their own (a-z, а-я, ѐ-џ, ґ), without the Unicode tables that lowercasing and \p{Lu} need.
 */
function wordShape(text: string, start: number, end: number): number {
  let shape = SHAPE_LOWER;
  let afterLower = false;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x430 && code <= 0x45f) || code === 0x491) afterLower = true;
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x400 && code <= 0x42f) || code === 0x490) {
      if (afterLower) shape = SHAPE_CAMEL;
      else if (shape === SHAPE_LOWER) shape = SHAPE_CAPITALS;
      afterLower = false;
    } else if (code >= 0x300 && code <= 0x36f) continue; // combining marks may stand between the two letters of a hump
    else if (code === 0x27 || code === 0x60 || code === 0x2018 || code === 0x2019 || code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060) {
      afterLower = false;
    } else return SHAPE_OTHER;
  }
  return shape;
}

function sameSpan(text: string, other: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (text.charCodeAt(index) !== other.charCodeAt(index)) return false;
  return true;
}

function wordEnd(text: string, from: number): number {
  let index = from;
  for (;;) {
    const width = wordCharacterWidth(text, index);
    if (width > 0) index += width;
    else if (isApostrophe(text.charCodeAt(index)) && wordCharacterWidth(text, index + 1) > 0) index++;
    else return index;
  }
}

/** «СлаваУкраїні» (typical of hashtags) is matched as «Слава» «Україні», each with its own offsets; returns the new word count. */
function pushCamelParts(
  words: WordToken[],
  count: number,
  pool: WordToken[] | null,
  raw: string,
  start: number,
  first: Pick<WordToken, "breakBefore" | "joinsPrevious" | "hashtag" | "glued">,
): number {
  let partStart = 0;
  const ends = [...raw.matchAll(CAMEL_HUMP)].map((hump) => hump.index + hump[0].length);
  ends.push(raw.length);
  for (const partEnd of ends) {
    const part = raw.slice(partStart, partEnd);
    const lower = part.toLowerCase();
    words[count] = wordToken(
      pool,
      count,
      start + partStart,
      start + partEnd,
      part,
      lower,
      normalizeLowerCaseWord(lower),
      partStart === 0 ? first.breakBefore : false,
      partStart === 0 ? first.joinsPrevious : true,
      first.hashtag,
      first.glued,
      -1,
    );
    count++;
    partStart = partEnd;
  }
  return count;
}

const GAP_START = 0;
const GAP_JOINS = 1;
const GAP_SEPARATES = 2;
const GAP_SENTENCE_BREAK = 3;

/**
 * What lies between two words: a sentence end or line break (. ! ? … ; newline), only spaces and light
 * punctuation that a phrase may run across (commas, colons, dashes, quotes, brackets), or anything else (numbers,
 * emoji, "#", "/"), which separates words without ending the sentence. A character loop: this runs for every word.
 */
function classifyGap(text: string, from: number, to: number): number {
  // A lone dot between letters («Pismo.bel», «т.е») is part of a name or an abbreviation, not a sentence end.
  if (to - from === 1 && text.charCodeAt(from) === 0x2e) return GAP_JOINS;
  let kind = GAP_JOINS;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026 || code === 0x3b || code === 0x0a) {
      return GAP_SENTENCE_BREAK;
    }
    if (!isLightSeparator(code)) kind = GAP_SEPARATES;
  }
  return kind;
}

/** A short run of . @ / _ : with no space: the inside of an e-mail address, a domain, a link or a handle. */
function isGluingGap(text: string, from: number, to: number): boolean {
  if (to === from || to - from > 3) return false;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code !== 0x2e && code !== 0x40 && code !== 0x2f && code !== 0x5f && code !== 0x3a) return false;
  }
  return true;
}

// Space, tab, CR, no-break and typographic spaces, , : « » " ' “ ” „ ( ) and the hyphens and dashes.
function isLightSeparator(code: number): boolean {
  return (
    code === 0x20 || code === 0x09 || code === 0x0d || code === 0xa0 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f || code === 0x2c || code === 0x3a || code === 0xab || code === 0xbb || code === 0x22 ||
    code === 0x27 || code === 0x201c || code === 0x201d || code === 0x201e || code === 0x28 || code === 0x29 ||
    code === 0x2d || (code >= 0x2010 && code <= 0x2014)
  );
}

function addLookalikeAbbreviation(abbreviations: AbbreviationToken[], token: WordToken, index: number): void {
  // The look-alike test of the first letter before the Unicode-property one: most capitalised words are Cyrillic
  // («Пишу», «Вам»), and asCyrillicLookalike would refuse them at that letter anyway.
  if (token.raw.length > MAX_LOOKALIKE_ABBREVIATION || token.raw.length < 2 || !startsWithLatinLookalike(token.norm) || !ALL_CAPITALS.test(token.raw)) {
    return;
  }
  const cyrillic = asCyrillicLookalike(token.norm);
  if (cyrillic !== null && cyrillic !== token.norm) {
    abbreviations.push({ start: token.start, end: token.end, norm: cyrillic, firstWord: index, lastWord: index });
  }
}

/** «С.В.О.» and «С. В. О.» keep one separator; «у з-с-у» changes from a space to a hyphen. */
function sameSeparator(first: string, gap: string): boolean {
  return first === gap || first.trim() === gap.trim() && first.trim() !== "";
}

function isCapital(letter: string): boolean {
  return letter !== letter.toLowerCase();
}

// One-letter prepositions and conjunctions that may stand before a spelled-out word («пішов у з с у»).
const ONE_LETTER_WORDS = new Set(["в", "у", "ў", "с", "з", "к", "о", "а", "и", "і", "й", "a", "i"]);

/**
 * Runs of single letters separated only by dots, spaces, hyphens or underscores on one line: «С.В.О.», «С В О»,
 * «Ф. Б. К.», «з-с-у». Where the separator changes («у з-с-у») a new run starts; a run that starts with a
 * one-letter preposition is also read without it («у з с у» is «зсу» too).
 */
function collectSpelledAbbreviations(text: string, words: WordToken[], abbreviations: AbbreviationToken[]): void {
  let runStart = -1;
  let separator: string | null = null;
  const push = (from: number, runEnd: number): void => {
    const run = words.slice(from, runEnd);
    const first = run[0];
    const last = run[run.length - 1];
    if (first && last) {
      abbreviations.push({ start: first.start, end: last.end, norm: run.map((word) => word.norm).join(""), firstWord: from, lastWord: runEnd - 1 });
    }
  };
  const flush = (runEnd: number): void => {
    if (runStart >= 0 && runEnd - runStart >= 2) {
      push(runStart, runEnd);
      if (runEnd - runStart >= 4 && ONE_LETTER_WORDS.has((words[runStart] as WordToken).lower)) push(runStart + 1, runEnd);
    }
    runStart = -1;
    separator = null;
  };
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    if (!word || word.raw.length !== 1) {
      // No run open (most words): nothing to flush, and `separator` is null already.
      if (runStart >= 0) flush(index);
      continue;
    }
    const previous = words[index - 1];
    const gap = previous === undefined ? "" : text.slice(previous.end, word.start);
    // Case must not change inside a run: «с В. О. Петровым» is a preposition before initials, not «СВО».
    const joinable =
      runStart >= 0 && previous !== undefined && isCapital(previous.raw) === isCapital(word.raw) && DOTS_AND_SPACES_ONLY.test(gap);
    if (joinable && separator !== null && !sameSeparator(separator, gap)) {
      // The separator changed: the previous letter starts a new run with this one.
      flush(index - 1);
      runStart = index - 1;
      separator = gap;
    } else if (!joinable) {
      flush(index);
      runStart = index;
    } else separator ??= gap;
  }
  flush(words.length);
}
