import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { classesWithLatin } from "../../src/domain/censorship/character-classes.js";
import { checkLetter } from "../../src/domain/censorship/index.js";
import { forgetLetterLines, letterLinesBytes, readLetterLines, rememberLetterLines } from "../../src/domain/censorship/letter-lines.js";
import { letterStats } from "../../src/domain/censorship/stats.js";
import { tokenize, type Tokens } from "../../src/domain/censorship/tokenize.js";
import { normaliseLetterText } from "../../src/domain/letters/draft.js";
import { mulberry32 } from "../../src/domain/seeded-random.js";

// Pieces that take the tokenizer's rarer paths: capitals, camel-case hashtags, spelled and look-alike abbreviations,
// addresses, apostrophes, other scripts (Greek final sigma), emoji, digits, tabs and no-break spaces.
const TRICKY = [
  "С. В. О. и у з-с-у, а ещё Ф Б К",
  "#СлаваУкраїні та м'ясо, жовто-блакитний",
  "CBO и ФСБ, ВОЙНА — ЭТО ПЛОХО",
  "Privet, drug! kak dela? Hello, don't worry",
  "olga.k@mail.ru или t.me/lysty_bot",
  "ΑΣ.Β ΟΔΟΣ Σ.Α",
  "ёлка і ў, ґанок, Ўладзімір",
  "В 1999 году, 9 мая, в 14:30 😀 тут",
  "\tс табом\u00a0и пробелами  ",
  "вой\u200Bна и п-у-т-и-н",
];

function corpusSentences(): string[] {
  const url = new URL("corpus/sentences.jsonl", import.meta.url);
  return readFileSync(url, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => (JSON.parse(line) as { text: string }).text);
}

const SEPARATORS = ["\n", "\n\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n", " \n", "\n\n\n", " ", "\n\t"];

/** What the whole letter gives when tokenized, classed and counted in one piece (the check before the lines' memory). */
function whole(text: string) {
  const tokens = tokenize(text);
  return { tokens: plain(tokens), classes: classesWithLatin(text), stats: letterStats(text) };
}

function fromLines(text: string) {
  const read = readLetterLines(text);
  return { tokens: plain(read.tokens), classes: read.classes, stats: read.stats };
}

// The lines' tokens are pooled and overwritten by the next read: compared as copies.
function plain(tokens: Tokens) {
  return { words: tokens.words.map((word) => ({ ...word })), abbreviations: tokens.abbreviations.map((abbreviation) => ({ ...abbreviation })) };
}

/** One character of a piece changed, as an edit in the paragraph editor would. */
function edited(piece: string, random: () => number): string {
  const at = Math.floor(random() * piece.length);
  return `${piece.slice(0, at)}${random() < 0.5 ? "Ж" : " "}${piece.slice(at + 1)}`;
}

describe("the letter's lines read one by one (letter-lines.ts)", () => {
  beforeEach(() => forgetLetterLines());

  it("give the whole letter's tokens, classes and figures, whatever the memory held before (seeded random letters)", () => {
    const pieces = [...TRICKY, ...corpusSentences()];
    const random = mulberry32(20261207);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    for (let letter = 0; letter < 150; letter++) {
      const parts = Array.from({ length: 2 + Math.floor(random() * 12) }, () => {
        const piece = pick(pieces);
        return random() < 0.1 ? piece.toUpperCase() : piece;
      });
      // Some parts come twice, as a writer pasting a paragraph again.
      if (random() < 0.3) parts.push(pick(parts));
      let text = "";
      for (const part of parts) text += (text === "" ? "" : pick(SEPARATORS)) + part;
      if (random() < 0.3) text = normaliseLetterText(text);
      // The memory warmed as the writing stage, the editor or an earlier check would have: messages as sent
      // (normalised or not), edited, in another order, or the letter itself.
      for (const part of [...parts].sort(() => random() - 0.5)) {
        const roll = random();
        if (roll < 0.4) rememberLetterLines(part);
        else if (roll < 0.6) rememberLetterLines(normaliseLetterText(`${part} \r\n`));
        else if (roll < 0.8) rememberLetterLines(edited(part, random));
      }
      if (random() < 0.2) rememberLetterLines(text);
      expect(fromLines(text), text).toEqual(whole(text));
    }
  });

  it("marks the first word after a line break as a sentence break that no phrase crosses", () => {
    rememberLetterLines("и мир");
    const { tokens } = readLetterLines("война,\nи мир");
    expect(tokens.words[1]?.breakBefore).toBe(true);
    expect(tokens.words[1]?.joinsPrevious).toBe(false);
    // A line without words before it: the first word of the letter starts nothing.
    expect(readLetterLines("12\n\nи мир").tokens.words[0]?.breakBefore).toBe(false);
  });

  it("counts a blank line as a printed line, and a letter of blank lines as no page", () => {
    // 31 words on lines of their own with a blank line between: 61 printed lines, three pages.
    const text = Array.from({ length: 31 }, () => "слово").join("\n \n");
    rememberLetterLines("слово");
    expect(readLetterLines(text).stats).toEqual(letterStats(text));
    expect(readLetterLines(text).stats.pages).toBe(3);
    expect(readLetterLines(" \n\t\n ").stats).toEqual(letterStats(" \n\t\n "));
  });

  it("tokenizes a letter whose lower case is longer («İ») whole: its words are lowercased one by one", () => {
    // Alone, «ΑΣ» before «.Β» is lowercased with its line («ασ»); in a letter holding «İ», word by word («ας»).
    rememberLetterLines("ΑΣ.Β");
    const text = "İstanbul\nΑΣ.Β";
    expect(fromLines(text)).toEqual(whole(text));
    expect(readLetterLines(text).tokens.words[1]?.lower).toBe("ας");
  });

  it("reads a line it has read before from the memory", () => {
    const text = "Пишу Вам снова.\n\nКак здоровье?";
    rememberLetterLines(text);
    const held = letterLinesBytes();
    expect(held).toBeGreaterThan(0);
    readLetterLines(text);
    expect(letterLinesBytes()).toBe(held);
    readLetterLines(`${text}\nИ ещё строка`);
    expect(letterLinesBytes()).toBeGreaterThan(held);
  });

  it("checks a letter alike whether its lines were read before or not", () => {
    const random = mulberry32(7);
    const sentences = corpusSentences();
    for (let letter = 0; letter < 20; letter++) {
      const parts = Array.from({ length: 3 + Math.floor(random() * 6) }, () => sentences[Math.floor(random() * sentences.length)] as string);
      const text = parts.join("\n\n");
      const options = { system: random() < 0.5 ? ("ru" as const) : ("by" as const), status: "sentenced" as const };
      forgetLetterLines();
      const cold = checkLetter(text, options);
      for (const part of parts.slice(1)) rememberLetterLines(part);
      expect(checkLetter(text, options)).toEqual(cold);
    }
  });
});
