import { isApostrophe, wordOrDigitWidth } from "./characters.js";
import type { LetterStats } from "./types.js";

/**
 * The printed page is the Russian "standard typewritten page" (машинописная страница): 30 lines of 60
 * characters, 1,800 characters with spaces. FSIN-pismo publishes no page or character limit (a gap in our
 * research), so this only tells the writer how long the letter is on paper: each paragraph starts a new line, so
 * short paragraphs take more room than their characters suggest.
 */
export const CHARACTERS_PER_LINE = 60;
export const LINES_PER_PAGE = 30;

export function letterStats(text: string): LetterStats {
  const { characters, words, lines } = textFigures(text);
  return { characters, words, pages: pagesOfLines(lines) };
}

export function estimatePages(text: string): number {
  return pagesOfLines(textFigures(text).lines);
}

/**
 * What `letterStats` is made of: code points, words and printed lines (0 for a blank text, which prints no page).
 * Kept with a draft as running figures (domain/letters/text-counts.ts), since they add up paragraph by paragraph.
 *
 * One pass over the text, without a string per paragraph (issue 16) or a second pass for the words (issue 14: each
 * message of the writing stage is counted as it is appended, so this is the per-character part of a long message).
 * The same figures as counting lines with `printedLines` and words with `wordOrDigitWidth` separately.
 */
export function textFigures(text: string): { characters: number; words: number; lines: number } {
  let characters = 0;
  let lines = 0;
  let blank = true;
  // Code points of the current line so far, and up to its last character that prints (trailing space does not).
  let lineCharacters = 0;
  let printedCharacters = 0;
  let words = 0;
  let inWord = false;
  // The next index the word count looks at: a letter outside the BMP is two UTF-16 units, a joiner is passed over.
  let examine = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // Most characters are Cyrillic letters (U+0400–U+052F but the thousands sign U+0482) and spaces: what the general
    // branches below decide for them, decided at once (issue 14 speed: this loop runs over every character).
    if (code >= 0x400 && code <= 0x52f && code !== 0x482) {
      characters++;
      lineCharacters++;
      printedCharacters = lineCharacters;
      blank = false;
      if (index >= examine) {
        if (!inWord) words++;
        inWord = true;
        examine = index + 1;
      }
      continue;
    }
    if (code === 0x20) {
      characters++;
      lineCharacters++;
      if (index >= examine) {
        inWord = false;
        examine = index + 1;
      }
      continue;
    }
    if (code === 0x0a) {
      characters++;
      lines += linesOfParagraph(printedCharacters);
      lineCharacters = 0;
      printedCharacters = 0;
    } else {
      if (code < 0xdc00 || code > 0xdfff) {
        characters++;
        lineCharacters++;
      }
      // Most characters of a letter lie between the space and U+1680, where only U+00A0 is white space.
      if ((code > 0x20 && code < 0x1680 && code !== 0xa0) || !isTrimmedSpace(code)) {
        printedCharacters = lineCharacters;
        blank = false;
      }
    }
    if (index < examine) continue;
    const width = wordOrDigitWidthOf(text, index, code);
    if (width > 0) {
      if (!inWord) words++;
      inWord = true;
      examine = index + width;
    } else if (inWord && isJoiner(code) && wordOrDigitWidth(text, index + 1) > 0) {
      // A hyphen or apostrophe between two letters joins them into one word («жовто-блакитний», "don't").
      examine = index + 1;
    } else {
      inWord = false;
      examine = index + 1;
    }
  }
  lines += linesOfParagraph(printedCharacters);
  return { characters, words, lines: blank ? 0 : lines };
}

/** `wordOrDigitWidth` with the code unit at hand: ASCII and Cyrillic decided here, the rest by the shared rule. */
function wordOrDigitWidthOf(text: string, index: number, code: number): number {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) ? 1 : 0;
  if (code >= 0x400 && code <= 0x52f) return code === 0x482 ? 0 : 1; // U+0482 is the Cyrillic thousands sign
  return wordOrDigitWidth(text, index);
}

/** A paragraph starts a new line and fills lines of CHARACTERS_PER_LINE. */
function linesOfParagraph(printedCharacters: number): number {
  return Math.max(1, Math.ceil(printedCharacters / CHARACTERS_PER_LINE));
}

/** Pages of so many printed lines. */
export function pagesOfLines(lines: number): number {
  return Math.ceil(lines / LINES_PER_PAGE);
}

/** The characters String.prototype.trim removes (white space and line terminators). */
function isTrimmedSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** The printed lines of one paragraph: it starts a new line, and its trailing white space does not print. */
export function printedLines(paragraph: string): number {
  return Math.max(1, Math.ceil(countCodePoints(paragraph.trimEnd()) / CHARACTERS_PER_LINE));
}

function isJoiner(code: number): boolean {
  return code === 0x2d || code === 0x2010 || isApostrophe(code);
}

/** Code points, so an emoji counts once (UTF-16 length would count most of them twice). */
function countCodePoints(text: string): number {
  return countCodePointsIn(text, 0, text.length);
}

function countCodePointsIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code < 0xdc00 || code > 0xdfff) count++;
  }
  return count;
}
