import { classesWithLatin } from "./character-classes.js";
import { createSizedMemo } from "./line-memo.js";
import { pagesOfLines, textFigures } from "./stats.js";
import { type AbbreviationToken, collectSpelledAbbreviations, tokenizeLine, tokenizeReusing, type Tokens, wordToken, type WordToken } from "./tokenize.js";
import type { LetterStats } from "./types.js";

/**
 * The part of a letter's check that each line decides alone, kept per line of text (issue 14: "check" on a long
 * letter re-read every line of it; the Mini App's check, the findings screen's re-check and the organisers' route
 * check letters whose lines were checked before).
 *
 * Only work whose result provably does not depend on the other lines is kept, keyed by the line's exact text:
 * - the word tokens: no word, gap or lowercasing context runs across a line break (a gap holding one is a
 *   sentence break and glues nothing; the Final_Sigma context of lowercasing stops at it), so a line's tokens are
 *   the letter's shifted by the line's offset, but for the first token after an earlier word, which a line break
 *   precedes. One exception: a letter whose lower case is longer than itself («İ») has all its words lowercased
 *   one by one, so such a letter is tokenized whole, as before;
 * - the look-alike abbreviations (one word each); spelled ones («С. В. О.») are collected over the letter's words;
 * - the character classes (an OR of the characters');
 * - the figures (`textFigures`: no word runs across a line break; each line starts a printed line).
 * Everything after (language, readings, hits, context, model, findings) runs on the whole letter as before.
 */
export interface LetterLines {
  tokens: Tokens;
  /** `classesWithLatin` of the letter. */
  classes: number;
  /** `letterStats` of the letter. */
  stats: LetterStats;
}

/** One line's share, its offsets relative to the line. */
interface LineWork {
  /** The line's length in UTF-16 units. */
  length: number;
  /** Its word tokens, kept (not pooled): copied into the letter's pooled tokens, shifted, field by field. */
  tokens: readonly WordToken[];
  lookalikes: readonly AbbreviationToken[];
  classes: number;
  characters: number;
  words: number;
  /** Printed lines (1 for a blank one). */
  lines: number;
  blank: boolean;
}

// 8 MB: a 12,000-character letter's lines hold about 150 kB (its text twice over and some 60 bytes a word), so some
// fifty long letters; a writer's letter is checked once or a few times, minutes apart.
const MEMO_BUDGET_BYTES = 8 * 1024 * 1024;
const memo = createSizedMemo<LineWork>(MEMO_BUDGET_BYTES);
const LINE_BREAK_CLASSES = classesWithLatin("\n");
const EMPTY_LINE: LineWork = { length: 0, tokens: [], lookalikes: [], classes: 0, characters: 0, words: 0, lines: 1, blank: true };

// The letter's token objects, overwritten by the next letter (as tokenizeReusing's, issue 16 allocation).
const pool: WordToken[] = [];
const pooledWords: WordToken[] = [];
let reading = false;

/**
 * The tokens, classes and figures of `text`, from the lines' memory where it holds them. The tokens are overwritten
 * by the next call: nothing of them may reach the check's result.
 */
export function readLetterLines(text: string): LetterLines {
  const works = lineWorks(text);
  if (works === null || reading) return readWhole(text);
  reading = true;
  try {
    return assemble(text, works);
  } finally {
    reading = false;
  }
}

/** Reads the lines of `text` into the memory without checking it (a message as it is appended to a draft). */
export function rememberLetterLines(text: string): void {
  lineWorks(text);
}

/** Empties the lines' memory (tests). */
export function forgetLetterLines(): void {
  memo.clear();
}

/** Bytes the lines' memory holds, by its estimate. */
export function letterLinesBytes(): number {
  return memo.bytes();
}

/** Each line's work, or null when the letter must be tokenized whole (see LetterLines). */
function lineWorks(text: string): LineWork[] | null {
  const works: LineWork[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf("\n", start);
    const line = end < 0 ? text.slice(start) : text.slice(start, end);
    const work = line === "" ? EMPTY_LINE : (memo.get(line) ?? readLine(line));
    if (work === null) return null;
    works.push(work);
    if (end < 0) return works;
    start = end + 1;
  }
}

function readLine(slice: string): LineWork | null {
  // A copy: a slice of 13 characters or more is a view that would keep the whole letter alive in the memory.
  const line = (slice + " ").slice(0, -1);
  const { words, abbreviations, lowerChangesLength } = tokenizeLine(line);
  if (lowerChangesLength) return null;
  const tokens = words.map((word) => ({ ...word }));
  const figures = textFigures(line);
  const work: LineWork = {
    length: line.length,
    tokens,
    lookalikes: abbreviations,
    classes: classesWithLatin(line),
    characters: figures.characters,
    words: figures.words,
    lines: Math.max(1, figures.lines),
    blank: figures.lines === 0,
  };
  memo.set(line, work, 2 * line.length + 60 * tokens.length + 64 * abbreviations.length + 160);
  return work;
}

function assemble(text: string, works: readonly LineWork[]): LetterLines {
  const abbreviations: AbbreviationToken[] = [];
  let count = 0;
  let offset = 0;
  let classes = works.length > 1 ? LINE_BREAK_CLASSES : 0;
  let characters = works.length - 1;
  let words = 0;
  let lines = 0;
  let blank = true;
  for (const work of works) {
    const first = count;
    for (let index = 0; index < work.tokens.length; index++) {
      const word = work.tokens[index] as WordToken;
      // A line break stands between an earlier line's last word and this line's first.
      const afterBreak = index === 0 && count > 0;
      pooledWords[count] = wordToken(
        pool,
        count,
        offset + word.start,
        offset + word.end,
        word.raw,
        word.lower,
        word.norm,
        afterBreak || word.breakBefore,
        !afterBreak && word.joinsPrevious,
        word.hashtag,
        word.glued,
        word.slot,
      );
      count++;
    }
    for (const abbreviation of work.lookalikes) {
      abbreviations.push({
        start: offset + abbreviation.start,
        end: offset + abbreviation.end,
        norm: abbreviation.norm,
        firstWord: first + abbreviation.firstWord,
        lastWord: first + abbreviation.lastWord,
      });
    }
    classes |= work.classes;
    characters += work.characters;
    words += work.words;
    lines += work.lines;
    blank &&= work.blank;
    offset += work.length + 1;
  }
  if (pooledWords.length !== count) pooledWords.length = count;
  collectSpelledAbbreviations(text, pooledWords, abbreviations);
  return { tokens: { words: pooledWords, abbreviations }, classes, stats: { characters, words, pages: pagesOfLines(blank ? 0 : lines) } };
}

function readWhole(text: string): LetterLines {
  const figures = textFigures(text);
  return { tokens: tokenizeReusing(text), classes: classesWithLatin(text), stats: { characters: figures.characters, words: figures.words, pages: pagesOfLines(figures.lines) } };
}
