/**
 * A long draft's first paint holds only its beginning: laying out 12,000 characters before the first paint doubled
 * the time to it (bench/webapp.ts). This module says how much of the text surely fills the letter's box. Pure: the
 * box's size comes from the page (main.ts), measured without forcing a layout.
 */

/** At least this much, whatever the box. */
const FIRST_PAINT_MIN_CHARACTERS = 1000;
/** The letter's line height (17px × 1.5, rounded down) and a character narrower than any letter's average at 17px. */
const LETTER_LINE_PX = 25;
const NARROW_CHARACTER_PX = 6;

/** The letter box's content size in CSS pixels. */
export interface Box {
  width: number;
  height: number;
}

/**
 * The beginning of `text` that fills more than `box` can show: as many of the letter's lines as the box is high, plus
 * one, each holding as many narrow characters as the box is wide, where every paragraph starts a line of its own (an
 * empty one takes a line too), then to the end of that paragraph (else word); at least 1,000 characters; all of the
 * text when it is not much longer. Counting lines rather than characters: on the bench's 390×760 phone ~1,100
 * characters of a letter of short paragraphs instead of ~1,800, and never fewer lines than the box shows.
 */
export function firstScreen(text: string, box: Box): string {
  const perLine = Math.max(1, Math.ceil(box.width / NARROW_CHARACTER_PX));
  let lines = Math.ceil(box.height / LETTER_LINE_PX) + 1;
  let end = 0;
  while (lines > 0 && end < text.length) {
    const lineBreak = text.indexOf("\n", end);
    const paragraphEnd = lineBreak < 0 ? text.length : lineBreak;
    const needed = Math.max(1, Math.ceil((paragraphEnd - end) / perLine));
    if (needed > lines) {
      end += lines * perLine;
      break;
    }
    lines -= needed;
    end = paragraphEnd + 1;
  }
  return beginning(text, Math.max(FIRST_PAINT_MIN_CHARACTERS, end));
}

/** The text up to the first line break (else space) after `characters`: all of it when it is not much longer. */
function beginning(text: string, characters: number): string {
  if (text.length <= characters * 1.5) return text;
  const lineEnd = text.indexOf("\n", characters);
  const end = lineEnd >= 0 && lineEnd < characters * 1.5 ? lineEnd : text.indexOf(" ", characters);
  return end < 0 ? text : text.slice(0, end);
}
