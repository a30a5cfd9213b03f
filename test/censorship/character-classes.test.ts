import { describe, expect, it } from "vitest";
import { anchorChunks, CHARACTER_CLASS, characterClasses, chunkAnchor, prefilterNeeds } from "../../src/domain/censorship/character-classes.js";
import { checkLetter } from "../../src/domain/censorship/index.js";
import { needsDigit } from "../../src/domain/censorship/context.js";

describe("one pass over character classes (issue 16, speed)", () => {
  it("tells which kinds of character a letter has", () => {
    const flags = characterClasses("Привет! Мой e-mail: olga_k@mail.ru, 100% 🇺🇦 ❤ ЗСУ");
    for (const name of ["digit", "at", "percent", "underscore", "symbol", "cyrillicCapital", "maskSymbol"] as const) {
      expect(flags & CHARACTER_CLASS[name], name).not.toBe(0);
    }
    expect(characterClasses("привет, как дела") ).toBe(0);
  });

  it("gives what a test of every character gives, character by character", () => {
    const byCharacter = (text: string): number => {
      let flags = 0;
      for (let index = 0; index < text.length; index++) {
        const code = text.charCodeAt(index);
        if (code >= 0x30 && code <= 0x39) flags |= CHARACTER_CLASS.digit;
        else if (code >= 0x41 && code <= 0x5a) flags |= CHARACTER_CLASS.latinCapital;
        else if (code === 0x40) flags |= CHARACTER_CLASS.at | CHARACTER_CLASS.maskSymbol;
        else if (code === 0x25) flags |= CHARACTER_CLASS.percent | CHARACTER_CLASS.maskSymbol;
        else if (code === 0x5f) flags |= CHARACTER_CLASS.underscore;
        else if (code === 0x2a || code === 0x23 || code === 0x24) flags |= CHARACTER_CLASS.maskSymbol;
        else if (code >= 0x410 && code <= 0x42f) flags |= CHARACTER_CLASS.cyrillicCapital;
        else if ((code >= 0x2600 && code <= 0x27bf) || (code >= 0xd800 && code <= 0xdbff)) flags |= CHARACTER_CLASS.symbol;
      }
      return flags;
    };
    // Each class alone, the edges of each range and their neighbours outside it.
    const characters = ["0", "9", "/", ":", "A", "Z", "@", "[", "%", "_", "*", "#", "$", "&", "А", "Я", "Ё", "а", "☀", "➿", "⟀", "⛔", "🇺", "\ud800", "\udbff", "\udc00"];
    for (const character of characters) expect(characterClasses(`x${character}y`), character).toBe(byCharacter(`x${character}y`));
    for (const text of ["", "hello", "Привет, Мир 2024 — ✌ 😀 a_b c*d #e $5 100% @me", "ЗСУ", "x\udc00"]) {
      expect(characterClasses(text), text).toBe(byCharacter(text));
    }
  });

  it("reads what an entry needs from its prefilter, and nothing from one it cannot check", () => {
    expect(prefilterNeeds("\\d")).toBe(CHARACTER_CLASS.digit);
    expect(prefilterNeeds("@")).toBe(CHARACTER_CLASS.at);
    expect(prefilterNeeds("(?: at |собак)")).toBe(0);
    expect(prefilterNeeds("(?:[Мм][Уу]|[ГгЖжСс])[*#@%$]")).toBe(CHARACTER_CLASS.maskSymbol);
    expect(prefilterNeeds("ab|[хп][*#@%$]")).toBe(0);
    for (const masked of ["х*й", "бл#дь", "с$ка"]) expect(characterClasses(masked) & CHARACTER_CLASS.maskSymbol, masked).not.toBe(0);
    expect(prefilterNeeds(undefined)).toBe(0);
  });

  it("runs the starred-swearing pattern only over the chunks around each *, with the same offsets", () => {
    expect(chunkAnchor("\\*", "f\\*{2,3}k?")).toBe("*");
    expect(chunkAnchor("[*#]", "f\\*{2,3}k?")).toBeNull();
    const text = "Sorry, but the clerk is a motherf***er and the rest are no better.";
    const found = checkLetter(text, { system: "ru" }).findings.filter((finding) => finding.category === "profanity");
    expect(found.map((finding) => text.slice(finding.start, finding.end))).toEqual(["motherf***er"]);
  });

  it("runs an e-mail pattern only over the chunks around each @, with the same offsets", () => {
    expect(chunkAnchor("@", "[a-z]+@[a-z]+\\.[a-z]{2,}")).toBe("@");
    expect(chunkAnchor("@", "[a-z]+\\s+@")).toBeNull();
    const text = "Пиши: olga@mail.ru или ivan@yandex.ru.";
    expect(anchorChunks(text, "@").map(([start, end]) => text.slice(start, end))).toEqual([" olga@mail.ru ", " ivan@yandex.ru."]);
    const found = checkLetter(text, { system: "ru" }).findings.filter((finding) => finding.category === "contacts");
    expect(found.map((finding) => [finding.excerpt, text.slice(finding.start, finding.end)])).toEqual([
      ["olga@mail.ru", "olga@mail.ru"],
      ["ivan@yandex.ru", "ivan@yandex.ru"],
    ]);
  });

  it("skips a context class expression in a letter without digits only when every match needs one", () => {
    expect(needsDigit("(?<!\\d)20(?:1[4-9]|2\\d)(?!\\d)")).toBe(true);
    expect(needsDigit("(?<!\\d)(?:[0-5]|0[0-5]):[0-5]\\d(?!\\d)")).toBe(true);
    expect(needsDigit("\\d?x")).toBe(false);
    expect(needsDigit("foo|\\d+")).toBe(false);
    expect(needsDigit("(?:\\d)?x")).toBe(false);
  });
});
