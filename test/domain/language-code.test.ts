import { describe, expect, it } from "vitest";
import { SUPPORTED_LOCALES } from "../../src/config.js";
import { languageOfCode } from "../../src/domain/language-code.js";
import { guessLocale } from "../../src/telegram/locale.js";

describe("the language a Telegram language_code names", () => {
  it("is its primary subtag, whatever the case and separator", () => {
    expect(languageOfCode("uk", SUPPORTED_LOCALES)).toBe("uk");
    expect(languageOfCode("en-GB", SUPPORTED_LOCALES)).toBe("en");
    expect(languageOfCode("ru_RU", SUPPORTED_LOCALES)).toBe("ru");
    expect(languageOfCode("RU", SUPPORTED_LOCALES)).toBe("ru");
  });

  it("is none for a language without texts, an empty or a missing code", () => {
    expect(languageOfCode("de", SUPPORTED_LOCALES)).toBeUndefined();
    expect(languageOfCode("ukr", SUPPORTED_LOCALES)).toBeUndefined();
    expect(languageOfCode("", SUPPORTED_LOCALES)).toBeUndefined();
    expect(languageOfCode(undefined, SUPPORTED_LOCALES)).toBeUndefined();
  });

  it("only ever names one of the languages it is given", () => {
    expect(languageOfCode("en-US", ["uk", "ru"])).toBeUndefined();
  });

  it("is the bot's locale guess, with the instance's default for the rest", () => {
    expect(guessLocale("en-GB", "uk")).toBe("en");
    expect(guessLocale("de", "ru")).toBe("ru");
    expect(guessLocale(undefined, "en")).toBe("en");
  });
});
