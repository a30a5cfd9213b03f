import { describe, expect, it } from "vitest";
import { classesWithLatin, LATIN_LETTER_CLASS, needsLatinLetter } from "../../src/domain/censorship/character-classes.js";
import { compileLexicon } from "../../src/domain/censorship/compile.js";
import { loadLexicon } from "../../src/domain/censorship/lexicon.js";

/**
 * A regular-expression entry whose every match holds a Latin letter is skipped in a letter without one (issue 14,
 * speed). Skipping one that could match without a Latin letter would lose findings: the reading must be
 * conservative.
 */
describe("which regular-expression entries need a Latin letter", () => {
  it("sees a Latin letter, a class of them or a group with one in each alternative, in every top-level alternative", () => {
    const handle = "(?<!\\p{L})(?:тг|вк)\\s*[:\\-]\\s*[a-z][a-z0-9_.]{3,31}(?![\\p{L}\\p{N}_])";
    const needing = [handle, "(?<!\\p{L})[Cc]argo[ -]?[23]00(?!\\d)", "\\b\\d{1,5}\\s+[A-Z][a-z]+", "ab|[xX]y", "\\.(?:ru|com|[a-z]{2})\\b"];
    needing.push("(?:KIA|(?<n>M)IA)", "(?:\\d|x)(?:ab|[cd])");
    for (const source of needing) expect(needsLatinLetter(source), source).toBe(true);
  });

  it("does not count what may be left out, look-arounds, groups with an alternative without one, or classes with other characters", () => {
    const notNeeding = [
      // Optional: ?, * and {0,…}.
      "[a-z]?\\d",
      "[a-z]*\\d",
      "[a-z]{0,3}\\d",
      "x?\\d",
      // Look-arounds; groups with an alternative without one, or optional.
      "(?<![a-z])\\d",
      "(?=a)\\d",
      "(?!a)\\d",
      "(?<=[a-z])\\d",
      "(?<sep>\\s)\\d",
      "(?:ru|\\d)",
      "(?:ru|com)?\\d",
      "(?:ru|com){0,2}\\d",
      "(?:x|(?:y|\\d))",
      // Classes holding digits or Cyrillic letters, a range between cases (it spans [ \\ ] ^ _ `), a negated one.
      "[a-z0-9]+",
      "[гГ]руз",
      "[A-z]",
      "[^a-z]",
      // An alternative without one.
      "ab|\\d",
      "ab|",
    ];
    for (const source of notNeeding) expect(needsLatinLetter(source), source).toBe(false);
  });

  it("reads no letter out of an escape", () => {
    for (const escape of ["\\d", "\\s", "\\b", "\\p{L}", "\\P{Lu}", "\\u{1F499}", "\\u0041", "\\x41", "\\k<sep>", "\\cJ"]) {
      expect(needsLatinLetter(escape), escape).toBe(false);
    }
    expect(needsLatinLetter("\\p{L}a")).toBe(true);
  });

  it("finds in a text what a case-insensitive Unicode [a-z] matches: ſ and the Kelvin sign too", () => {
    const hasLatinLetter = (text: string): boolean => (classesWithLatin(text) & LATIN_LETTER_CLASS) !== 0;
    expect(hasLatinLetter("Пишу Вам снова. 2024 — ✌ @ _ % А Я ſk")).toBe(true);
    expect(hasLatinLetter("Пишу Вам снова. 2024 — ✌ @ _ % А Я")).toBe(false);
    for (const text of ["a", "z", "A", "Z", "тг: x", "\u017F", "\u212A"]) expect(hasLatinLetter(text), text).toBe(true);
    for (const text of ["@", "[", "`", "{", "\u017E", "\u0180", "\u2129", "\u212B"]) expect(hasLatinLetter(text), text).toBe(false);
    // Every code point a case-insensitive Unicode [a-z] matches is in the class.
    const missed: number[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const character = String.fromCodePoint(code);
      if (/[a-z]/iu.test(character) && !hasLatinLetter(character)) missed.push(code);
    }
    expect(missed).toEqual([]);
  });

  it("is read of the shipped entries that write a Latin handle or login", () => {
    const regexes = compileLexicon(loadLexicon()).regexes;
    const needing = new Set(regexes.filter((regex) => regex.needsLatin).map((regex) => regex.rule.entry.id));
    expect(needing).toContain("common-handle-named");
    expect(needing).toContain("common-email-provider");
    for (const { needsLatin, scan, rule } of regexes) {
      if (!needsLatin) continue;
      // A spot check: Cyrillic words, digits and signs around the entries' Cyrillic alternatives match none of them.
      scan.pattern.lastIndex = 0;
      expect(scan.pattern.test("телеграм: олег_123 тг — 2024, вк: мама; ул. Ленина, 5 @ собака мейл.ру"), rule.entry.id).toBe(false);
    }
  });
});
