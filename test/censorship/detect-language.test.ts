import { describe, expect, it } from "vitest";
import { assessLanguage } from "../../src/domain/censorship/detect-language.js";
import { tokenize } from "../../src/domain/censorship/tokenize.js";

const detect = (text: string, system: "ru" | "by" = "ru") => assessLanguage(text, tokenize(text).words, system);

describe("assessLanguage", () => {
  it.each([
    ["Я тебе пишу из дома, у нас всё хорошо.", "ru"],
    ["Я тобі пишу з дому, у нас усе добре.", "uk"],
    ["Я табе пішу з дому, у нас усё добра.", "be"],
    ["I am writing to you from home, all is well.", "en"],
    ["Merhaba, qardaşım! Men seni çoq sağındım.", "other"],
  ])("recognises «%s» as %s", (text, language) => {
    expect(detect(text).primary).toBe(language);
  });

  it("recognises one-line greetings from their frequent words", () => {
    expect(detect("Дякую!").primary).toBe("uk");
    expect(detect("Обнимаю.").primary).toBe("ru");
    expect(detect("Дзякуй!").primary).toBe("be");
  });

  it("lets an undecided sentence take its neighbours' language", () => {
    const text = "Привіт! Ми всі дуже чекаємо на тебе.";
    expect(detect(text).spans).toEqual([{ language: "uk", start: 0, end: text.length }]);
  });

  it("splits a mixed letter into spans", () => {
    const text = "Привет, как дела?\nHello, how are you?\nЯ тебе пишу из дома.";
    const result = detect(text);
    expect(result.spans.map((span) => [span.language, text.slice(span.start, span.end)])).toEqual([
      ["ru", "Привет, как дела?"],
      ["en", "Hello, how are you?"],
      ["ru", "Я тебе пишу из дома."],
    ]);
    expect(result.detected).toEqual(["ru", "en"]);
    expect(result.acceptable).toBe(false);
  });

  it("knows what each system accepts", () => {
    expect(detect("Я табе пішу з дому, у нас усё добра.", "by").acceptable).toBe(true);
    expect(detect("Я табе пішу з дому, у нас усё добра.", "ru").acceptable).toBe(false);
  });
});
