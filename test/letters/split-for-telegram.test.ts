import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/telegram/html.js";
import { measureForTelegram, splitForTelegram, TELEGRAM_MESSAGE_LIMIT } from "../../src/domain/letters/split-for-telegram.js";
import { splitByGraphemes } from "./split-reference.js";

/** A small deterministic generator, so that a failing case can be reproduced from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВ&<>\"'";
const SEPARATORS = [" ", " ", " ", " ", ". ", "! ", "\n", "\n\n", ", "];

function randomText(next: () => number, words: number, maxWord: number): string {
  let text = "";
  for (let i = 0; i < words; i++) {
    const length = 1 + Math.floor(next() * maxWord);
    for (let j = 0; j < length; j++) text += LETTERS[Math.floor(next() * LETTERS.length)];
    text += SEPARATORS[Math.floor(next() * SEPARATORS.length)];
  }
  return text;
}

/** Inserts 30 of `extras` at random places, never inside a surrogate pair already there. */
function sprinkle(next: () => number, text: string, extras: readonly string[]): string {
  let result = text;
  for (let i = 0; i < 30; i++) {
    let at = Math.floor(next() * result.length);
    if (/[\uDC00-\uDFFF]/u.test(result[at] ?? "")) at++;
    result = result.slice(0, at) + (extras[Math.floor(next() * extras.length)] ?? "") + result.slice(at);
  }
  return result;
}

const wordsOf = (text: string) => text.split(/\s+/u).filter((word) => word !== "");
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

describe("splitForTelegram", () => {
  it("leaves a short text whole and gives nothing for a blank one", () => {
    expect(splitForTelegram("Здравствуйте!")).toEqual(["Здравствуйте!"]);
    expect(splitForTelegram("  \n\n ")).toEqual([]);
  });

  it("splits a full-length letter between paragraphs, each message within 4,096 characters", () => {
    const paragraph = "Сегодня был обычный день, и я хочу рассказать о нём. ".repeat(20).trim();
    const letter = Array.from({ length: 11 }, () => paragraph).join("\n\n");
    expect(letter.length).toBeGreaterThan(11_000);
    const pieces = splitForTelegram(letter);
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
    // Every cut fell between paragraphs: joining the pieces with a blank line gives the letter back.
    expect(pieces.join("\n\n")).toBe(letter);
  });

  it("prefers a paragraph break, then a line break, then the end of a sentence", () => {
    const a = "Первый абзац, довольно длинный, в нём много слов.";
    const b = "Второй абзац. И ещё немного текста";
    expect(splitForTelegram(`${a}\n\n${b}`, 64)).toEqual([a, b]);
    expect(splitForTelegram(`${a}\n${b}`, 64)).toEqual([a, b]);
    const sentences = "Это первое предложение письма, в нём есть слова. Это второе, и оно длиннее.";
    expect(splitForTelegram(sentences, 64)).toEqual([
      "Это первое предложение письма, в нём есть слова.",
      "Это второе, и оно длиннее.",
    ]);
  });

  it("does not cut right after a short first paragraph when a later break fits", () => {
    const text = `Привет!\n\n${"слово ".repeat(20)}`;
    const [first] = splitForTelegram(text, 80);
    expect(first!.length).toBeGreaterThan(40);
  });

  it("never breaks a word or exceeds the limit, on random texts", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed);
      const text = randomText(next, 50 + Math.floor(next() * 600), 14);
      const limit = 64 + Math.floor(next() * 400);
      const pieces = splitForTelegram(text, limit);
      for (const piece of pieces) {
        expect(piece.length, `seed ${seed}`).toBeLessThanOrEqual(limit);
        expect(piece, `seed ${seed}`).toBe(piece.trim());
        expect(piece, `seed ${seed}`).not.toBe("");
      }
      expect(pieces.flatMap(wordsOf), `seed ${seed}`).toEqual(wordsOf(text));
    }
  });

  it("keeps every piece within the limit after HTML escaping when asked to", () => {
    for (let seed = 1; seed <= 100; seed++) {
      const next = random(seed);
      const text = randomText(next, 300, 10);
      const limit = 64 + Math.floor(next() * 300);
      const pieces = splitForTelegram(text, limit, { measure: "html-escaped" });
      for (const piece of pieces) {
        expect(escapeHtml(piece).length, `seed ${seed}`).toBeLessThanOrEqual(limit);
        expect(measureForTelegram(piece, "html-escaped")).toBe(escapeHtml(piece).length);
      }
      expect(pieces.flatMap(wordsOf)).toEqual(wordsOf(text));
    }
  });

  it("cuts a word longer than a whole message, and only such a word", () => {
    const longWord = "ж".repeat(10_000);
    const pieces = splitForTelegram(`Начало ${longWord} конец`, TELEGRAM_MESSAGE_LIMIT);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
    expect(pieces[0]).toBe("Начало");
    expect(pieces.at(-1)).toMatch(/ конец$/u);
    expect(pieces.join("").replaceAll(" ", "")).toBe(`Начало${longWord}конец`);
  });

  it("never tears an emoji or an accented letter apart", () => {
    const emoji = "😀".repeat(100);
    const pieces = splitForTelegram(emoji, 65);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(65);
      expect(piece).not.toMatch(loneSurrogate);
    }
    expect(pieces.join("")).toBe(emoji);
    const accented = "е\u0301".repeat(100);
    const accentedPieces = splitForTelegram(accented, 65);
    for (const piece of accentedPieces) expect(piece.startsWith("\u0301")).toBe(false);
    expect(accentedPieces.join("")).toBe(accented);
  });

  it("still makes progress on a single grapheme longer than a message", () => {
    const zalgo = `а${"\u0301".repeat(200)}`;
    const pieces = splitForTelegram(zalgo, 64);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(64);
    expect(pieces.join("")).toBe(zalgo);
  });

  it("makes the same cuts as the grapheme-by-grapheme reference on texts of one-unit graphemes", () => {
    const extras = ["«так.»", "(да!)", "…", "\n", "\n\n", "  ", "\t"];
    for (let seed = 1; seed <= 150; seed++) {
      const next = random(seed);
      const text = sprinkle(next, randomText(next, 40 + Math.floor(next() * 400), 12), extras);
      const limit = 64 + Math.floor(next() * 300);
      for (const measure of ["plain", "html-escaped"] as const) {
        expect(splitForTelegram(text, limit, { measure }), `seed ${seed}, ${measure}`).toEqual(
          splitByGraphemes(text, limit, { measure }),
        );
      }
    }
  });

  it("keeps every grapheme whole and in order on phone-written text: emoji, skin tones, families, flags, accents", () => {
    // The reference measured "the second half of the window" in graphemes, this splitter in UTF-16 units, so with
    // multi-unit graphemes their cuts may differ by a word; what the writer sees must not: no grapheme torn or lost.
    const extras = ["😀", "👍🏽", "👩‍👩‍👧", "🇺🇦", "е\u0301", "❤️", " \u0301", "«так.»", "\n\n", "  "];
    const graphemesOf = (text: string) =>
      Array.from(new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text), (part) => part.segment).filter(
        (unit) => !/^\s+$/u.test(unit),
      );
    for (let seed = 1; seed <= 150; seed++) {
      const next = random(seed);
      const text = sprinkle(next, randomText(next, 40 + Math.floor(next() * 400), 12), extras);
      const limit = 64 + Math.floor(next() * 300);
      for (const measure of ["plain", "html-escaped"] as const) {
        const pieces = splitForTelegram(text, limit, { measure });
        for (const piece of pieces) expect(measureForTelegram(piece, measure), `seed ${seed}`).toBeLessThanOrEqual(limit);
        expect(pieces.flatMap(graphemesOf), `seed ${seed}, ${measure}`).toEqual(graphemesOf(text));
        const reference = splitByGraphemes(text, limit, { measure }).length;
        expect(pieces.length, `seed ${seed}, ${measure}`).toBeLessThanOrEqual(reference + 1);
      }
    }
  });

  it("cuts at a unit exactly when it is white space (\\s) and the unit after it does not join it, for every UTF-16 unit", () => {
    // The splitter tells the common units apart without regular expressions: checked against the definitions here.
    const joins = (code: number) =>
      code === 0x200c || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f) || code === 0xff9e || code === 0xff9f || (code >= 0xdc00 && code <= 0xdfff) || /^\p{M}$/u.test(String.fromCharCode(code));
    const [left, right] = ["x".repeat(40), "y".repeat(40)];
    const cutAt = (middle: string) => splitForTelegram(`${left}${middle}${right}`, 64)[0] === left;
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const unit = String.fromCharCode(code);
      if (cutAt(unit) !== /\s/u.test(unit)) wrong.push(`U+${code.toString(16)} as the cut`);
      if (cutAt(` ${unit}`) !== !joins(code)) wrong.push(`U+${code.toString(16)} after a space`);
    }
    expect(wrong).toEqual([]);
  });

  it("rejects a limit too small to honour", () => {
    expect(() => splitForTelegram("текст", 10)).toThrow(RangeError);
  });
});
