import { describe, expect, it } from "vitest";
import { anchorChunks, CHARACTER_CLASS, characterClasses, chunkAnchor, needsDigit, prefilterNeeds } from "../../src/domain/censorship/character-classes.js";
import { compileLexicon } from "../../src/domain/censorship/compile.js";
import { loadContext } from "../../src/domain/censorship/context.js";
import { checkLetter } from "../../src/domain/censorship/index.js";
import { loadLexicon } from "../../src/domain/censorship/lexicon.js";

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

  it("sees a digit in a group each of whose alternatives has one, and none in a quantifier, a back-reference or an escape", () => {
    // Issue 14: «9 мая» or a year, and the lexicon's «груз 200», «статья 205», skipped in a letter without digits.
    const needing = ["(?<![\\d.,/:-])(?:19(?:1[4-8]|39|4[0-5])|1812)(?![\\d.,/:-]\\d)", "9\\s+мая|(?:19\\d\\d|18(?:12|5[3-6]))", "[гГ]руз[ -]?[23]00", "(?:тать|т\\.)\\s*\\d"];
    needing.push("(?<n>[0-9])x", "(?:a|b)\\d+?");
    for (const source of needing) expect(needsDigit(source), source).toBe(true);
    const notNeeding = ["[а-я]{2}", "x{2,3}", "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)\\12", "\\u0030", "\\x31", "\\u{31}", "\\p{Nd}"];
    notNeeding.push("[0-9a]", "[^0-9]", "(?:1|x)y", "(?=1)x", "(?<!\\d)x", "(?:12)?x", "1{0,2}x", "x|1", "\\D");
    for (const source of notNeeding) expect(needsDigit(source), source).toBe(false);
  });

  it("is read of the shipped entries and expressions only where no text without digits matches them", () => {
    const lexicon = compileLexicon(loadLexicon()).regexes.filter((regex) => regex.needsDigit);
    expect(lexicon.map((regex) => regex.rule.entry.id)).toEqual(expect.arrayContaining(["ru-war-cargo-200", "ru-case-article", "common-phone-number"]));
    const context = loadContext().regexes.filter((regex) => regex.needsDigit);
    expect(context.length).toBeGreaterThanOrEqual(3);
    // A spot check: the words around each entry's digits, with every digit left out, match none of them.
    const text = "груз  груз- cargo статья ст. ст.  саша   % 9 мая 9-го травня +  - ( ) улица Ленина, дом  кв.  Street 24 февраля";
    for (const scan of [...lexicon, ...context].map((regex) => regex.scan)) {
      const digitFree = text.replace(/[0-9]/gu, "");
      scan.pattern.lastIndex = 0;
      expect(scan.pattern.test(digitFree), scan.pattern.source).toBe(false);
    }
  });
});
