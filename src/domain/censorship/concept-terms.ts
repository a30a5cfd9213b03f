import type { WordPattern } from "./word-index.js";

/** A term of a concept class (context.ts): its words, its class, and its place in ConceptTermArena.terms. */
export interface ClassTerm {
  words: WordPattern[];
  classIndex: number;
  id: number;
}

/** In a record: a multi-word term of two words has no third word to compare. */
export const NO_THIRD_WORD = -2;

/** A multi-word term's numbers in a record. */
export const MULTI_WORD_ENTRY = 4;

/** What a word that starts no concept term gets instead of a record. */
export const NO_RECORD = -1;

/** Past this many multi-word terms («у», «на», «наш», "the": dozens each) a word keeps a record per next letter. */
const MANY_MULTI_WORD_TERMS = 8;

/** Past this many numbers the arena starts over (4 MB; tens of thousands of distinct words). */
const MAX_ARENA = 1 << 20;
const MAX_MEMO = 50_000;

/**
 * The concept terms each word starts, laid out for the reading loop in one shared Int32Array (issue 16 speed). The
 * loop used to touch a list object, two typed arrays and every candidate term object with its words and patterns,
 * so a sentence's reading mostly waited on memory; now a word's lookup keeps the offset of its record here, and
 * the words of a letter read neighbouring numbers of one array.
 *
 * A record is `[end, wide, ...groups]`: `end` the offset after it, `wide` the index of the word's entry in `wide`
 * (a word with many multi-word terms, read through a record per first letter of the next word) or -1. Each group,
 * one per class in the order of its first term, is `[class, single, multiCount, ...multiCount × (key, length, third, term)]`:
 * - `single` is 1 when a one-word term of the class starts with the word (it always matches: the span is the word);
 * - the multi-word terms are those before the class's first one-word term (a later one can never be the class's
 *   first matching term, which decides its span); each is tried only when the next word starts with the first two
 *   characters of its second word (`key`, see patternKey) and, for an exact second word, has its `length` (-1 for
 *   a prefix or stem); `third` is its third word's key (NO_THIRD_WORD without one: «in the news» is not tried
 *   before «the letter»); `term` indexes `terms`.
 * So a class's first matching term in the old order (every term tried in turn) is the first matching multi-word
 * term of its group, else the word itself when `single` is 1: the same span.
 */
export class ConceptTermArena {
  data = new Int32Array(1 << 14);
  private used = 0;
  /**
   * The owner under which word lookups keep their records' offsets (compile.ts layerValue): replaced when the
   * arena starts over, so that an offset of before is never read as one of now.
   */
  owner: object = {};
  private readonly memo = new Map<string, number>();
  private wide: { terms: readonly ClassTerm[]; byNextLetter: Map<number, number> }[] = [];

  /** `limit`: how many numbers the arena holds before it starts over (tests make it small). */
  constructor(
    readonly terms: readonly ClassTerm[],
    private readonly limit = MAX_ARENA,
  ) {}

  /** The record of a word starting `terms` (in the order tried), memoized by the word; NO_RECORD without terms. */
  recordOf(norm: string, termsOf: (norm: string) => ClassTerm[]): number {
    const known = this.memo.get(norm);
    if (known !== undefined) return known;
    const terms = termsOf(norm);
    const record = terms.length === 0 ? NO_RECORD : this.add(terms, null);
    if (this.memo.size >= MAX_MEMO) this.memo.clear();
    this.memo.set(norm, record);
    return record;
  }

  /** The record to read before `next` (the next word's folded form; undefined at the end of the text). */
  recordBefore(record: number, next: string | undefined): number {
    const wideIndex = this.data[record + 1] as number;
    if (wideIndex < 0 || next === undefined) return record;
    const wide = this.wide[wideIndex];
    if (wide === undefined) return record;
    const letter = next.charCodeAt(0);
    const known = wide.byNextLetter.get(letter);
    if (known !== undefined) return known;
    const filtered = this.add(wide.terms, letter);
    wide.byNextLetter.set(letter, filtered);
    return filtered;
  }

  /**
   * Appends the record of `all`; with `letter`, only the multi-word terms whose second word can start with it are
   * kept (an empty second word never matched: left out), and a class left with nothing to try is left out.
   */
  private add(all: readonly ClassTerm[], letter: number | null): number {
    const groups = new Map<number, { single: boolean; multi: ClassTerm[] }>();
    let multiCount = 0;
    for (const term of all) {
      let group = groups.get(term.classIndex);
      if (group === undefined) {
        group = { single: false, multi: [] };
        groups.set(term.classIndex, group);
      }
      if (group.single) continue;
      const second = term.words[1];
      if (second === undefined) group.single = true;
      else if (second.text !== "" && (letter === null || second.text.charCodeAt(0) === letter)) {
        group.multi.push(term);
        multiCount++;
      }
    }
    const layout: number[] = [0, -1];
    for (const [classIndex, { single, multi }] of groups) {
      if (!single && multi.length === 0) continue;
      layout.push(classIndex, single ? 1 : 0, multi.length);
      for (const term of multi) {
        const second = term.words[1] as WordPattern;
        const exact = !second.prefix && second.endings === undefined;
        const third = term.words[2];
        layout.push(patternKey(second.text), exact ? second.text.length : -1, third === undefined ? NO_THIRD_WORD : patternKey(third.text), term.id);
      }
    }
    if (this.used + layout.length > this.limit) this.startOver();
    const record = this.used;
    layout[0] = record + layout.length;
    if (letter === null && multiCount > MANY_MULTI_WORD_TERMS) {
      layout[1] = this.wide.length;
      this.wide.push({ terms: all, byNextLetter: new Map() });
    }
    this.reserve(layout.length);
    this.data.set(layout, record);
    this.used += layout.length;
    return record;
  }

  private reserve(count: number): void {
    if (this.used + count <= this.data.length) return;
    const grown = new Int32Array(Math.max(this.data.length * 2, this.used + count));
    grown.set(this.data.subarray(0, this.used));
    this.data = grown;
  }

  private startOver(): void {
    this.used = 0;
    this.owner = {};
    this.memo.clear();
    this.wide = [];
  }
}

/**
 * The first two characters of a word as one number: a second word's pattern text and the next word are compared
 * by it before the term is looked at (every pattern, exact, prefix or stem, needs the next word to start with its
 * text). A one-character text gives its character alone (below 0x10000), compared with the next word's first one.
 */
export function patternKey(text: string): number {
  return text.length === 1 ? text.charCodeAt(0) : text.charCodeAt(0) | (text.charCodeAt(1) << 16);
}
