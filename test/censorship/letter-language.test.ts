import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { benchTexts, corpusTexts, flowStepTexts, otherSystem, randomLetters, type Text } from "../../bench/censorship-texts.js";
import { assessLetterLanguage, checkLetter } from "../../src/domain/censorship/index.js";

// Every text bench:censorship-same-output checks but its 400 random letters, of which a seeded 60 (1k–12k, a quarter
// without Latin letters): the whole set takes a minute of checks, this a few seconds.
const corpus = corpusTexts();
const texts: Text[] = [...corpus, ...benchTexts(), ...flowStepTexts(), ...randomLetters(corpus, 60)];

describe("assessLetterLanguage", () => {
  it("returns the language checkLetter returns, on every text under both systems", () => {
    const different: string[] = [];
    let compared = 0;
    // The assessment then the check, text after text: each runs right after the other, on the tokenizer's pooled
    // tokens and the words' kept strings that both use.
    for (const { id, text, options } of texts) {
      for (const checked of [options, otherSystem(options)]) {
        if (!isDeepStrictEqual(assessLetterLanguage(text, checked), checkLetter(text, checked).language)) different.push(`${id} (${checked.system})`);
        compared++;
      }
    }
    expect(different).toEqual([]);
    expect(compared).toBeGreaterThan(2_000);
  });

  it("tells a Ukrainian letter from a Russian one, and the system's languages apart", () => {
    const ukrainian = "Привіт! Ми всі дуже чекаємо на твій лист. Тримайся, ми з тобою.";
    expect(assessLetterLanguage(ukrainian, { system: "ru" })).toMatchObject({ primary: "uk", acceptable: false });
    const belarusian = "Прывітанне! Мы ўсе вельмі чакаем твайго ліста.";
    expect(assessLetterLanguage(belarusian, { system: "by" })).toMatchObject({ primary: "be", acceptable: true });
    expect(assessLetterLanguage(belarusian, { system: "ru" })).toMatchObject({ primary: "be", acceptable: false });
  });
});
