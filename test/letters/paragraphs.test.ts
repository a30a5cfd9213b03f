import { describe, expect, it } from "vitest";
import { normaliseLetterText } from "../../src/domain/letters/draft.js";
import { editParagraph, lastParagraphWritten, paragraphMatching, paragraphPreview, paragraphsHolding, paragraphsOf, paragraphTag } from "../../src/domain/letters/paragraphs.js";

const DRAFT = "Здравствуйте!\n\nПишу из Львова.\n\nЧто Вы читаете?";

describe("a draft as paragraphs (issue 15, item 3)", () => {
  it("splits on blank lines and finds the paragraph of an offset", () => {
    expect(paragraphsOf(DRAFT)).toEqual(["Здравствуйте!", "Пишу из Львова.", "Что Вы читаете?"]);
    expect(paragraphsOf("  \n ")).toEqual([]);
    const offsets = [0, DRAFT.indexOf("Львова"), DRAFT.indexOf("читаете")];
    expect(paragraphsHolding(DRAFT, offsets)).toEqual({ paragraphs: paragraphsOf(DRAFT), indexes: [0, 1, 2] });
  });

  it("splits and finds the paragraph of every offset as the expressions did, for noisy texts too", () => {
    // The definitions the check's paragraph buttons were made by before one scan served all offsets (issue 14).
    const counted = (text: string, offset: number) => (normaliseLetterText(text).slice(0, offset).match(/\n{2,}/gu) ?? []).length;
    const split = (text: string) => (normaliseLetterText(text) === "" ? [] : normaliseLetterText(text).split(/\n{2,}/u));
    const pieces = ["а", "b", " ", "\n", "\n\n", "\n\n\n", "\r\n", "\t", "\u2028", "ы."];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let round = 0; round < 400; round++) {
      const text = Array.from({ length: Math.floor(next() * 40) }, () => pieces[Math.floor(next() * pieces.length)]).join("");
      const length = normaliseLetterText(text).length;
      const offsets = Array.from({ length: length + 3 }, (_, offset) => offset).reverse();
      expect(paragraphsOf(text)).toEqual(split(text));
      expect(paragraphsHolding(text, offsets)).toEqual({ paragraphs: split(text), indexes: offsets.map((offset) => counted(text, offset)) });
    }
  });

  it("replaces, deletes and moves one paragraph, leaving the others as they were", () => {
    const replaced = editParagraph(DRAFT, { kind: "replace", index: 1, text: "Пишу из Кракова.  \r\n" });
    expect(replaced.ok && replaced.text).toBe("Здравствуйте!\n\nПишу из Кракова.\n\nЧто Вы читаете?");
    const deleted = editParagraph(DRAFT, { kind: "delete", index: 0 });
    expect(deleted.ok && deleted.text).toBe("Пишу из Львова.\n\nЧто Вы читаете?");
    const up = editParagraph(DRAFT, { kind: "move", index: 2, by: -1 });
    expect(up.ok && up.text).toBe("Здравствуйте!\n\nЧто Вы читаете?\n\nПишу из Львова.");
    const down = editParagraph(DRAFT, { kind: "move", index: 0, by: 1 });
    expect(down.ok && down.text).toBe("Пишу из Львова.\n\nЗдравствуйте!\n\nЧто Вы читаете?");
  });

  it("puts the rest of a paste after the paragraph its first piece wrote, and names the last paragraph written", () => {
    const replace = { kind: "replace" as const, index: 1, text: "Пишу из Кракова.\n\nЯ учительница." };
    const replaced = editParagraph(DRAFT, replace);
    expect(lastParagraphWritten(replace)).toEqual({ index: 2, tag: paragraphTag("Я учительница.") });
    const follow = { kind: "follow" as const, index: 2, text: "У меня есть кот." };
    const followed = replaced.ok ? editParagraph(replaced.text, follow) : replaced;
    expect(followed.ok && followed.text).toBe("Здравствуйте!\n\nПишу из Кракова.\n\nЯ учительница.\n\nУ меня есть кот.\n\nЧто Вы читаете?");
    expect(lastParagraphWritten(follow)).toEqual({ index: 3, tag: paragraphTag("У меня есть кот.") });
    expect(followed.ok && paragraphMatching(followed.text, 3, paragraphTag("У меня есть кот."))).toBe("У меня есть кот.");
  });

  it("refuses what would make no sense or pass the limit, saying why", () => {
    expect(editParagraph(DRAFT, { kind: "move", index: 0, by: -1 })).toEqual({ ok: false, reason: "no-paragraph" });
    expect(editParagraph(DRAFT, { kind: "delete", index: 3 })).toEqual({ ok: false, reason: "no-paragraph" });
    expect(editParagraph(DRAFT, { kind: "replace", index: 1, text: "  " })).toEqual({ ok: false, reason: "empty" });
    expect(editParagraph(DRAFT, { kind: "replace", index: 1, text: "я".repeat(12_000) })).toMatchObject({ ok: false, reason: "too-long", limit: 12_000 });
  });

  it("recognises a button made for a paragraph that has changed since", () => {
    const tag = paragraphTag("Пишу из Львова.");
    expect(tag).toMatch(/^[0-9a-z]{4}$/u);
    expect(paragraphMatching(DRAFT, 1, tag)).toBe("Пишу из Львова.");
    expect(paragraphMatching(DRAFT, 2, tag)).toBeUndefined();
    expect(paragraphMatching("Здравствуйте!\n\nПишу из Кракова.", 1, tag)).toBeUndefined();
  });

  it("previews a paragraph in a few words, cut at a space", () => {
    expect(paragraphPreview("Короткий абзац.", 40)).toBe("Короткий абзац.");
    expect(paragraphPreview("Очень длинный абзац о том, как прошёл мой день в городе", 24)).toBe("Очень длинный абзац о…");
  });
});
