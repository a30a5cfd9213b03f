import { letterStats, pagesOfLines, printedLines } from "../domain/censorship/stats.js";
import type { LetterStats } from "../domain/censorship/types.js";
import type { ParagraphChange } from "./spans.js";

/** A paragraph's share of the letter's figures. */
interface ParagraphFigures {
  characters: number;
  words: number;
  /** Its printed lines (`printedLines`, as `estimatePages` counts them). */
  lines: number;
}

/**
 * `letterStats` of the text being edited, from figures per paragraph kept from one call to the next: a keystroke
 * changes one paragraph, so only that one is counted again, not the 12,000 characters of the letter. The sum is
 * exactly `letterStats` of the whole text: no word and no character spans a line break, and each paragraph starts
 * a new printed line.
 *
 * With `change` (the paragraphs changed since the text of the previous call: `paragraphsChanged`) only those are
 * looked at; without it every paragraph is looked up by its text (a loaded draft, a check's redraw).
 */
export function createLetterCounter(): (text: string, change?: ParagraphChange) => LetterStats {
  /** The paragraphs of the text of the previous call, and their figures. */
  let paragraphs: string[] = [];
  let figures: ParagraphFigures[] = [];
  let sum: ParagraphFigures = { characters: 0, words: 0, lines: 0 };
  const add = (paragraph: ParagraphFigures, sign: 1 | -1) => {
    sum.characters += sign * paragraph.characters;
    sum.words += sign * paragraph.words;
    sum.lines += sign * paragraph.lines;
  };
  return (text, change) => {
    if (change && change.index + change.removed <= figures.length) {
      paragraphs.splice(change.index, change.removed, ...change.added);
      const added = change.added.map(count);
      for (const paragraph of figures.splice(change.index, change.removed, ...added)) add(paragraph, -1);
      for (const paragraph of added) add(paragraph, 1);
    } else {
      const known = new Map(figures.map((paragraph, index) => [paragraphs[index] ?? "", paragraph]));
      paragraphs = text.split("\n");
      figures = paragraphs.map((paragraph) => known.get(paragraph) ?? count(paragraph));
      sum = { characters: 0, words: 0, lines: 0 };
      for (const paragraph of figures) add(paragraph, 1);
    }
    // The line breaks are characters too.
    return { characters: sum.characters + figures.length - 1, words: sum.words, pages: text.trim() === "" ? 0 : pagesOfLines(sum.lines) };
  };
}

function count(paragraph: string): ParagraphFigures {
  const { characters, words } = letterStats(paragraph);
  return { characters, words, lines: printedLines(paragraph) };
}
