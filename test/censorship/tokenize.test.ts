import { describe, expect, it } from "vitest";
import { tokenize, tokenizeReusing, type Tokens } from "../../src/domain/censorship/tokenize.js";

describe("tokenize", () => {
  it("gives offsets into the original text and folded forms", () => {
    const text = "Привет, ВОЙНА и мир!";
    const { words } = tokenize(text);
    expect(words.map((word) => word.norm)).toEqual(["привет", "война", "и", "мир"]);
    for (const word of words) expect(text.slice(word.start, word.end)).toBe(word.raw);
  });

  it("keeps apostrophes inside words and splits on hyphens", () => {
    const { words } = tokenize("м'ясо, жовто-блакитний, don't");
    expect(words.map((word) => word.raw)).toEqual(["м'ясо", "жовто", "блакитний", "don't"]);
  });

  it("keeps invisible characters inside a word", () => {
    const { words } = tokenize("вой\u200Bна");
    expect(words).toHaveLength(1);
    expect(words[0]?.norm).toBe("война");
  });

  it("splits camel-case hashtags into words with their own offsets and marks them", () => {
    const text = "Ждём! #СлаваУкраїні";
    const { words } = tokenize(text);
    const parts = words.slice(1);
    expect(parts.map((word) => word.raw)).toEqual(["Слава", "Україні"]);
    expect(parts.every((word) => word.hashtag)).toBe(true);
    expect(parts[1]?.joinsPrevious).toBe(true);
    for (const word of parts) expect(text.slice(word.start, word.end)).toBe(word.raw);
  });

  it("marks sentence breaks and gaps that a phrase may not cross", () => {
    const { words } = tokenize("Крым — это Украина. Мама 12 дома");
    const byWord = new Map(words.map((word) => [word.raw, word]));
    expect(byWord.get("это")?.joinsPrevious).toBe(true);
    expect(byWord.get("Мама")?.breakBefore).toBe(true);
    expect(byWord.get("дома")?.joinsPrevious).toBe(false);
    expect(byWord.get("дома")?.breakBefore).toBe(false);
  });

  it("marks words glued into addresses and links, and keeps a lone dot from ending a sentence", () => {
    const { words } = tokenize("Пиши на olga.k@mail.ru или через Pismo.bel сегодня");
    expect(words.filter((word) => word.glued).map((word) => word.raw)).toEqual(["olga", "k", "mail", "ru", "Pismo", "bel"]);
    expect(words.find((word) => word.raw === "bel")?.joinsPrevious).toBe(true);
  });

  it("collects dotted and spaced abbreviations of one case", () => {
    const text = "С.В.О. и С В О, но с В. О. Петровым";
    const { abbreviations } = tokenize(text);
    const spelled = abbreviations.map((abbreviation) => text.slice(abbreviation.start, abbreviation.end));
    expect(spelled).toEqual(["С.В.О", "С В О", "В. О"]);
    expect(abbreviations.map((abbreviation) => abbreviation.norm)).toEqual(["сво", "сво", "во"]);
  });

  it("reads an abbreviation typed in Latin look-alikes as Cyrillic", () => {
    const { abbreviations } = tokenize("эта CBO");
    expect(abbreviations.map((abbreviation) => abbreviation.norm)).toEqual(["сво"]);
  });

  it("gives the same words when it reuses tokens and shares word strings across letters", () => {
    // Capitals, camel case, ё, a Greek word lowercased with the whole text, a word longer than the shared ones,
    // a spelled abbreviation, and the same words again in another case and order; the last letter is shorter.
    const letters = [
      "Привет, Ёлка! ВОЙНА и мир. #СлаваУкраїні ΟΔΟΣ Ὀδυσσεύς представительство С.В.О. м'ясо",
      "ёлка Ёлка ЁЛКА война Война мир Мир ΟΔΟΣ οδος представительство СлаваУкраїні с в о",
      "Мир вам, ёлка.",
    ];
    const plain = (tokens: Tokens) => ({ words: tokens.words.map((word) => ({ ...word })), abbreviations: tokens.abbreviations });
    for (let round = 0; round < 2; round++) {
      for (const text of letters) expect(plain(tokenizeReusing(text))).toEqual(plain(tokenize(text)));
    }
  });
});
