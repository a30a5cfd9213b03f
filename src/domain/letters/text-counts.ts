import { pagesOfLines, textFigures } from "../censorship/stats.js";
import type { LetterStats } from "../censorship/types.js";

/**
 * The running figures kept with a draft (issue 14): the same characters and words as `letterStats`, and the printed
 * lines its page estimate is made of. They add up when paragraphs are joined with a blank line, which is how the
 * writing stage appends a message, so a message costs the same for a 12,000-character draft as for a short one:
 * `countsOf(a + "\n\n" + b)` equals `joinedCounts(countsOf(a), countsOf(b))` for any non-blank `a` and `b` (the
 * blank line is two characters and one printed line, and no word runs across a line break).
 */
export interface TextCounts {
  characters: number;
  words: number;
  lines: number;
}

/** The separator between paragraphs of a stored letter (normalised text has at most one blank line). */
export const PARAGRAPH_SEPARATOR = "\n\n";

export const NO_TEXT: TextCounts = { characters: 0, words: 0, lines: 0 };

/** The figures of a whole text, counted once (a full write of the draft, or a draft counted for the first time). */
export function countsOf(text: string | null): TextCounts {
  return text ? textFigures(text) : NO_TEXT;
}

/** The figures of `before + PARAGRAPH_SEPARATOR + added`, both non-blank. */
export function joinedCounts(before: TextCounts, added: TextCounts): TextCounts {
  return {
    characters: before.characters + PARAGRAPH_SEPARATOR.length + added.characters,
    words: before.words + added.words,
    lines: before.lines + 1 + added.lines,
  };
}

/** What the draft screen shows, from the running figures: equal to `letterStats` of the text they count. */
export function statsOfCounts(counts: TextCounts): LetterStats {
  return { characters: counts.characters, words: counts.words, pages: pagesOfLines(counts.lines) };
}
