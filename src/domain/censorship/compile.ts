import { chunkAnchor, needsDigit, needsLatinLetter, patternNeeds, prefilterNeeds } from "./character-classes.js";
import type { Lexicon, LexiconEntry } from "./lexicon.js";
import type { SeverityAdjustment } from "./lexicon-schema.js";
import { LEXICON_BITS, NO_LETTER_BITS, ownLetterBits } from "./detect-language.js";
import { normalizeWord } from "./normalize.js";
import { scannedPattern, type ScannedPattern } from "./regex-scan.js";
import type { PrisonSystem } from "./types.js";
import { parseWordPattern, splitPhrase, type WordPattern, WordIndex } from "./word-index.js";
import { SLOTS } from "./word-strings.js";

export interface NearbyWords {
  words: WordPattern[];
  window: number;
}

/** A lexicon entry with its word lists folded once, ready to be checked against tokens. */
export interface Rule {
  entry: LexiconEntry;
  /** The word-list language as a LEXICON_BITS bit; 0 for `common`, which applies to every language. */
  languageBit: number;
  systems: ReadonlySet<PrisonSystem> | null;
  exceptions: WordPattern[];
  exceptPhrases: WordPattern[][];
  requiresNearby: NearbyWords | null;
  unlessNearby: NearbyWords | null;
}

export interface PhraseRule {
  rule: Rule;
  words: WordPattern[];
  /** How many other words may stand between two of its words (the entry's `gap`, 0 without). */
  gap: number;
}

export interface RegexRule {
  rule: Rule;
  pattern: RegExp;
  /** Tested first: when it does not match, the text cannot contain the pattern. */
  prefilter: RegExp | null;
  /** A part every match contains, with the pattern's flags (the entry's `requires`), tested before the prefilter. */
  requires: RegExp | null;
  /** Character classes (character-classes.ts) of which the text needs one, checked before the prefilter. */
  needs: number;
  /** Every match holds a Latin letter (needsLatinLetter): a text without one skips the entry before its prefilter. */
  needsLatin: boolean;
  /** Every match holds an ASCII digit (needsDigit): a text without one skips the entry before its prefilter. */
  needsDigit: boolean;
  /** A character every match contains and that no match crosses white space around (e-mails): see anchorChunks. */
  anchor: string | null;
  /** `pattern` with its scout for a leading look-behind (regex-scan.ts). */
  scan: ScannedPattern;
}

/** What the lexicon says about one folded word, before its context is considered. */
export interface WordLookup {
  rules: Rule[];
  phrases: PhraseRule[];
  /**
   * Per phrase of `phrases`: the first letter (char code) its second word must start with, or ANY_NEXT_LETTER when
   * it may be tried whatever follows (one word, a gap, an empty pattern). A letter's phrase starts are mostly common
   * words («на», «в», "the") starting dozens of phrases each: this skips the ones the next word cannot continue
   * (issue 16 speed, as the context layer's concept terms are filtered).
   */
  phraseSeconds: Int32Array;
  /**
   * What the other layers computed for the same word, kept here so that each word of a letter is looked up in one
   * Map (issue 16 speed): the context layer's concept terms and the model's summed weights, each tagged with the
   * context or model they belong to.
   */
  layers: { owner: object; value: unknown }[] | undefined;
  /** The first two layers' values sit in the lookup itself: two loads less per word and layer (issue 16 speed). */
  firstOwner: object | undefined;
  firstValue: unknown;
  secondOwner: object | undefined;
  secondValue: unknown;
  /** The word's language evidence (detect-language.ts), when its lower case is its folded form. */
  evidence: readonly number[] | undefined;
  /** Which languages its letters prove (ownLetterBits), once computed; NO_LETTER_BITS before. */
  letterBits: number;
}

/** The value a layer (`owner`) keeps for a word in its lookup, or undefined before it stored one. */
export function layerValue<T>(lookup: WordLookup, owner: object): T | undefined {
  if (lookup.firstOwner === owner) return lookup.firstValue as T;
  if (lookup.secondOwner === owner) return lookup.secondValue as T;
  const layers = lookup.layers;
  if (layers === undefined) return undefined;
  for (let index = 0; index < layers.length; index++) {
    const layer = layers[index] as { owner: object; value: unknown };
    if (layer.owner === owner) return layer.value as T;
  }
  return undefined;
}

export function storeLayerValue<T>(lookup: WordLookup, owner: object, value: T): T {
  if (lookup.firstOwner === undefined) {
    lookup.firstOwner = owner;
    lookup.firstValue = value;
  } else if (lookup.secondOwner === undefined) {
    lookup.secondOwner = owner;
    lookup.secondValue = value;
  } else (lookup.layers ??= []).push({ owner, value });
  return value;
}

export interface CompiledLexicon {
  /** Single-word terms (stem, prefix, exact), plus phrases glued into one word as hashtags write them. */
  words: WordIndex<Rule>;
  /** Phrases, indexed by their first word. */
  phraseStarts: WordIndex<PhraseRule>;
  regexes: RegexRule[];
  adjustments: readonly SeverityAdjustment[];
  /** Memo of lookups by folded word: letters repeat the same few hundred words. Bounded, see lookUpWord. */
  lookups: Map<string, WordLookup>;
  /** Per word-strings slot: the folded word last looked up through it and its lookup (see lookUpToken). */
  slotNorms: (string | undefined)[];
  slotLookups: (WordLookup | undefined)[];
}

/** In `phraseSeconds`: the phrase is tried whatever the next word. */
export const ANY_NEXT_LETTER = -1;
const NO_PHRASE_SECONDS = new Int32Array(0);

function secondLetter(phrase: PhraseRule): number {
  const second = phrase.words[1];
  if (second === undefined || phrase.gap > 0 || second.text === "") return ANY_NEXT_LETTER;
  return second.text.charCodeAt(0);
}

// Enough for the vocabulary of thousands of letters; past it the memo starts over rather than grow without end.
const MAX_MEMOIZED_WORDS = 50_000;

/**
 * lookUpWord for a word token: through the token's word-strings slot when it has one. A letter's words sit in the
 * slots the tokenizer gave them, so this reads an array where the memo hashed the folded word into a table of
 * thousands (issue 14: the Map lookup was the largest line of a check of a varied letter). The slot may hold another
 * word since (a collision, a camel-case part's reading): its folded word is compared before its lookup is taken.
 */
export function lookUpToken(lexicon: CompiledLexicon, token: { norm: string; slot: number }): WordLookup {
  const { norm, slot } = token;
  if (slot < 0) return lookUpWord(lexicon, norm);
  if (lexicon.slotNorms[slot] === norm) return lexicon.slotLookups[slot] as WordLookup;
  const lookup = lookUpWord(lexicon, norm);
  lexicon.slotNorms[slot] = norm;
  lexicon.slotLookups[slot] = lookup;
  return lookup;
}

/** The rules and phrase starts matching a folded word, computed once per distinct word. */
export function lookUpWord(lexicon: CompiledLexicon, word: string): WordLookup {
  // The first lookup of a word is a function of its own: its closures capture the new lookup, and a function with
  // captured variables allocates their context on every call, the memo hits included (25 kB a letter, issue 16).
  return lexicon.lookups.get(word) ?? firstLookUp(lexicon, word);
}

function firstLookUp(lexicon: CompiledLexicon, word: string): WordLookup {
  // Every lookup has the same fields from the start, so that reading them stays monomorphic.
  const lookup: WordLookup = {
    rules: [],
    phrases: [],
    phraseSeconds: NO_PHRASE_SECONDS,
    layers: undefined,
    firstOwner: undefined,
    firstValue: undefined,
    secondOwner: undefined,
    secondValue: undefined,
    evidence: undefined,
    letterBits: NO_LETTER_BITS,
  };
  lexicon.words.find(word, (rule) => lookup.rules.push(rule));
  lexicon.phraseStarts.find(word, (phrase) => lookup.phrases.push(phrase));
  if (lookup.phrases.length > 0) lookup.phraseSeconds = Int32Array.from(lookup.phrases, secondLetter);
  if (lexicon.lookups.size >= MAX_MEMOIZED_WORDS) lexicon.lookups.clear();
  lexicon.lookups.set(word, lookup);
  return lookup;
}

// «#славаукраїні» is one token; gluing short phrases would produce tokens that are ordinary words.
const MIN_GLUED_PHRASE_LENGTH = 8;

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const compiled: CompiledLexicon = {
    words: new WordIndex<Rule>(),
    phraseStarts: new WordIndex<PhraseRule>(),
    regexes: [],
    adjustments: lexicon.adjustments,
    lookups: new Map(),
    slotNorms: new Array<string | undefined>(SLOTS).fill(undefined),
    slotLookups: new Array<WordLookup | undefined>(SLOTS).fill(undefined),
  };
  for (const entry of lexicon.entries) addEntry(compiled, entry);
  return compiled;
}

function addEntry(compiled: CompiledLexicon, entry: LexiconEntry): void {
  const rule = compileRule(entry);
  for (const term of entry.terms) {
    switch (entry.match) {
      case "exact":
        compiled.words.addExact(normalizeWord(term), rule);
        break;
      case "prefix":
        compiled.words.addPrefix(normalizeWord(term), rule);
        break;
      case "stem":
        compiled.words.addStem(normalizeWord(term), entry.stemEndings ?? new Set([""]), rule);
        break;
      case "phrase":
        addPhrase(compiled, rule, term);
        break;
      case "regex": {
        const scan = scannedPattern(term, entry.ignoreCase ? "giu" : "gu");
        compiled.regexes.push({
          rule,
          pattern: scan.pattern,
          prefilter: entry.prefilter === undefined ? null : new RegExp(entry.prefilter, "u"),
          requires: entry.requires === undefined ? null : new RegExp(entry.requires, entry.ignoreCase ? "iu" : "u"),
          needs: prefilterNeeds(entry.prefilter) || patternNeeds(term),
          needsLatin: needsLatinLetter(term),
          needsDigit: needsDigit(term),
          anchor: chunkAnchor(entry.prefilter, term),
          scan,
        });
        break;
      }
    }
  }
}

function addPhrase(compiled: CompiledLexicon, rule: Rule, term: string): void {
  const words = toPatterns(splitPhrase(term), rule.entry.stemEndings ?? undefined);
  const first = words[0];
  if (!first) return;
  const phraseRule = { rule, words, gap: rule.entry.gap ?? 0 };
  if (first.endings) compiled.phraseStarts.addStem(first.text, first.endings, phraseRule);
  else if (first.prefix) compiled.phraseStarts.addPrefix(first.text, phraseRule);
  else compiled.phraseStarts.addExact(first.text, phraseRule);
  // Only the last word may be open-ended once the words are glued together; stem words are not glued.
  if (words.slice(0, -1).some((word) => word.prefix) || words.some((word) => word.endings)) return;
  const glued = words.map((word) => word.text).join("");
  if (glued.length < MIN_GLUED_PHRASE_LENGTH) return;
  if (words[words.length - 1]?.prefix) compiled.words.addPrefix(glued, rule);
  else compiled.words.addExact(glued, rule);
}

function compileRule(entry: LexiconEntry): Rule {
  return {
    entry,
    languageBit: languageBits(entry),
    systems: entry.systems ? new Set(entry.systems) : null,
    exceptions: toPatterns(entry.exceptions ?? []),
    exceptPhrases: (entry.exceptPhrases ?? []).map((phrase) => toPatterns(splitPhrase(phrase))),
    requiresNearby: entry.requiresNearby
      ? { words: toPatterns(entry.requiresNearby.words), window: entry.requiresNearby.window }
      : null,
    unlessNearby: entry.unlessNearby
      ? { words: toPatterns(entry.unlessNearby.words), window: entry.unlessNearby.window }
      : null,
  };
}

/**
 * The sentence languages an entry is matched in: its `languages`, else its file's language plus what the letters of
 * its terms prove (a Belarusian slogan with ў in the Russian file is matched in Belarusian sentences too; a Latin
 * term in a Cyrillic file in English ones).
 */
function languageBits(entry: LexiconEntry): number {
  if (entry.languages) return entry.languages.reduce((bits, language) => bits | LEXICON_BITS[language], 0);
  if (entry.language === "common") return 0;
  let bits: number = LEXICON_BITS[entry.language];
  if (entry.match === "regex") return bits;
  for (const term of entry.terms) {
    const folded = term.toLowerCase();
    bits |= ownLetterBits(folded);
    if (/^[a-z\s*-]+$/u.test(folded)) bits |= LEXICON_BITS.en;
  }
  return bits;
}

function toPatterns(words: readonly string[], endings?: ReadonlySet<string>): WordPattern[] {
  return words.map((word) => parseWordPattern(word, normalizeWord, endings));
}
