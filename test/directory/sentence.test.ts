import { describe, expect, it } from "vitest";
import { isSentence } from "../../src/domain/search/sentence.js";
import { importedShapeEntries } from "../helpers/search-corpus.js";

describe("isSentence: a short sentence typed where a name search would run", () => {
  it.each([
    "Я тоже люблю читать.",
    "Дякую за допомогу!",
    "Дякую!",
    "Спасибо",
    "Thanks!",
    "Thank you so much",
    "Спасибо большое за помощь!",
    "Я теж люблю читати.",
    "Как Вы себя чувствуете?",
    "Що мені робити далі?",
    "I'm not sure how this works",
    "Читаю Толстого, как и Вы.",
    "Это очень важно",
  ])("«%s» is a sentence", (text) => expect(isSentence(text)).toBe(true));

  it.each([
    "Кагарлицкий",
    "Кагарлицкий.",
    "Борис Кагарлицький",
    "Борис Юльевич Кагарлицкий!",
    "kagarlitsky",
    "Boris Kagarlitsky",
    "Мария Пономаренко 1978",
    "Зейтуллаев 1984",
    "Балух",
    "Baluch",
    "Кагарлицкий Б. Ю.",
    "Пономаренко М. В.",
    "Где Кагарлицкий?",
    "Кагарлицкий и Балух",
    "Balukh Volodymyr",
    "Дякую Олена Петрівна 1978",
    "",
    "🌻",
  ])("«%s» is not", (text) => expect(isSentence(text)).toBe(false));

  it("takes no name of the directory for a sentence, in any order or spelling (the seed and 2,000 imported-shape cards)", () => {
    const names: string[] = [];
    for (const entry of importedShapeEntries(2_000)) {
      for (const surname of entry.surnames) {
        for (const other of entry.otherNames) names.push(`${surname} ${other}`, `${other} ${surname}.`, `${other} ${surname}!`);
        names.push(surname);
      }
    }
    expect(names.length).toBeGreaterThan(10_000);
    expect(names.filter(isSentence)).toEqual([]);
  });
});
