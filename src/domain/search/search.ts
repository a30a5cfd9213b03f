/**
 * Finds people by a name typed the way an article or a reader spells it. Every word of the query must match a word
 * of the person's name at some level; the person's score is the mean over the words, so «Руслан Зейтуллаев» ranks an
 * exact full name above a typo in one part. A four-digit year in the query is a birth year: a match lifts the person,
 * a known different year lowers them (sources disagree on years, so it never hides anyone).
 */
import { boundedDamerauLevenshtein } from "./damerau-levenshtein.js";
import { foldKey, scriptOf, splitWords, stemKey, surfaceForm } from "./normalize.js";
import type { SearchEntry } from "./entry.js";
import { distinctBigrams, type IndexedKey, type IndexedWord, letterMask, type SearchIndex } from "./search-index.js";

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
  /** Only with a `within` filter: everyone the query matched before the filter (`total` counts those it kept). */
  unfiltered?: number;
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

const LEVELS: readonly MatchLevel[] = ["exact", "ending", "translit", "prefix", "typo"];
const LEVEL_CODE: Record<MatchLevel, number> = { exact: 0, ending: 1, translit: 2, prefix: 3, typo: 4 };

/**
 * Buffers sized to the index, made once per index and reused by every query: a query touches only the people and
 * keys it finds (a generation stamp marks what this query wrote), instead of allocating maps and arrays over the
 * whole directory. Search runs synchronously, so one set per index is enough.
 */
interface Scratch {
  generation: number;
  /** One query word's best match per person. */
  wordStamp: Uint32Array;
  wordScore: Float64Array;
  wordLevel: Uint8Array;
  wordSurname: Uint8Array;
  wordPeople: Int32Array;
  wordCount: number;
  /** The running sum over the query's words, for the people every word so far matched. */
  total: Float64Array;
  weakest: Uint8Array;
  surname: Uint8Array;
  combined: Int32Array;
  /** Typo pre-filter: shared pieces per key, the keys found (deduplicated by stamp), each key's length and letters. */
  pieceStamp: Uint32Array;
  pieceCount: Uint8Array;
  candidateStamp: Uint32Array;
  candidates: Int32Array;
  keyLength: Uint16Array;
  keyLetters: Int32Array;
}

const scratches = new WeakMap<SearchIndex, Scratch>();

function scratchFor(index: SearchIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch) {
    const people = index.entries.length;
    const keys = index.keys.length;
    scratch = {
      generation: 0,
      wordStamp: new Uint32Array(people),
      wordScore: new Float64Array(people),
      wordLevel: new Uint8Array(people),
      wordSurname: new Uint8Array(people),
      wordPeople: new Int32Array(people),
      wordCount: 0,
      total: new Float64Array(people),
      weakest: new Uint8Array(people),
      surname: new Uint8Array(people),
      combined: new Int32Array(people),
      pieceStamp: new Uint32Array(keys),
      pieceCount: new Uint8Array(keys),
      candidateStamp: new Uint32Array(keys),
      candidates: new Int32Array(keys),
      keyLength: Uint16Array.from(index.keys, (indexed) => indexed.key.length),
      keyLetters: Int32Array.from(index.keys, (indexed) => indexed.letters),
    };
    scratches.set(index, scratch);
  }
  return scratch;
}

function nextGeneration(scratch: Scratch): number {
  scratch.generation += 1;
  if (scratch.generation === 0xffffffff) {
    // After four billion stamps: start over with clean stamps rather than let an old one look current.
    scratch.wordStamp.fill(0);
    scratch.pieceStamp.fill(0);
    scratch.candidateStamp.fill(0);
    scratch.generation = 1;
  }
  return scratch.generation;
}

/**
 * One page of the people `text` finds, best first. `within` keeps only the people it accepts before ranking is paged,
 * so a page of an organiser's own people is never crowded out by others ranked above them.
 */
export function searchPrisoners(index: SearchIndex, text: string, page = 1, within?: (slug: string) => boolean): SearchPage {
  const query = parseQuery(text);
  const ranked = query.words.length === 0 ? { order: new Int32Array(0), scores: new Float64Array(0) } : rank(index, query);
  const order = within ? ranked.order.filter((person) => within((index.entries[person] as SearchEntry).slug)) : ranked.order;
  const total = order.length;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const scratch = scratchFor(index);
  const hits: SearchHit[] = [];
  for (let rankPosition = (current - 1) * PAGE_SIZE; rankPosition < Math.min(total, current * PAGE_SIZE); rankPosition += 1) {
    const person = order[rankPosition] as number;
    const entry = index.entries[person] as SearchEntry;
    hits.push({ slug: entry.slug, score: ranked.scores[person] as number, level: LEVELS[scratch.weakest[person] as number] as MatchLevel, yearMatched: yearMatch(entry, query) });
  }
  return { query, hits, total, page: current, pageCount, ...(within ? { unfiltered: ranked.order.length } : {}) };
}

function yearMatch(entry: SearchEntry, query: ParsedQuery): boolean | null {
  return query.year === null || entry.birthYears.length === 0 ? null : entry.birthYears.includes(query.year);
}

/** Every person all the query's words match, best first (score, then slug), with each person's score. */
function rank(index: SearchIndex, query: ParsedQuery): { order: Int32Array; scores: Float64Array } {
  const scratch = scratchFor(index);
  const { total, weakest, surname, combined } = scratch;
  let count = 0;
  for (const [position, word] of query.words.entries()) {
    const generation = matchWord(index, word, scratch);
    const { wordStamp, wordScore, wordLevel, wordSurname } = scratch;
    if (position === 0) {
      for (let i = 0; i < scratch.wordCount; i += 1) {
        const person = scratch.wordPeople[i] as number;
        total[person] = wordScore[person] as number;
        weakest[person] = wordLevel[person] as number;
        surname[person] = wordSurname[person] as number;
        combined[i] = person;
      }
      count = scratch.wordCount;
    } else {
      let kept = 0;
      for (let i = 0; i < count; i += 1) {
        const person = combined[i] as number;
        if (wordStamp[person] !== generation) continue;
        total[person] = (total[person] as number) + (wordScore[person] as number);
        if (wordSurname[person]) surname[person] = 1;
        const level = wordLevel[person] as number;
        if (MATCH_SCORES[LEVELS[level] as MatchLevel] < MATCH_SCORES[LEVELS[weakest[person] as number] as MatchLevel]) weakest[person] = level;
        combined[kept] = person;
        kept += 1;
      }
      count = kept;
    }
    if (count === 0) break;
  }
  const order = combined.slice(0, count);
  // `total` is reused for the final score: each person's sum is read once, before it is replaced.
  for (const person of order) {
    const entry = index.entries[person] as SearchEntry;
    const yearMatched = yearMatch(entry, query);
    const yearAdjustment = yearMatched === null ? 0 : yearMatched ? YEAR_MATCH_BONUS : -YEAR_MISMATCH_PENALTY;
    total[person] = (total[person] as number) / query.words.length + (surname[person] ? SURNAME_BONUS : 0) + yearAdjustment;
  }
  const slugs = index.entries;
  order.sort((a, b) => {
    const byScore = (total[b] as number) - (total[a] as number);
    if (byScore !== 0) return byScore;
    const slugA = (slugs[a] as SearchEntry).slug;
    const slugB = (slugs[b] as SearchEntry).slug;
    return slugA < slugB ? -1 : slugA > slugB ? 1 : 0;
  });
  return { order, scores: total };
}

/** Query words seen lately, normalised once (readers repeat names; the bench repeats them too). */
const normalised = new Map<string, { surface: string; script: ReturnType<typeof scriptOf>; key: string }>();
const NORMALISED_MAX = 2_000;

function normalise(word: string): { surface: string; script: ReturnType<typeof scriptOf>; key: string } {
  let found = normalised.get(word);
  if (!found) {
    const surface = surfaceForm(word);
    found = { surface, script: scriptOf(surface), key: foldKey(surface) };
    if (normalised.size >= NORMALISED_MAX) normalised.clear();
    normalised.set(word, found);
  }
  return found;
}

/**
 * Best match of one query word against every person, by the strictest level that finds them, written into the
 * scratch buffers (`wordPeople[0 … wordCount)`, stamped with the returned generation).
 */
function matchWord(index: SearchIndex, word: string, scratch: Scratch): number {
  const { surface, script, key } = normalise(word);
  const generation = nextGeneration(scratch);
  scratch.wordCount = 0;
  if (key.length === 0) return generation;
  const { wordStamp, wordScore, wordLevel, wordSurname, wordPeople } = scratch;
  const record = (indexed: IndexedWord, level: MatchLevel, penalty = 0) => {
    const score = MATCH_SCORES[level] - penalty;
    const code = LEVEL_CODE[level];
    for (const person of indexed.people) {
      if (wordStamp[person] !== generation) {
        wordStamp[person] = generation;
        wordPeople[scratch.wordCount] = person;
        scratch.wordCount += 1;
      } else if ((wordScore[person] as number) >= score) continue;
      wordScore[person] = score;
      wordLevel[person] = code;
      wordSurname[person] = indexed.surnameOf.has(person) ? 1 : 0;
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
    matchTypos(index, scratch, queryKey, queryStem, (indexed, distance) => record(indexed, "typo", variantPenalty + 5 * (distance - 1)));
  }
  return generation;
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

/**
 * Keys within the allowed edits of the query word (or of its stem), in index order. The length and letter-set checks
 * read the scratch's typed arrays, so even the keys the piece filter cannot narrow (short words: too few pieces) cost
 * two array reads each rather than an object visit.
 */
function matchTypos(
  index: SearchIndex,
  scratch: Scratch,
  key: string,
  stem: string,
  onMatch: (word: IndexedWord, distance: number) => void,
): void {
  const max = allowedEdits(key.length);
  if (max === 0) return;
  const mask = letterMask(key);
  const { keyLength, keyLetters } = scratch;
  const visit = (position: number) => {
    if (Math.abs((keyLength[position] as number) - key.length) > max + 1) return;
    // Each edit adds or removes at most two letters from the set of letters used, so more differing bits
    // than 2×edits rules a key out without computing the distance.
    if (popcount((keyLetters[position] as number) ^ mask) > 2 * max) return;
    const candidate = index.keys[position] as IndexedKey;
    let distance = boundedDamerauLevenshtein(key, candidate.key, max);
    if (distance > max && stem !== key) distance = boundedDamerauLevenshtein(stem, candidate.stem, max);
    if (distance > 0 && distance <= max) candidate.words.forEach((word) => onMatch(word, distance));
  };
  const found = typoCandidates(index, scratch, key, stem, max);
  if (found === null) {
    for (let position = 0; position < index.keys.length; position += 1) visit(position);
    return;
  }
  for (const position of found) visit(position);
}

/**
 * A transposition changes at most three two-letter pieces of a word, an insertion, deletion or substitution at most
 * two: a key within `max` edits still has all but 3×max of the query's distinct pieces. Counting shared pieces over
 * the inverted lists leaves a few keys to measure instead of all of them. The stem is checked the same way, since a
 * typo may be found between stems. Positions come back sorted (index order, as a full scan visits them, so ranking
 * ties resolve the same way); null when a word has too few pieces to filter (then every key is checked).
 */
function typoCandidates(index: SearchIndex, scratch: Scratch, key: string, stem: string, max: number): Int32Array | null {
  const generation = nextGeneration(scratch);
  let count = 0;
  const add = (position: number) => {
    if (scratch.candidateStamp[position] === generation) return;
    scratch.candidateStamp[position] = generation;
    scratch.candidates[count] = position;
    count += 1;
  };
  if (!sharingPieces(index.keyGrams, key, max, scratch, add)) return null;
  if (stem !== key && !sharingPieces(index.stemGrams, stem, max, scratch, add)) return null;
  return scratch.candidates.subarray(0, count).sort();
}

/** Calls `onFound` for each key sharing enough pieces with `text`; false when too few pieces to filter. */
function sharingPieces(grams: Map<string, number[]>, text: string, max: number, scratch: Scratch, onFound: (position: number) => void): boolean {
  const pieces = distinctBigrams(text);
  const needed = pieces.length - 3 * max;
  if (needed <= 0) return false;
  const generation = nextGeneration(scratch);
  const { pieceStamp, pieceCount } = scratch;
  for (const piece of pieces) {
    for (const position of grams.get(piece) ?? []) {
      if (pieceStamp[position] !== generation) {
        pieceStamp[position] = generation;
        pieceCount[position] = 0;
      }
      const shared = (pieceCount[position] as number) + 1;
      pieceCount[position] = shared;
      if (shared === needed) onFound(position);
    }
  }
  return true;
}

function popcount(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
