/**
 * Looks a folded word up among exact terms, prefixes and stems with three Map lookups, so the cost per word does
 * not grow with the size of the lexicon. Prefixes and stems are bucketed by their first letters; a bucket holds the
 * few terms sharing them, each checked with startsWith. Word entries have at least PREFIX_KEY letters per prefix
 * and STEM_KEY per stem (the lexicon validation enforces it); the rare shorter prefix (a phrase starting «наш*»)
 * is kept in a short list checked one by one.
 */
export const PREFIX_KEY = 4;
export const STEM_KEY = 3;

interface PrefixTerm<T> {
  prefix: string;
  value: T;
}

interface StemTerm<T> {
  stem: string;
  endings: ReadonlySet<string>;
  value: T;
}

export class WordIndex<T> {
  private readonly exact = new Map<string, T[]>();
  private readonly prefixes = new Map<string, PrefixTerm<T>[]>();
  private readonly shortPrefixes: PrefixTerm<T>[] = [];
  private readonly stems = new Map<string, StemTerm<T>[]>();

  addExact(term: string, value: T): void {
    push(this.exact, term, value);
  }

  addPrefix(prefix: string, value: T): void {
    if (prefix.length < PREFIX_KEY) this.shortPrefixes.push({ prefix, value });
    else push(this.prefixes, prefix.slice(0, PREFIX_KEY), { prefix, value });
  }

  addStem(stem: string, endings: ReadonlySet<string>, value: T): void {
    if (stem.length < STEM_KEY) throw new RangeError(`stem "${stem}" is shorter than ${STEM_KEY} letters`);
    push(this.stems, stem.slice(0, STEM_KEY), { stem, endings, value });
  }

  /** Calls `visit` for every value whose term matches the whole word (exact terms only when `exact`). */
  find(word: string, visit: (value: T) => void, exact = true): void {
    if (exact) this.exact.get(word)?.forEach(visit);
    if (word.length >= PREFIX_KEY) {
      const bucket = this.prefixes.get(word.slice(0, PREFIX_KEY));
      if (bucket) for (const term of bucket) if (word.startsWith(term.prefix)) visit(term.value);
    }
    for (const term of this.shortPrefixes) if (word.startsWith(term.prefix)) visit(term.value);
    if (word.length >= STEM_KEY) {
      const bucket = this.stems.get(word.slice(0, STEM_KEY));
      if (bucket) {
        for (const term of bucket) {
          if (word.startsWith(term.stem) && term.endings.has(word.slice(term.stem.length))) visit(term.value);
        }
      }
    }
  }

  findExact(word: string, visit: (value: T) => void): void {
    this.exact.get(word)?.forEach(visit);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * One word of a phrase, an exception or a nearby-words list: exact, or a prefix when written with a final `*`, or
 * (phrase entries, issue 16) a stem when written with a final `~`: the stem plus one of the entry's `endings`.
 */
export interface WordPattern {
  text: string;
  prefix: boolean;
  /** The stem's endings; undefined for an exact or prefix word (always present, so that patterns share one shape). */
  endings: ReadonlySet<string> | undefined;
}

export function matchesWordPattern(word: string, pattern: WordPattern): boolean {
  if (pattern.endings !== undefined) return word.startsWith(pattern.text) && pattern.endings.has(word.slice(pattern.text.length));
  return pattern.prefix ? word.startsWith(pattern.text) : word === pattern.text;
}

const PHRASE_SEPARATOR = /[\s\-‐–—]+/u;
const PATTERN_WORD = /^[\p{L}\p{M}'’ʼ]+[*~]?$/u;

/** Splits a phrase term into words the way the tokenizer splits text: hyphens and dashes separate words. */
export function splitPhrase(phrase: string): string[] {
  return phrase.split(PHRASE_SEPARATOR).filter((word) => word !== "");
}

export function isPatternWord(word: string): boolean {
  return PATTERN_WORD.test(word);
}

export function parseWordPattern(word: string, fold: (word: string) => string, endings?: ReadonlySet<string>): WordPattern {
  if (word.endsWith("~")) return { text: fold(word.slice(0, -1)), prefix: false, endings: endings ?? new Set([""]) };
  const prefix = word.endsWith("*");
  // Every pattern has all three fields: matchesWordPattern runs for every candidate word and reads one shape.
  return { text: fold(prefix ? word.slice(0, -1) : word), prefix, endings: undefined };
}
