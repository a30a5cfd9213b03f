import { describe, expect, it } from "vitest";
import {
  applyDraftEdit,
  CHARACTERS_PER_PRINTED_PAGE,
  draftEditErrorText,
  draftStats,
  lengthAdvice,
  MAX_LETTER_CHARACTERS,
  normaliseLetterText,
} from "../../src/domain/letters/draft.js";

describe("draft statistics", () => {
  it("counts characters as code points and words across hyphens and apostrophes", () => {
    expect(draftStats("Привет, что-нибудь новое? 🙂")).toEqual({ characters: 27, words: 3, pages: 1 });
    expect(draftStats("")).toEqual({ characters: 0, words: 0, pages: 0 });
  });

  it("estimates a page as 30 lines of 60 characters, each paragraph starting a line", () => {
    expect(CHARACTERS_PER_PRINTED_PAGE).toBe(1800);
    expect(draftStats("а".repeat(1800)).pages).toBe(1);
    expect(draftStats("а".repeat(1801)).pages).toBe(2);
    // 31 one-word paragraphs are 31 printed lines: more than a page, though only a few characters.
    expect(draftStats(Array.from({ length: 31 }, () => "Да.").join("\n")).pages).toBe(2);
  });
});

describe("editing a draft", () => {
  it("appends each message as a new paragraph and replaces on request", () => {
    const first = applyDraftEdit(null, "Здравствуйте!", "append");
    expect(first).toMatchObject({ ok: true, text: "Здравствуйте!" });
    const second = applyDraftEdit("Здравствуйте!", "Меня зовут Оксана.", "append");
    expect(second).toMatchObject({ ok: true, text: "Здравствуйте!\n\nМеня зовут Оксана." });
    expect(applyDraftEdit("Здравствуйте!", "Начну заново.", "replace")).toMatchObject({ ok: true, text: "Начну заново." });
  });

  it("normalises what Telegram clients add: CRLF, trailing spaces, runs of blank lines", () => {
    expect(normaliseLetterText("\r\n  Строка один  \r\n\r\n\r\n\r\nСтрока два\t\n\n")).toBe("Строка один\n\nСтрока два");
  });

  it("normalises every text as the full chain of rewrites does, also when it takes the one-scan way", () => {
    const fullChain = (text: string) => text.replace(/\r\n?/g, "\n").replace(/[^\S\n]+$/gm, "").replace(/\n{3,}/g, "\n\n").trim();
    const pieces = ["Пишу", " ", "Вам", "\n", "\n\n", "\n\n\n", "\r", "\r\n", "\t", "\u00a0", "\u2028", "\u2029", "\u3000", "\ufeff", "🌻", "."];
    let state = 16;
    const random = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
    for (let round = 0; round < 5_000; round++) {
      let text = "";
      for (let index = Math.floor(random() * 12); index > 0; index--) text += pieces[Math.floor(random() * pieces.length)];
      expect(normaliseLetterText(text), JSON.stringify(text)).toBe(fullChain(text));
    }
    expect(normaliseLetterText("  Строка один\u2028 \u2028два  ")).toBe("Строка один\u2028два");
  });

  it("sees every kind of white space before every line end, as the full chain of rewrites does", () => {
    const fullChain = (text: string) => text.replace(/\r\n?/g, "\n").replace(/[^\S\n]+$/gm, "").replace(/\n{3,}/g, "\n\n").trim();
    const space = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).filter((character) => /\s/.test(character));
    for (const before of [...space, "а"]) {
      for (const end of ["\n", "\r", "\u2028", "\u2029", "\n\n\n", "б"]) {
        for (const text of [`а${before}${end}б`, `а${end}${before}б`, `а\n${before}${end}\nб`]) expect(normaliseLetterText(text), JSON.stringify(text)).toBe(fullChain(text));
      }
    }
  });

  it("refuses an empty message and says so", () => {
    const result = applyDraftEdit("Текст", " \n\t ", "append");
    expect(result).toEqual({ ok: false, reason: "empty" });
    if (!result.ok) expect(draftEditErrorText(result)).toEqual({ key: "letter-draft-empty" });
  });

  it(`refuses a letter longer than ${MAX_LETTER_CHARACTERS} characters, and accepts one exactly at the limit`, () => {
    const base = "а".repeat(MAX_LETTER_CHARACTERS - 10);
    expect(applyDraftEdit(base, "б".repeat(8), "append")).toMatchObject({ ok: true });
    const refused = applyDraftEdit(base, "б".repeat(9), "append");
    expect(refused).toEqual({ ok: false, reason: "too-long", characters: MAX_LETTER_CHARACTERS + 1, limit: MAX_LETTER_CHARACTERS });
    if (!refused.ok) {
      expect(draftEditErrorText(refused)).toEqual({
        key: "letter-draft-too-long",
        args: { characters: MAX_LETTER_CHARACTERS + 1, limit: MAX_LETTER_CHARACTERS },
      });
    }
  });

  it("advises a shorter letter to Belarus beyond one page, and not to Russia", () => {
    const long = draftStats("а".repeat(2000));
    expect(lengthAdvice(long, "by")).toEqual({ key: "letter-draft-advice-short-by", args: { pages: 2 } });
    expect(lengthAdvice(long, "ru")).toBeUndefined();
    expect(lengthAdvice(draftStats("а".repeat(1800)), "by")).toBeUndefined();
  });
});
