import { describe, expect, it } from "vitest";
import { checkLetter } from "../../src/domain/censorship/index.js";
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

describe("normalisation gaps (issue 16, precision side): hidden words found with exact offsets", () => {
  const finding = (text: string, system: "ru" | "by" = "ru") =>
    checkLetter(text, { system }).findings.filter((candidate) => candidate.category !== "language");

  it.each([
    ["a dot inside a word", "Все мужики боятся моби.лизации, сидят по домам.", "моби.лизации", "war"],
    ["«@» for a Latin a", "Everyone's tired of this w@r, when will it end?", "w@r", "war"],
    ["an English word spelled out with spaces", "Nobody here talks about the w a r openly.", "w a r", "war"],
    ["an abbreviation spelled with hyphens after a one-letter preposition", "Брат пішов у з-с-у ще навесні.", "з-с-у", "ukraine-symbols"],
    ["a Russian word spelled with dots", "В мире в.о.й.н.а, а мы молчим.", "в.о.й.н.а", "war"],
    ["a slogan split by a parenthesis", "Жыве, як кажуць, Беларусь!", "Жыве, як кажуць, Беларусь", "politics"],
    ["a slogan split by a possessive", "Слава нашій Україні!", "Слава нашій Україні", "ukraine-symbols"],
    ["an English slogan split by a parenthesis", "Glory, as they say, to Ukraine!", "Glory, as they say, to Ukraine", "ukraine-symbols"],
    ["an e-mail as a login and «на гмейле»", "Моя почта olga.ivanova на гмейле, напиши.", "olga.ivanova на гмейле", "contacts"],
    ["an e-mail as a login and «at gmail»", "Пошта oksana.kovalenko at gmail, якщо що.", "oksana.kovalenko at gmail", "contacts"],
  ])("%s", (_kind, text, excerpt, category) => {
    const system = category === "politics" ? "by" : "ru";
    const found = finding(text, system).find((candidate) => candidate.category === category);
    expect(found, text).toBeDefined();
    expect(found?.excerpt).toBe(excerpt);
    expect(found?.start).toBe(text.indexOf(excerpt));
    expect(text.slice(found?.start, found?.end)).toBe(excerpt);
  });

  it("leaves innocent look-alikes of these shapes alone", () => {
    for (const text of [
      "Встретимся в 10.30 у метро, см. т.е. стр. 5.",
      "Write to me at gmail, it is easier.",
      "I sent it by mail yesterday.",
      "Мы с В. О. Петровым были там.",
      "Ответь на вопрос а б в.",
      "Слава богу, в Україні у нас тихо, ми в селі.",
      "Напиши на kate@mail.ru или позвони.",
    ]) {
      expect(finding(text).filter((candidate) => candidate.category !== "contacts" || !text.includes("@")), text).toEqual([]);
    }
  });
});
