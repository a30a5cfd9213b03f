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
  const { lines, blank } = countLines(text);
  return blank ? 0 : pagesOfLines(lines);
}

/**
 * What `letterStats` is made of: code points, words and printed lines (0 for a blank text, which prints no page).
 * Kept with a draft as running figures (domain/letters/text-counts.ts), since they add up paragraph by paragraph.
 */
export function textFigures(text: string): { characters: number; words: number; lines: number } {
  const { characters, lines, blank } = countLines(text);
  return { characters, words: countWords(text), lines: blank ? 0 : lines };
}

/** Pages of so many printed lines. */
export function pagesOfLines(lines: number): number {
  return Math.ceil(lines / LINES_PER_PAGE);
}

/**
 * In one pass over the text, without a string per paragraph (issue 16 speed): its code points, the printed lines of
 * its paragraphs (`printedLines` of each), and whether it is only white space (then it has no pages).
 */
function countLines(text: string): { characters: number; lines: number; blank: boolean } {
  let characters = 0;
  let lines = 0;
  let blank = true;
  let start = 0;
  for (;;) {
    const lineBreak = text.indexOf("\n", start);
    const end = lineBreak < 0 ? text.length : lineBreak;
    let printed = end;
    while (printed > start && isTrimmedSpace(text.charCodeAt(printed - 1))) printed--;
    if (printed > start) blank = false;
    const paragraphCharacters = countCodePointsIn(text, start, printed);
    characters += paragraphCharacters + countCodePointsIn(text, printed, end) + (lineBreak < 0 ? 0 : 1);
    lines += Math.max(1, Math.ceil(paragraphCharacters / CHARACTERS_PER_LINE));
    if (lineBreak < 0) return { characters, lines, blank };
    start = lineBreak + 1;
  }
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

/**
 * Words as a reader counts them: runs of letters and digits; a hyphen or apostrophe between two of them joins
 * («жовто-блакитний», "don't" and "2024" are one word each).
 */
function countWords(text: string): number {
  let count = 0;
  let index = 0;
  while (index < text.length) {
    const width = wordOrDigitWidth(text, index);
    if (width === 0) {
      index++;
      continue;
    }
    count++;
    index += width;
    for (;;) {
      const next = wordOrDigitWidth(text, index);
      if (next > 0) index += next;
      else if (isJoiner(text.charCodeAt(index)) && wordOrDigitWidth(text, index + 1) > 0) index++;
      else break;
    }
  }
  return count;
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
