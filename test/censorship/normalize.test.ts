import { describe, expect, it } from "vitest";
import { asCyrillicLookalike, normalizeWord } from "../../src/domain/censorship/normalize.js";

describe("normalizeWord", () => {
  it("lowercases and folds ё into е", () => {
    expect(normalizeWord("ВОЙНА")).toBe("война");
    expect(normalizeWord("Ёлка")).toBe("елка");
  });

  it("maps Latin look-alikes inside a Cyrillic word to Cyrillic", () => {
    expect(normalizeWord("вoйна")).toBe("война"); // Latin o
    expect(normalizeWord("BOЙНА")).toBe("война"); // Latin B and O
    expect(normalizeWord("Украiна")).toBe("украіна"); // Latin i typed for the Ukrainian і
  });

  it("maps Cyrillic look-alikes inside a Latin word to Latin", () => {
    expect(normalizeWord("wаr")).toBe("war"); // Cyrillic а
  });

  it("leaves words in one script alone", () => {
    expect(normalizeWord("peace")).toBe("peace");
    expect(normalizeWord("мир")).toBe("мир");
  });

  it("removes stress marks, soft hyphens, zero-width characters and apostrophes", () => {
    expect(normalizeWord("война́")).toBe("война");
    expect(normalizeWord("вой\u00ADна")).toBe("война");
    expect(normalizeWord("вой\u200Bна")).toBe("война");
    expect(normalizeWord("м'ясо")).toBe(normalizeWord("мʼясо"));
    expect(normalizeWord("м’ясо")).toBe("мясо");
  });

  it("composes decomposed letters", () => {
    expect(normalizeWord("вои\u0306на")).toBe("война"); // и + combining breve = й
  });
});

describe("asCyrillicLookalike", () => {
  it("reads an all-Latin look-alike abbreviation as Cyrillic", () => {
    expect(asCyrillicLookalike("cbo")).toBe("сво");
  });

  it("gives up when a letter has no Cyrillic twin", () => {
    expect(asCyrillicLookalike("usa")).toBeNull();
  });
});
