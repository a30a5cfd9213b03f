/**
 * The search as it was before the speed work of issue 11, kept as the reference the equivalence test compares with:
 * Map-based accumulation, a full sort, and the typo step measuring the distance to every key of the index (no
 * pre-filter). Same scoring code; only how candidates are found and collected differs in the real one.
 */
import { boundedDamerauLevenshtein } from "../../src/domain/search/damerau-levenshtein.js";
import { foldKey, scriptOf, splitWords, stemKey, surfaceForm } from "../../src/domain/search/normalize.js";
import { type IndexedKey, type IndexedWord, letterMask, type SearchIndex } from "../../src/domain/search/search-index.js";

export const MATCH_SCORES = { exact: 100, ending: 90, translit: 80, prefix: 70, typo: 60 } as const;
export type MatchLevel = keyof typeof MATCH_SCORES;

const YEAR_MATCH_BONUS = 10;
const YEAR_MISMATCH_PENALTY = 15;
const SURNAME_BONUS = 2;
export const PAGE_SIZE = 10;

export interface ParsedQuery {
  words: string[];
  year: number | null;
}

export interface SearchHit {
  slug: string;
  score: number;
  /** The weakest level among the query's words: how loosely this person matched. */
  level: MatchLevel;
  /** True/false when the query had a year and the person's birth year is known; null otherwise. */
  yearMatched: boolean | null;
}

export interface SearchPage {
  query: ParsedQuery;
  hits: SearchHit[];
  total: number;
  /** 1-based. */
  page: number;
  pageCount: number;
}

/** «/find@LystyBot Зейтуллаев 1984» → words ["Зейтуллаев"], year 1984. One-letter words (initials) are dropped. */
export function parseQuery(text: string): ParsedQuery {
  const withoutCommand = text.trim().replace(/^\/[a-z_]+(?:@\w+)?/i, "");
  const words: string[] = [];
  let year: number | null = null;
  for (const word of splitWords(withoutCommand)) {
    if (/^\d+$/.test(word)) {
      const number = Number(word);
      if (word.length === 4 && number >= 1900 && number <= 2100) year = number;
      continue;
    }
    if (word.length >= 2) words.push(word);
  }
  return { words, year };
}

interface WordMatch {
  score: number;
  level: MatchLevel;
  surname: boolean;
}

export function referenceSearch(index: SearchIndex, text: string, page = 1): SearchPage {
  const query = parseQuery(text);
  const hits = query.words.length === 0 ? [] : rank(index, query);
  const pageCount = Math.max(1, Math.ceil(hits.length / PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  return {
    query,
    hits: hits.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE),
    total: hits.length,
    page: current,
    pageCount,
  };
}

function rank(index: SearchIndex, query: ParsedQuery): SearchHit[] {
  let combined: Map<number, { total: number; weakest: MatchLevel; surname: boolean }> | undefined;
  for (const word of query.words) {
    const matches = matchWord(index, word);
    if (!combined) {
      combined = new Map([...matches].map(([person, m]) => [person, { total: m.score, weakest: m.level, surname: m.surname }]));
      continue;
    }
    for (const [person, sum] of combined) {
      const match = matches.get(person);
      if (!match) {
        combined.delete(person);
        continue;
      }
      sum.total += match.score;
      sum.surname ||= match.surname;
      if (MATCH_SCORES[match.level] < MATCH_SCORES[sum.weakest]) sum.weakest = match.level;
    }
    if (combined.size === 0) break;
  }
  const hits: SearchHit[] = [];
  for (const [person, sum] of combined ?? []) {
    const entry = index.entries[person];
    if (!entry) continue;
    const yearMatched = query.year === null || entry.birthYears.length === 0 ? null : entry.birthYears.includes(query.year);
    const yearAdjustment = yearMatched === null ? 0 : yearMatched ? YEAR_MATCH_BONUS : -YEAR_MISMATCH_PENALTY;
    const score = sum.total / query.words.length + (sum.surname ? SURNAME_BONUS : 0) + yearAdjustment;
    hits.push({ slug: entry.slug, score, level: sum.weakest, yearMatched });
  }
  return hits.sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/** Best match of one query word against every person, by the strictest level that finds them. */
export function matchWord(index: SearchIndex, word: string): Map<number, WordMatch> {
  const surface = surfaceForm(word);
  const script = scriptOf(surface);
  const key = foldKey(surface);
  const matches = new Map<number, WordMatch>();
  if (key.length === 0) return matches;
  const record = (indexed: IndexedWord, level: MatchLevel, penalty = 0) => {
    const score = MATCH_SCORES[level] - penalty;
    for (const person of indexed.people) {
      const previous = matches.get(person);
      if (!previous || previous.score < score) {
        matches.set(person, { score, level, surname: indexed.surnameOf.has(person) });
      }
    }
  };

  const exact = index.bySurface.get(surface);
  if (exact) record(exact, "exact");

  // Spanish and some machine translations write х as «j» (Baluja): try that reading as a transliteration too.
  const keys = script === "latin" && surface.includes("j") ? [key, foldKey(surface.replace(/j/g, "kh"))] : [key];
  for (const [variant, queryKey] of keys.entries()) {
    const variantPenalty = variant === 0 ? 0 : 2;
    const queryStem = stemKey(queryKey);
    for (const indexed of index.byStem.get(queryStem) ?? []) {
      if (indexed === exact) continue;
      if (indexed.key === queryKey) record(indexed, "translit", variantPenalty);
      else if (indexed.script === script && variantPenalty === 0) record(indexed, "ending");
      else record(indexed, "translit", variantPenalty + 3);
    }
    if (queryStem !== queryKey) {
      for (const indexed of index.byKey.get(queryStem) ?? []) {
        if (indexed === exact) continue;
        record(indexed, indexed.script === script && variantPenalty === 0 ? "ending" : "translit", variantPenalty);
      }
    }
    matchPrefix(index, queryKey, (indexed) => record(indexed, "prefix", variantPenalty));
    matchTypos(index, queryKey, queryStem, (indexed, distance) => record(indexed, "typo", variantPenalty + 5 * (distance - 1)));
  }
  return matches;
}

/** Partial names: «Кагар» finds «Кагарлицкий». Three letters at least, or every short name would match. */
function matchPrefix(index: SearchIndex, key: string, onMatch: (word: IndexedWord) => void): void {
  if (key.length < 3) return;
  let low = 0;
  let high = index.keys.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((index.keys[middle]?.key ?? "") < key) low = middle + 1;
    else high = middle;
  }
  for (let position = low; position < index.keys.length; position += 1) {
    const candidate = index.keys[position];
    if (!candidate || !candidate.key.startsWith(key)) break;
    if (candidate.key !== key) candidate.words.forEach(onMatch);
  }
}

/** One edit for short keys, two from eight letters: «Иванов» must not find «Асанов» (two edits in six letters). */
export function allowedEdits(keyLength: number): number {
  if (keyLength < 4) return 0;
  return keyLength >= 8 ? 2 : 1;
}

function matchTypos(
  index: SearchIndex,
  key: string,
  stem: string,
  onMatch: (word: IndexedWord, distance: number) => void,
): void {
  const max = allowedEdits(key.length);
  if (max === 0) return;
  const mask = letterMask(key);
  for (const candidate of typoCandidates(index, key, stem, max)) {
    if (Math.abs(candidate.key.length - key.length) > max + 1) continue;
    // Each edit adds or removes at most two letters from the set of letters used, so more differing bits
    // than 2×edits rules a key out without computing the distance.
    if (popcount(candidate.letters ^ mask) > 2 * max) continue;
    let distance = boundedDamerauLevenshtein(key, candidate.key, max);
    if (distance > max && stem !== key) distance = boundedDamerauLevenshtein(stem, candidate.stem, max);
    if (distance > 0 && distance <= max) candidate.words.forEach((word) => onMatch(word, distance));
  }
}

function typoCandidates(index: SearchIndex, _key: string, _stem: string, _max: number): readonly IndexedKey[] {
  return index.keys;
}

function popcount(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
