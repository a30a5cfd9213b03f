import { describe, expect, it } from "vitest";
import { readDirectorySeed } from "../../src/domain/directory/seed-files.js";
import type { PrisonerRecord } from "../../src/domain/directory/types.js";
import { boundedDamerauLevenshtein } from "../../src/domain/search/damerau-levenshtein.js";
import { type SearchEntry, toSearchEntry } from "../../src/domain/search/entry.js";
import { foldKey, stemKey, surfaceForm } from "../../src/domain/search/normalize.js";
import { buildSearchIndex } from "../../src/domain/search/search-index.js";
import { PAGE_SIZE, parseQuery, searchPrisoners } from "../../src/domain/search/search.js";
import { SPELLINGS } from "./bot/helpers.js";

const seed = readDirectorySeed();
const seedIndex = buildSearchIndex(seed.prisoners.map(toSearchEntry));
const first = (query: string) => searchPrisoners(seedIndex, query).hits[0]?.slug;

describe("search over the shipped directory (issue 3 done-when)", () => {
  it.each(SPELLINGS)("finds %s first", (query, slug) => {
    expect(first(query)).toBe(slug);
  });

  it.each(["Иванов", "Ivanov", "Навальный", "Smith", "Петренко", "Qwerty"])("finds nobody for %s", (query) => {
    expect(searchPrisoners(seedIndex, query).total).toBe(0);
  });

  it("finds the people of every seed article, whatever the script or case", () => {
    const expected: [string, string][] = [
      ["Балуха", "balukh-volodymyr"],
      ["Балухом", "balukh-volodymyr"],
      ["Балухові", "balukh-volodymyr"],
      ["Зейтуллаєв", "zeytullaev-ruslan"],
      ["Кагарлицкого", "kagarlitsky-boris"],
      ["Кагарлицький", "kagarlitsky-boris"],
      ["Козыревой", "kozyreva-darya"],
      ["Chiygoz", "chiygoz-akhtem"],
      ["Degermendzhy", "degermendzhy-mustafa"],
      ["Sayfullaev", "sayfullaev-ferat"],
      ["Nuri Primov", "primov-yuri"],
      ["Miftakhov", "miftakhov-azat"],
      ["Shakursky", "shakursky-ilya"],
      ["Pchelintsev", "pchelintsev-dmitry"],
    ];
    for (const [query, slug] of expected) expect(first(query), query).toBe(slug);
  });

  it("matches either birth year the sources give for Zeytullaev, and boosts the match", () => {
    const with1984 = searchPrisoners(seedIndex, "Зейтуллаев 1984").hits[0];
    const with1985 = searchPrisoners(seedIndex, "Зейтуллаев 1985").hits[0];
    const with1990 = searchPrisoners(seedIndex, "Зейтуллаев 1990").hits[0];
    const without = searchPrisoners(seedIndex, "Зейтуллаев").hits[0];
    expect(with1984?.yearMatched).toBe(true);
    expect(with1985?.yearMatched).toBe(true);
    expect(with1984?.score).toBeGreaterThan(without?.score ?? Infinity);
    // A different year lowers the person but never hides them: sources do disagree.
    expect(with1990?.slug).toBe("zeytullaev-ruslan");
    expect(with1990?.yearMatched).toBe(false);
    expect(with1990?.score).toBeLessThan(without?.score ?? -Infinity);
  });

  it("finds people through spellings nobody recorded, not only the stored alternatives", () => {
    const withoutAlternatives = buildSearchIndex(
      seed.prisoners.map((prisoner): SearchEntry => toSearchEntry({ ...prisoner, altSpellings: [] })),
    );
    for (const query of ["Baluja", "Baluch", "Baluh", "Balukha", "Kagarlicki", "Kagarlitskiy", "Zeitullayev", "Gorinow"]) {
      expect(searchPrisoners(withoutAlternatives, query).hits[0]?.slug, query).toMatch(
        /^(balukh-volodymyr|kagarlitsky-boris|zeytullaev-ruslan|gorinov-aleksei)$/,
      );
    }
  });
});

describe("ranking", () => {
  const person = (slug: string, surname: string, given = "Иван", years: number[] = []): SearchEntry => ({
    slug,
    surnames: [surname],
    otherNames: [given],
    birthYears: years,
  });

  it("orders exact > case ending > transliteration > prefix > typo", () => {
    const index = buildSearchIndex([
      person("exact", "Балух"),
      person("ending", "Балуха"),
      person("translit", "Baluch"),
      person("prefix", "Балухевич"),
      person("typo", "Балчх"),
    ]);
    const result = searchPrisoners(index, "Балух");
    expect(result.hits.map((hit) => [hit.slug, hit.level])).toEqual([
      ["exact", "exact"],
      ["ending", "ending"],
      ["translit", "translit"],
      ["prefix", "prefix"],
      ["typo", "typo"],
    ]);
  });

  it("requires every word of the query to match", () => {
    const index = buildSearchIndex([person("a", "Зейтуллаев", "Руслан"), person("b", "Зейтуллаев", "Энвер")]);
    expect(searchPrisoners(index, "Руслан Зейтуллаев").hits.map((hit) => hit.slug)).toEqual(["a"]);
  });

  it("pages ten at a time and clamps the page number", () => {
    const index = buildSearchIndex(Array.from({ length: 23 }, (_, n) => person(`p${String(n).padStart(2, "0")}`, "Петров")));
    const second = searchPrisoners(index, "Петров", 2);
    expect(second.total).toBe(23);
    expect(second.pageCount).toBe(3);
    expect(second.hits).toHaveLength(PAGE_SIZE);
    expect(second.hits[0]?.slug).toBe("p10");
    expect(searchPrisoners(index, "Петров", 9).page).toBe(3);
    expect(searchPrisoners(index, "Петров", 9).hits).toHaveLength(3);
  });

  it("tolerates two edits only in long names", () => {
    const index = buildSearchIndex([person("asanov", "Asanov"), person("kagarlitsky", "Kagarlitsky")]);
    expect(searchPrisoners(index, "Ivanov").total).toBe(0);
    expect(searchPrisoners(index, "Kagralitski").hits[0]?.slug).toBe("kagarlitsky");
  });
});

describe("query parsing and normalisation", () => {
  it("takes a four-digit year as a birth year and ignores the /find command", () => {
    expect(parseQuery("/find@LystyBot Зейтуллаев 1984")).toEqual({ words: ["Зейтуллаев"], year: 1984 });
    expect(parseQuery("1984")).toEqual({ words: [], year: 1984 });
    expect(parseQuery("В. Балух")).toEqual({ words: ["Балух"], year: null });
  });

  it("folds Cyrillic and Latin spellings onto one key", () => {
    const same = (...words: string[]) => expect(new Set(words.map((word) => foldKey(surfaceForm(word)))).size, words.join()).toBe(1);
    same("Балух", "Balukh", "Baluh", "Baluch");
    same("Зейтуллаев", "Зейтуллаєв", "Zeytullaev", "Zeitullayev", "Zeytulayev");
    same("Кагарлицкий", "Кагарлицький", "Kagarlitsky", "Kagarlitskiy", "Kagarlicki");
    same("Дарья", "Дар'я", "Darya", "Daria");
    same("Юрий", "Yuri", "Jurij", "Iurii");
    same("Жуков", "Zhukov");
    same("Щукин", "Shchukin", "Schukin");
    same("Артём", "Artyom", "Artem");
    same("Алексей", "Alexei", "Aleksey");
  });

  it("strips Russian and Ukrainian case endings down to a shared stem", () => {
    const stem = (word: string) => stemKey(foldKey(surfaceForm(word)));
    expect(new Set(["Балух", "Балуху", "Балуха", "Балухом", "Балухові"].map(stem)).size).toBe(1);
    expect(new Set(["Козырева", "Козыревой", "Козыреву"].map(stem)).size).toBe(1);
    expect(new Set(["Кагарлицкий", "Кагарлицкого", "Кагарлицкому", "Кагарлицким"].map(stem)).size).toBe(1);
    // Surname suffixes are not endings: «Горинов» keeps its «-ов».
    expect(stem("Горинов")).toBe(foldKey("горинов"));
  });

  it("counts adjacent transpositions as one edit and stops past the bound", () => {
    expect(boundedDamerauLevenshtein("kagarliQki", "kagralQiki", 2)).toBe(2);
    expect(boundedDamerauLevenshtein("abcd", "abdc", 1)).toBe(1);
    expect(boundedDamerauLevenshtein("balukh", "balukh", 2)).toBe(0);
    expect(boundedDamerauLevenshtein("asanov", "ivanov", 1)).toBe(2);
    expect(boundedDamerauLevenshtein("a", "abcdef", 2)).toBe(3);
  });
});

describe("seed spellings", () => {
  it("indexes every alternative spelling the record carries", () => {
    const balukh = seed.prisoners.find((prisoner) => prisoner.slug === "balukh-volodymyr") as PrisonerRecord;
    for (const spelling of balukh.altSpellings) {
      expect(searchPrisoners(seedIndex, spelling).hits[0]?.slug, spelling).toBe("balukh-volodymyr");
    }
  });
});
