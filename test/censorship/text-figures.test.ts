import { describe, expect, it } from "vitest";
import { wordOrDigitWidth } from "../../src/domain/censorship/characters.js";
import { printedLines, textFigures } from "../../src/domain/censorship/stats.js";

/**
 * `textFigures` counts characters, words and printed lines in one pass (issue 14). The reference below is the
 * definition it must keep, written the plain way: lines split and measured by `printedLines`, code points by the
 * string iterator, words by walking `wordOrDigitWidth` with the joiners (hyphen, apostrophes) between two parts.
 */
function referenceFigures(text: string): { characters: number; words: number; lines: number } {
  const paragraphs = text.split("\n");
  const blank = text.trim() === "" && !/[^\s]/u.test(text);
  const lines = paragraphs.reduce((sum, paragraph) => sum + printedLines(paragraph), 0);
  // Code points as the string iterator sees them, except a lone low surrogate, which has never counted.
  const characters = [...text].filter((unit) => !/^[\udc00-\udfff]$/.test(unit)).length;
  return { characters, words: referenceWords(text), lines: blank ? 0 : lines };
}

function referenceWords(text: string): number {
  const joiner = (code: number) => [0x2d, 0x2010, 0x27, 0x2019, 0x2018, 0x60].includes(code);
  let count = 0;
  let index = 0;
  while (index < text.length) {
    if (wordOrDigitWidth(text, index) === 0) {
      index++;
      continue;
    }
    count++;
    for (;;) {
      const width = wordOrDigitWidth(text, index);
      if (width > 0) index += width;
      else if (joiner(text.charCodeAt(index)) && wordOrDigitWidth(text, index + 1) > 0) index++;
      else break;
    }
  }
  return count;
}

function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

// Every kind of code unit the one pass decides differently: ASCII letters and digits, Cyrillic (and U+0482, not a
// letter), Latin-1 and IPA, combining marks, letters and digits outside the BMP, emoji, lone surrogates, invisible
// characters, joiners at a word's edge, every white space `trim` removes, line breaks and carriage returns.
const PIECES = [
  "Пишу", "Вам", "a", "Z", "2024", "9", "Ї", "ґ", "\u0482", "é", "ß", "ɐ", "ʼ", "e\u0301", "\u0301",
  "𝐀", "𝟘", "🌻", "🇺🇦", "\ud83c", "\udf3b", "\u00ad", "\u200b", "\u2060", "٣", "中", "-", "\u2010", "'", "’", "‘",
  "`", "—", ".", " ", "  ", "\t", "\u00a0", "\u2028", "\u3000", "\ufeff", "\u202f", "\r", "\n", "\n\n", "\v",
];

describe("textFigures, in one pass", () => {
  it("gives the figures of the plain definition on 3,000 generated texts", () => {
    const random = generator(1914);
    for (let round = 0; round < 3_000; round++) {
      let text = "";
      const pieces = Math.floor(random() * 60);
      for (let index = 0; index < pieces; index++) text += PIECES[Math.floor(random() * PIECES.length)];
      if (random() < 0.2) text += " слово".repeat(Math.floor(random() * 40));
      expect(textFigures(text), JSON.stringify(text)).toEqual(referenceFigures(text));
    }
  });

  it("counts a blank text as no lines, and a long line as several", () => {
    expect(textFigures("")).toEqual({ characters: 0, words: 0, lines: 0 });
    expect(textFigures(" \n\t\n")).toEqual({ characters: 4, words: 0, lines: 0 });
    expect(textFigures(`${"я".repeat(61)}  `)).toEqual({ characters: 63, words: 1, lines: 2 });
    expect(textFigures("жовто-блакитний -слово- don't 𝐀𝐁")).toEqual({ characters: 32, words: 4, lines: 1 });
  });
});
