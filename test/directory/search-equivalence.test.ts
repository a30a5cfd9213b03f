/**
 * The fast search (scratch buffers, piece pre-filter, typed-array scan for short words) must find exactly what the
 * straightforward search finds: same people, order, scores, levels, totals and pages. Compared over a directory in the
 * imported registry's shape (generated Memorial cards through the sync's own parsing, plus the seed) with typo queries,
 * prefixes, case endings, short names of two to five letters, years and pages past the first.
 */
import { describe, expect, it } from "vitest";
import { boundedDamerauLevenshtein } from "../../src/domain/search/damerau-levenshtein.js";
import { buildSearchIndex } from "../../src/domain/search/search-index.js";
import { searchPrisoners } from "../../src/domain/search/search.js";
import { importedShapeEntries, importedShapeQueries } from "../helpers/search-corpus.js";
import { referenceSearch } from "./search-reference.js";

const entries = importedShapeEntries(3_000);
const index = buildSearchIndex(entries);

function swapTwo(word: string, at: number): string {
  if (word.length < 4) return word;
  const position = 1 + (at % (word.length - 2));
  return word.slice(0, position) + (word[position + 1] ?? "") + (word[position] ?? "") + word.slice(position + 2);
}

function shortQueries(): string[] {
  const words = new Set<string>();
  for (const entry of entries.slice(0, 400)) {
    for (const name of [...entry.surnames, ...entry.otherNames]) {
      for (const part of name.split(/[-\s]/)) {
        for (const length of [2, 3, 4, 5]) if (part.length >= length) words.add(part.slice(0, length));
      }
    }
  }
  return [...words, "Ив", "Ли", "Ким", "Пак", "Лев", "Анна", "Олег", "Юрий", "Oleg", "Ivan", "Kim", "Yuri", "Ира", "Оля"];
}

function typoQueries(): string[] {
  return entries.slice(0, 300).flatMap((entry, at) => {
    const surname = entry.surnames[at % entry.surnames.length] as string;
    const given = entry.otherNames[0] as string;
    return [swapTwo(surname, at), `${swapTwo(given, at)} ${surname}`, surname.slice(0, -1), `${surname}у`, `${surname}ом ${entry.birthYears[0] ?? 1980}`];
  });
}

function expectSame(query: string, page = 1): void {
  const fast = searchPrisoners(index, query, page);
  const reference = referenceSearch(index, query, page);
  expect(fast, query).toEqual(reference);
}

describe("the fast search finds exactly what the straightforward one finds", () => {
  it("for the bench's query mix: full names, six-letter prefixes, two letters swapped", () => {
    const queries = importedShapeQueries(entries, 600);
    for (const query of queries) expectSame(query);
    // The mix must exercise matches, not only empty answers.
    expect(queries.filter((query) => searchPrisoners(index, query).total > 0).length).toBeGreaterThan(500);
  });

  it("for typos, endings and years in every script", () => {
    for (const query of typoQueries()) expectSame(query);
  });

  it("for short names (two to five letters), where the piece filter cannot narrow and every key is checked", () => {
    const queries = shortQueries();
    expect(queries.length).toBeGreaterThan(100);
    for (const query of queries) expectSame(query);
    expect(queries.filter((query) => searchPrisoners(index, query).total > 10).length).toBeGreaterThan(10);
  });

  it("for pages past the first, and the same query asked twice (the buffers are reused)", () => {
    for (const query of ["Иванов", "Ivanov", "Алексей", "Петров Дмитрий", "Сидоров"]) {
      for (const page of [1, 2, 3, 50]) expectSame(query, page);
    }
    expect(searchPrisoners(index, "Иванов")).toEqual(searchPrisoners(index, "Иванов"));
    expect(searchPrisoners(index, "Иванов", 2).hits).not.toEqual(searchPrisoners(index, "Иванов", 1).hits);
  });
});

/** Full optimal-string-alignment table, no band and no bound: the definition the banded one must agree with. */
function fullDistance(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, table[i - 2]![j - 2]! + 1);
      table[i]![j] = best;
    }
  }
  return table[a.length]![b.length]!;
}

describe("the banded bounded distance", () => {
  it("equals the full table's distance when within the bound, and bound + 1 otherwise", () => {
    const letters = "абвгдиклмнор";
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const word = () => Array.from({ length: 1 + Math.floor(random() * 11) }, () => letters[Math.floor(random() * letters.length)]).join("");
    let within = 0;
    for (let n = 0; n < 20_000; n += 1) {
      const a = word();
      // Half the pairs are a few edits apart, so the small distances are well covered.
      const b = random() < 0.5 ? word() : swapTwo(a, n).slice(0, a.length - (n % 2)) + (n % 3 === 0 ? "о" : "");
      for (const max of [1, 2]) {
        const full = fullDistance(a, b);
        if (full <= max) within += 1;
        expect(boundedDamerauLevenshtein(a, b, max), `${a} ${b} ${max}`).toBe(full <= max ? full : max + 1);
      }
    }
    expect(within).toBeGreaterThan(2_000);
  });
});
