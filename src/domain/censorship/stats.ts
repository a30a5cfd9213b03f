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
  return { characters: countCodePoints(text), words: countWords(text), pages: estimatePages(text) };
}

export function estimatePages(text: string): number {
  if (text.trim() === "") return 0;
  let lines = 0;
  for (const paragraph of text.split("\n")) lines += printedLines(paragraph);
  return Math.ceil(lines / LINES_PER_PAGE);
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
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0xdc00 || code > 0xdfff) count++;
  }
  return count;
}
