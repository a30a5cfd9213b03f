import { letterStats, pagesOfLines, printedLines } from "../domain/censorship/stats.js";
import type { LetterStats } from "../domain/censorship/types.js";

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
 */
export function createLetterCounter(): (text: string) => LetterStats {
  let known = new Map<string, ParagraphFigures>();
  return (text) => {
    const now = new Map<string, ParagraphFigures>();
    const paragraphs = text.split("\n");
    // The line breaks are characters too.
    let characters = paragraphs.length - 1;
    let words = 0;
    let lines = 0;
    for (const paragraph of paragraphs) {
      const figures = known.get(paragraph) ?? now.get(paragraph) ?? count(paragraph);
      now.set(paragraph, figures);
      characters += figures.characters;
      words += figures.words;
      lines += figures.lines;
    }
    known = now;
    return { characters, words, pages: text.trim() === "" ? 0 : pagesOfLines(lines) };
  };
}

function count(paragraph: string): ParagraphFigures {
  const { characters, words } = letterStats(paragraph);
  return { characters, words, lines: printedLines(paragraph) };
}
