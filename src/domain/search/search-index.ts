/**
 * An in-memory index over every name word of every person, built once per directory change so that a query is a
 * few map look-ups plus, for typos, the distance to the few keys that share enough two-letter pieces with it.
 */
import type { SearchEntry } from "./entry.js";
import { foldKey, type Script, scriptOf, splitWords, stemKey, surfaceForm } from "./normalize.js";

/** One distinct written word (e.g. «балух», «balukh»), shared by every person whose name contains it. */
export interface IndexedWord {
  surface: string;
  script: Script;
  key: string;
  stem: string;
  /** Person positions (into `entries`) with this word, and whether it is their surname there. */
  people: number[];
  surnameOf: Set<number>;
}

/** One distinct key, for prefix and typo scans; several words may share it («балух», «balukh», «baluh»). */
export interface IndexedKey {
  key: string;
  stem: string;
  /** Letters present, one bit each: two keys a few edits apart differ in only a few bits. */
  letters: number;
  words: IndexedWord[];
}

export interface SearchIndex {
  entries: readonly SearchEntry[];
  bySurface: Map<string, IndexedWord>;
  byKey: Map<string, IndexedWord[]>;
  byStem: Map<string, IndexedWord[]>;
  /** Sorted by key, for binary-searched prefix ranges. */
  keys: IndexedKey[];
  /** Each distinct two-letter piece of a key (of a stem) → positions in `keys` holding it: the typo pre-filter. */
  keyGrams: Map<string, number[]>;
  stemGrams: Map<string, number[]>;
}

/** The distinct two-letter pieces of a word («балух» → ба, ал, лу, ух). */
export function distinctBigrams(text: string): string[] {
  const grams = new Set<string>();
  for (let index = 0; index + 1 < text.length; index += 1) grams.add(text.slice(index, index + 2));
  return [...grams];
}

export function letterMask(key: string): number {
  let mask = 0;
  for (let index = 0; index < key.length; index += 1) mask |= 1 << (key.charCodeAt(index) & 31);
  return mask;
}

export function buildSearchIndex(entries: readonly SearchEntry[]): SearchIndex {
  const bySurface = new Map<string, IndexedWord>();
  entries.forEach((entry, position) => {
    const addWords = (names: readonly string[], isSurname: boolean) => {
      for (const name of names) {
        for (const raw of splitWords(name)) {
          const surface = surfaceForm(raw);
          if (surface.length < 2) continue;
          let word = bySurface.get(surface);
          if (!word) {
            const key = foldKey(surface);
            if (key.length === 0) continue;
            word = { surface, script: scriptOf(surface), key, stem: stemKey(key), people: [], surnameOf: new Set() };
            bySurface.set(surface, word);
          }
          if (word.people[word.people.length - 1] !== position) word.people.push(position);
          if (isSurname) word.surnameOf.add(position);
        }
      }
    };
    addWords(entry.surnames, true);
    addWords(entry.otherNames, false);
  });

  const byKey = new Map<string, IndexedWord[]>();
  const byStem = new Map<string, IndexedWord[]>();
  for (const word of bySurface.values()) {
    append(byKey, word.key, word);
    append(byStem, word.stem, word);
  }
  const keys = [...byKey.entries()]
    .map(([key, words]): IndexedKey => ({ key, stem: stemKey(key), letters: letterMask(key), words }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const keyGrams = new Map<string, number[]>();
  const stemGrams = new Map<string, number[]>();
  keys.forEach((indexed, position) => {
    for (const gram of distinctBigrams(indexed.key)) append(keyGrams, gram, position);
    for (const gram of distinctBigrams(indexed.stem)) append(stemGrams, gram, position);
  });
  return { entries, bySurface, byKey, byStem, keys, keyGrams, stemGrams };
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
