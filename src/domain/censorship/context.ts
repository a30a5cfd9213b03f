import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as v from "valibot";
import { projectPath } from "../../project-path.js";
import { needsDigit } from "./character-classes.js";
import { layerValue, type Rule, storeLayerValue, type WordLookup } from "./compile.js";
import { type ClassTerm, ConceptTermArena, MULTI_WORD_ENTRY, NO_RECORD, NO_THIRD_WORD } from "./concept-terms.js";
import type { Hit } from "./match.js";
import { normalizeWord } from "./normalize.js";
import { syntheticRule } from "./readings.js";
import { nextMatch, scannedPattern, type ScannedPattern } from "./regex-scan.js";
import type { WordToken } from "./tokenize.js";
import { CATEGORY_IDS, type CategoryId, SEVERITIES } from "./types.js";
import { matchesWordPattern, parseWordPattern, splitPhrase, WordIndex, type WordPattern } from "./word-index.js";

/**
 * The context layer (issue 16), described in `data/censorship/context.json`:
 * - concept classes: words and short phrases of one meaning in the four languages ("an explosion", "home", "at
 *   night", "a male relative", "was taken away");
 * - frames: a finding when classes co-occur in one sentence, for risks that have no marker word of their own
 *   («ночью прилетело в соседний дом», «брата забрали», «если напишу про погоду, значит…»);
 * - senses: findings dropped in a sentence whose context makes a risky-looking word innocent (a past war in family
 *   history, sport, a title in quotes after «книга»/"film", a street, boat or shop name).
 */

const categoryId = v.picklist(CATEGORY_IDS.filter((category) => category !== "language"));
const kebab = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u));
const glob = v.pipe(v.string(), v.regex(/^[a-z0-9*-]+$/u));

const ContextSchema = v.strictObject({
  description: v.optional(v.string()),
  classes: v.record(
    kebab,
    v.strictObject({
      /** Words (a final `*` makes a prefix) and phrases of consecutive words. */
      terms: v.pipe(v.array(v.pipe(v.string(), v.minLength(1))), v.minLength(1)),
      /** Regular expression over the original text (years), flags `gu`. */
      regex: v.optional(v.string()),
      source: v.optional(v.string()),
    }),
  ),
  frames: v.array(
    v.strictObject({
      id: kebab,
      /** Every group needs one of its classes in the sentence. */
      when: v.pipe(v.array(v.pipe(v.array(kebab), v.minLength(1))), v.minLength(2)),
      /** None of these classes may be in the sentence. */
      unless: v.optional(v.array(kebab)),
      category: categoryId,
      severity: v.picklist(SEVERITIES),
      /** Explanation variant (keys `censorship-<explanation>-why/-instead`); the category's when absent. */
      explanation: v.optional(kebab),
      source: v.pipe(v.string(), v.minLength(1)),
    }),
  ),
  senses: v.array(
    v.strictObject({
      id: kebab,
      /** `sentence`: the classes anywhere in the sentence; `paragraph`: anywhere in the finding's paragraph (its
       * `unless` too); `before`: one of them right before the finding (at most two words), the finding starting
       * with a capital letter or a quote; `quoted`: the finding inside quotes opened right after one of them;
       * `simile`: one of them ends right before the finding («как надзиратель», «как на допросе»); `near`: one of
       * them within four words before or after the finding («войну пыли», "an invasion of ants"); `near-before`:
       * one of them within four words before it («деньги на карте на нуле»); `name-after`:
       * the finding starts with a capital letter, is not its sentence's first word, and one of them starts at most
       * two words after it ("the Drunken Soldier pub", «Партизанская улица»). */
      scope: v.picklist(["sentence", "paragraph", "before", "quoted", "simile", "near", "near-before", "name-after"]),
      when: v.pipe(v.array(v.pipe(v.array(kebab), v.minLength(1))), v.minLength(1)),
      unless: v.optional(v.array(kebab)),
      categories: v.pipe(v.array(categoryId), v.minLength(1)),
      /** Only findings of these rules (globs over rule ids); all of the categories when absent. */
      only: v.optional(v.array(glob)),
      /** Findings of these rules are never dropped. */
      keep: v.optional(v.array(glob)),
      source: v.pipe(v.string(), v.minLength(1)),
    }),
  ),
});
export type ContextData = v.InferOutput<typeof ContextSchema>;

export interface CompiledContext {
  classNames: string[];
  /** Single-word terms by exact word, and prefixes (checked by startsWith). */
  exact: Map<string, ClassTerm[]>;
  prefixes: ClassTerm[];
  /** First-word lookups of multi-word terms happen through `exact`/`prefixes` too. */
  /** One per distinct expression, with the classes that share it (a scan of the letter each, not one per class). */
  regexes: { source: string; classIndices: number[]; scan: ScannedPattern; needsDigit: boolean }[];
  frames: { rule: Rule; when: number[][]; unless: number[] }[];
  /** Class index → indices of the frames whose first group names it: a sentence only tries the frames one of its
   * classes can start (about a hundred frames, a handful of classes per sentence). */
  framesByFirstClass: number[][];
  senses: {
    id: string;
    scope: "sentence" | "paragraph" | "before" | "quoted" | "simile" | "near" | "near-before" | "name-after";
    when: number[][];
    unless: number[];
    categories: ReadonlySet<CategoryId>;
    only: RegExp | null;
    keep: RegExp | null;
  }[];
  /** Each word's concept terms, laid out for the reading loop (concept-terms.ts). */
  arena: ConceptTermArena;
  /** The prefix terms bucketed by their first letters (see word-index.ts). */
  prefixIndex: WordIndex<ClassTerm>;
  /** Memo of sensesFor by rule id. */
  sensesByRule: Map<string, CompiledContext["senses"]>;
  /** Per class, the stamp of the last sentence it occurred in, and the last stamp given (see nextStamp). */
  seen: Int32Array;
  stamp: number;
  /** Sentence objects (with their classes) and the sentences array of the last reading, reused by the next one. */
  sentencePool: Sentence[];
  sentences: Sentence[];
  /** The sentence index of each word of the last reading, overwritten by the next one. */
  sentenceOf: Int32Array;
}

export class ContextError extends Error {
  override name = "ContextError";
}

/**
 * The context data: `context.json` and the files beside it that extend it (`context-*.json`, in name order: more
 * classes, more terms for its classes, more frames and senses), so that separate lines of work keep separate files.
 */
export function loadContext(
  path = projectPath("data", "censorship", "context.json"),
  extensions: readonly string[] = contextExtensions(path),
): CompiledContext {
  let data = parseContext(path);
  for (const extension of extensions) data = extendContext(data, parseContext(extension), extension);
  return compileContext(data, path);
}

function parseContext(path: string): ContextData {
  const parsed = v.safeParse(ContextSchema, JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new ContextError(`${path}: ${issue ? `${v.getDotPath(issue) ?? ""}: ${issue.message}` : "invalid"}`);
  }
  return parsed.output;
}

function contextExtensions(path: string): string[] {
  const folder = dirname(path);
  return readdirSync(folder)
    .filter((name) => /^context-[a-z0-9-]+\.json$/u.test(name))
    .sort()
    .map((name) => join(folder, name));
}

/** `base` with `extension` added: a class of both gets the extension's terms too; ids of frames and senses stay unique. */
export function extendContext(base: ContextData, extension: ContextData, label: string): ContextData {
  const classes = { ...base.classes };
  for (const [name, definition] of Object.entries(extension.classes)) {
    const known = classes[name];
    if (known && definition.regex) throw new ContextError(`${label}: class "${name}" exists; an extension adds terms, not a regex`);
    classes[name] = known ? { ...known, terms: [...known.terms, ...definition.terms] } : definition;
  }
  const ids = new Set([...base.frames, ...base.senses].map((item) => item.id));
  for (const item of [...extension.frames, ...extension.senses]) {
    if (ids.has(item.id)) throw new ContextError(`${label}: "${item.id}" is already defined`);
    ids.add(item.id);
  }
  return { ...base, classes, frames: [...base.frames, ...extension.frames], senses: [...base.senses, ...extension.senses] };
}

function globs(patterns: readonly string[] | undefined): RegExp | null {
  if (!patterns || patterns.length === 0) return null;
  // Globs are kebab-case ids with `*`: nothing else needs escaping.
  const escaped = patterns.map((pattern) => pattern.split("*").join(".*"));
  return new RegExp(`^(?:${escaped.join("|")})$`, "u");
}

export function compileContext(data: ContextData, label = "context"): CompiledContext {
  const classNames = Object.keys(data.classes);
  const indexOf = (name: string, where: string): number => {
    const index = classNames.indexOf(name);
    if (index < 0) throw new ContextError(`${label}: ${where} names the unknown class "${name}"`);
    return index;
  };
  const terms: ClassTerm[] = [];
  const compiled: CompiledContext = {
    classNames,
    exact: new Map(),
    prefixes: [],
    regexes: [],
    frames: [],
    framesByFirstClass: classNames.map(() => []),
    senses: [],
    arena: new ConceptTermArena(terms),
    prefixIndex: new WordIndex<ClassTerm>(),
    sensesByRule: new Map(),
    seen: new Int32Array(classNames.length),
    stamp: 0,
    sentencePool: [],
    sentences: [],
    sentenceOf: new Int32Array(1024),
  };
  for (const [classIndex, name] of classNames.entries()) {
    const definition = data.classes[name];
    if (!definition) continue;
    for (const term of definition.terms) {
      const words = splitPhrase(term).map((word) => parseWordPattern(word, normalizeWord));
      const first = words[0];
      if (!first) continue;
      const classTerm = { words, classIndex, id: terms.length };
      terms.push(classTerm);
      if (first.prefix) {
        compiled.prefixes.push(classTerm);
        compiled.prefixIndex.addPrefix(first.text, classTerm);
      }
      else compiled.exact.set(first.text, [...(compiled.exact.get(first.text) ?? []), classTerm]);
    }
    if (definition.regex) {
      const source = definition.regex;
      const known = compiled.regexes.find((regex) => regex.source === source);
      if (known) known.classIndices.push(classIndex);
      else compiled.regexes.push({ source, classIndices: [classIndex], scan: scannedPattern(source, "gu"), needsDigit: needsDigit(source) });
    }
  }
  for (const frame of data.frames) {
    const { id, category, severity, source, explanation } = frame;
    compiled.frames.push({
      rule: syntheticRule({ id, category, severity, source, ...(explanation ? { explanation } : {}) }),
      when: frame.when.map((group) => group.map((name) => indexOf(name, id))),
      unless: (frame.unless ?? []).map((name) => indexOf(name, id)),
    });
  }
  for (const [frameIndex, frame] of compiled.frames.entries()) {
    for (const classIndex of new Set(frame.when[0])) compiled.framesByFirstClass[classIndex]?.push(frameIndex);
  }
  for (const sense of data.senses) {
    compiled.senses.push({
      id: sense.id,
      scope: sense.scope,
      when: sense.when.map((group) => group.map((name) => indexOf(name, sense.id))),
      unless: (sense.unless ?? []).map((name) => indexOf(name, sense.id)),
      categories: new Set(sense.categories),
      only: globs(sense.only),
      keep: globs(sense.keep),
    });
  }
  return compiled;
}

/** The concept terms starting with a word (exact first words, then prefixes), in the order they are tried. */
function termsStartingWith(context: CompiledContext, norm: string): ClassTerm[] {
  const terms = [...(context.exact.get(norm) ?? [])];
  context.prefixIndex.find(norm, (term) => terms.push(term), false);
  return terms;
}

/** Where each concept class occurs: per class, the first occurrence's span in each sentence. */
interface Sentence {
  start: number;
  end: number;
  firstWord: number;
  lastWord: number;
  /** Index of its paragraph: sentences separated by a line break are in different paragraphs. */
  paragraph: number;
  /** Its position among the reading's sentences. */
  index: number;
  /** Class index → span of its first occurrence in the sentence. */
  classes: SentenceClasses;
}

/** Has a class occurred (in a sentence, in a paragraph)? What frames and senses ask. */
interface ClassesSeen {
  has(classIndex: number): boolean;
}

/**
 * The concept classes of one sentence: the first occurrence of each, in the order found, as
 * `[class, start, end, firstWord]` in one Int32Array. It belongs to a pooled sentence and is refilled letter after
 * letter: a Map and an occurrence object per sentence were a sixth of what a check allocated (issue 16, allocation),
 * and occurrence objects beside an array of classes were three places in memory to read for one (issue 16, speed).
 * A sentence has a handful of classes at most, so a linear search is as quick as a Map.
 */
class SentenceClasses implements ClassesSeen {
  size = 0;
  private data = new Int32Array(4 * OCCURRENCE);

  clear(): void {
    this.size = 0;
  }

  has(classIndex: number): boolean {
    return this.positionOf(classIndex) >= 0;
  }

  /** The position of the class's occurrence (0 ≤ position < size), or -1. */
  positionOf(classIndex: number): number {
    const data = this.data;
    for (let position = 0; position < this.size; position++) if (data[position * OCCURRENCE] === classIndex) return position;
    return -1;
  }

  /** The class at `position`, in the order found; where its occurrence starts and ends, and its first word. */
  classAt(position: number): number {
    return this.data[position * OCCURRENCE] as number;
  }

  startAt(position: number): number {
    return this.data[position * OCCURRENCE + 1] as number;
  }

  endAt(position: number): number {
    return this.data[position * OCCURRENCE + 2] as number;
  }

  firstWordAt(position: number): number {
    return this.data[position * OCCURRENCE + 3] as number;
  }

  /** Records a class the sentence does not have yet. */
  add(classIndex: number, start: number, end: number, firstWord: number): void {
    const offset = this.size++ * OCCURRENCE;
    if (offset + OCCURRENCE > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[offset] = classIndex;
    this.data[offset + 1] = start;
    this.data[offset + 2] = end;
    this.data[offset + 3] = firstWord;
  }
}

/** Numbers per occurrence in SentenceClasses. */
const OCCURRENCE = 4;

/** The classes of all sentences of one paragraph; `of` points it at a sentence's paragraph. */
class ParagraphClasses implements ClassesSeen {
  private first = 0;
  private last = -1;
  constructor(private readonly sentences: readonly Sentence[]) {}

  of(sentence: Sentence): this {
    this.first = sentence.index;
    while (this.first > 0 && (this.sentences[this.first - 1] as Sentence).paragraph === sentence.paragraph) this.first--;
    this.last = sentence.index;
    while (this.last + 1 < this.sentences.length && (this.sentences[this.last + 1] as Sentence).paragraph === sentence.paragraph) this.last++;
    return this;
  }

  has(classIndex: number): boolean {
    for (let index = this.first; index <= this.last; index++) if ((this.sentences[index] as Sentence).classes.has(classIndex)) return true;
    return false;
  }
}

/** Valid until the next readContext with the same compiled context, which reuses its sentences. */
export interface ContextReading {
  sentences: Sentence[];
  /** Sentence index of each word (longer than the words: reused by the next reading). */
  sentenceOf: Int32Array;
}

/** The pool's sentence at `index` (or a new one), set to start at the word. */
function pooledSentence(context: CompiledContext, index: number, word: WordToken, firstWord: number, paragraph: number): Sentence {
  let sentence = context.sentencePool[index];
  if (sentence === undefined) {
    sentence = { start: 0, end: 0, firstWord: 0, lastWord: 0, paragraph: 0, index, classes: new SentenceClasses() };
    context.sentencePool.push(sentence);
  }
  sentence.start = word.start;
  sentence.end = word.end;
  sentence.firstWord = firstWord;
  sentence.lastWord = firstWord;
  sentence.paragraph = paragraph;
  sentence.classes.clear();
  return sentence;
}

/**
 * Finds the concept classes of each sentence. `alternatives` gives other readings of some words (a Latin word read
 * by each transliteration scheme), looked up like the word itself.
 */
export function readContext(
  text: string,
  words: readonly WordToken[],
  context: CompiledContext,
  alternatives: ReadonlyMap<number, readonly string[]> = new Map(),
  lookups?: readonly WordLookup[],
  hasDigits = hasDigit(text),
): ContextReading {
  // The last reading's sentences array and sentence objects, overwritten in place (issue 16, allocation).
  const sentences = context.sentences;
  let count = 0;
  if (context.sentenceOf.length < words.length) context.sentenceOf = new Int32Array(Math.max(words.length, context.sentenceOf.length * 2));
  const sentenceOf = context.sentenceOf;
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as WordToken;
    let sentence = count === 0 ? undefined : sentences[count - 1];
    if (!sentence || word.breakBefore) {
      const paragraph = !sentence ? 0 : sentence.paragraph + (hasLineBreak(text, sentence.end, word.start) ? 1 : 0);
      sentence = pooledSentence(context, count, word, index, paragraph);
      sentences[count++] = sentence;
    }
    sentence.end = word.end;
    sentence.lastWord = index;
    sentenceOf[index] = count - 1;
  }
  if (sentences.length !== count) sentences.length = count;
  const arena = context.arena;
  const termsOf = (norm: string): ClassTerm[] => termsStartingWith(context, norm);
  for (const sentence of sentences) {
    const stamp = nextStamp(context);
    for (let index = sentence.firstWord; index <= sentence.lastWord; index++) {
      const word = words[index] as WordToken;
      const lookup = lookups?.[index];
      // The arena's owner changes when it starts over: read it for every word.
      let record = lookup === undefined ? undefined : layerValue<number>(lookup, arena.owner);
      if (record === undefined) {
        record = arena.recordOf(word.norm, termsOf);
        if (lookup !== undefined) storeLayerValue(lookup, arena.owner, record);
      }
      if (record !== NO_RECORD) addTerms(sentence, words, index, arena, record, context.seen, stamp);
      const others = alternatives.size === 0 ? undefined : alternatives.get(index);
      if (others) {
        for (const norm of others) {
          const other = arena.recordOf(norm, termsOf);
          if (other !== NO_RECORD) addTerms(sentence, words, index, arena, other, context.seen, stamp);
        }
      }
    }
  }
  // Most class expressions (years, times of day, «9 мая») need a digit: one pass (the caller's, or hasDigit) tells
  // whether to run them.
  for (const { classIndices, scan, needsDigit } of context.regexes) {
    if (needsDigit && !hasDigits) continue;
    for (let match = nextMatch(scan, text, 0); match !== null; match = nextMatch(scan, text, match.index + match[0].length)) {
      const sentence = sentenceAround(sentences, match.index);
      if (!sentence) continue;
      for (const classIndex of classIndices) {
        if (!sentence.classes.has(classIndex)) sentence.classes.add(classIndex, match.index, match.index + match[0].length, sentence.firstWord);
      }
    }
  }
  return { sentences, sentenceOf };
}

// The regular-expression engine's scan is faster than a loop over the characters (issue 16 speed).
const DIGIT = /[0-9]/u;

function hasDigit(text: string): boolean {
  return DIGIT.test(text);
}

/** The sentence containing `offset` (one character of slack on each side), else the next one: a binary search. */
function sentenceAround(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  let low = 0;
  let high = sentences.length - 1;
  let next: Sentence | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const sentence = sentences[middle] as Sentence;
    if (offset < sentence.start - 1) {
      next = sentence;
      high = middle - 1;
    } else if (offset > sentence.end + 1) low = middle + 1;
    else return sentence;
  }
  return next;
}

/** Whether text[from, to) holds a line break (the next sentence starts a new paragraph). */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (text.charCodeAt(index) === 0x0a) return true;
  return false;
}

/**
 * A number no sentence read before has: `seen[class] === stamp` says the class already occurred in the sentence
 * being read, an array read instead of a Map lookup for every candidate term (issue 16 speed).
 */
function nextStamp(context: CompiledContext): number {
  if (context.stamp >= 0x3fffffff) {
    context.seen.fill(0);
    context.stamp = 0;
  }
  return ++context.stamp;
}

/** Adds the classes of the concept terms starting at word `index` (its record in the arena, see concept-terms.ts). */
function addTerms(
  sentence: Sentence,
  words: readonly WordToken[],
  index: number,
  arena: ConceptTermArena,
  wordRecord: number,
  seen: Int32Array,
  stamp: number,
): void {
  const next = words[index + 1]?.norm;
  const record = arena.recordBefore(wordRecord, next);
  // Read after recordBefore, which may grow the arena.
  const data = arena.data;
  const nextKey = wordKey(next);
  const nextLength = next === undefined ? -1 : next.length;
  // The word after the next one, compared with a term's third word: read when a term gets that far.
  let thirdKey: number | undefined;
  const end = data[record] as number;
  let position = record + 2;
  while (position < end) {
    const classIndex = data[position] as number;
    const groupEnd = position + 3 + (data[position + 2] as number) * MULTI_WORD_ENTRY;
    if (seen[classIndex] === stamp) {
      position = groupEnd;
      continue;
    }
    let last = -1;
    if (next !== undefined) {
      for (let entry = position + 3; entry < groupEnd; entry += MULTI_WORD_ENTRY) {
        if (!keyMatches(data[entry] as number, nextKey)) continue;
        const length = data[entry + 1] as number;
        if (length >= 0 && length !== nextLength) continue;
        const third = data[entry + 2] as number;
        if (third !== NO_THIRD_WORD && !keyMatches(third, (thirdKey ??= wordKey(words[index + 2]?.norm)))) continue;
        const found = termEnd(arena.terms[data[entry + 3] as number] as ClassTerm, words, index, sentence.lastWord);
        if (found !== null) {
          last = found;
          break;
        }
      }
    }
    if (last < 0 && data[position + 1] === 1) last = index;
    if (last >= 0) {
      sentence.classes.add(classIndex, (words[index] as WordToken).start, (words[last] as WordToken).end, index);
      seen[classIndex] = stamp;
    }
    position = groupEnd;
  }
}

/**
 * A word's first two characters as one number, as patternKey gives a pattern's (NaN, of an empty word or a missing
 * second character, is 0); -1 for no word.
 */
function wordKey(word: string | undefined): number {
  return word === undefined ? -1 : (word.charCodeAt(0) | 0) | (word.charCodeAt(1) << 16);
}

/** Whether a word with `key` (wordKey) can match a pattern with `patternKey`: a one-character key (0 to 0xffff)
 * is compared with the word's first character only. */
function keyMatches(patternKey: number, key: number): boolean {
  return patternKey >= 0 && patternKey < 0x10000 ? patternKey === (key & 0xffff) : patternKey === key;
}

function termEnd(term: ClassTerm, words: readonly WordToken[], first: number, lastAllowed: number): number | null {
  for (let offset = 1; offset < term.words.length; offset++) {
    const word = words[first + offset];
    if (!word || first + offset > lastAllowed || !matchesWordPattern(word.norm, term.words[offset] as WordPattern)) return null;
  }
  return first + term.words.length - 1;
}

const NO_CLASS_INDICES: readonly number[] = [];

// Plain loops, no closures: called for every frame a sentence can start and every sense of every finding.
function satisfied(classes: ClassesSeen, when: readonly number[][], unless: readonly number[]): boolean {
  for (const group of when) if (!hasAny(classes, group)) return false;
  return !hasAny(classes, unless);
}

function hasAny(classes: ClassesSeen, indices: readonly number[]): boolean {
  for (let position = 0; position < indices.length; position++) if (classes.has(indices[position] as number)) return true;
  return false;
}

/** Frame hits: one per frame and sentence, spanning its concept words, unless the sentence already has a hit of
 * the frame's category. */
export function frameHits(reading: ContextReading, context: CompiledContext, hits: readonly Hit[]): Hit[] {
  const found: Hit[] = [];
  const candidates = frameCandidates;
  // Plain loops, no closures and no sort call (Array sort copies into a work array): this runs per sentence
  // (issue 16, allocation).
  for (const sentence of reading.sentences) {
    // Every frame needs at least two classes.
    if (sentence.classes.size < 2) continue;
    candidates.length = 0;
    for (let position = 0; position < sentence.classes.size; position++) {
      const frames = context.framesByFirstClass[sentence.classes.classAt(position)];
      if (frames !== undefined) for (const frameIndex of frames) insertSorted(candidates, frameIndex);
    }
    // In the order of context.json, as when every frame was tried.
    for (const frameIndex of candidates) {
      const frame = context.frames[frameIndex];
      if (!frame || !satisfied(sentence.classes, frame.when, frame.unless)) continue;
      if (hasHitInside(hits, frame.rule.entry.category, sentence)) continue;
      let start = Number.POSITIVE_INFINITY;
      let end = 0;
      for (const group of frame.when) {
        const position = firstPresent(sentence.classes, group);
        if (position < 0) continue;
        start = Math.min(start, sentence.classes.startAt(position));
        end = Math.max(end, sentence.classes.endAt(position));
      }
      if (end > start) found.push({ rule: frame.rule, start, end });
    }
  }
  return found;
}

/** The frames a sentence can start, refilled sentence after sentence and letter after letter (issue 16, allocation). */
const frameCandidates: number[] = [];

/** Adds `value` to the ascending `values` unless it is there. */
function insertSorted(values: number[], value: number): void {
  let position = values.length;
  while (position > 0 && (values[position - 1] as number) > value) position--;
  if (position > 0 && values[position - 1] === value) return;
  // Moved up by hand: splice would return an array of the removed items.
  values.push(value);
  for (let index = values.length - 1; index > position; index--) values[index] = values[index - 1] as number;
  values[position] = value;
}

function hasHitInside(hits: readonly Hit[], category: CategoryId, sentence: Sentence): boolean {
  for (const hit of hits) if (hit.rule.entry.category === category && hit.start >= sentence.start && hit.end <= sentence.end) return true;
  return false;
}

/** The position of the occurrence of the first class of `group` the sentence has, or -1. */
function firstPresent(classes: SentenceClasses, group: readonly number[]): number {
  for (const index of group) {
    const position = classes.positionOf(index);
    if (position >= 0) return position;
  }
  return -1;
}

const OPENING_QUOTES = new Set(["«", "“", "„", '"', "'"]);
const CLOSING_QUOTES: Record<string, string> = { "«": "»", "“": "”", "„": "“", '"': '"', "'": "'" };

/**
 * Drops findings that an innocent sense of their context explains. `category` and `ruleId` of each finding-to-be
 * are read from the hit; the model's findings pass through here too.
 */
export function senseFilter(
  text: string,
  words: readonly WordToken[],
  reading: ContextReading,
  context: CompiledContext,
): (finding: { category: CategoryId; ruleId: string; start: number; end: number }) => boolean {
  let quoted: { open: number; close: number }[] | undefined;
  const paragraph = new ParagraphClasses(reading.sentences);
  return (finding) => {
    const senses = sensesFor(context, finding.category, finding.ruleId);
    if (senses.length === 0) return true;
    const wordIndex = firstWordAt(words, finding.start);
    if (wordIndex < 0) return true;
    const sentence = reading.sentences[reading.sentenceOf[wordIndex] ?? 0];
    if (!sentence) return true;
    for (const sense of senses) {
      if (sense.scope === "paragraph") {
        if (satisfied(paragraph.of(sentence), sense.when, sense.unless)) return false;
        continue;
      }
      if (hasAny(sentence.classes, sense.unless)) continue;
      if (sense.scope === "sentence" && satisfied(sentence.classes, sense.when, NO_CLASS_INDICES)) return false;
      if (sense.scope === "before" && namedAfter(text, words, wordIndex, sentence, sense.when)) return false;
      if (sense.scope === "simile" && rightAfter(words, wordIndex, sentence, sense.when)) return false;
      if (sense.scope === "near" && besideFinding(words, wordIndex, finding.end, sentence, sense.when, NEAR_WORDS, NEAR_WORDS)) {
        return false;
      }
      if (sense.scope === "near-before" && besideFinding(words, wordIndex, finding.end, sentence, sense.when, NEAR_WORDS, -1)) {
        return false;
      }
      if (sense.scope === "name-after" && namedBefore(words, wordIndex, finding.end, sentence, sense.when)) return false;
      if (sense.scope === "quoted" && titledQuote(finding, (quoted ??= quotedSpans(text)), sentence, sense.when)) return false;
    }
    return true;
  };
}

/**
 * The senses that may silence findings of a rule (memoized per rule id: the glob tests run once; a rule id always
 * comes with the same category, the model's included: `model-<category>`).
 */
function sensesFor(context: CompiledContext, category: CategoryId, ruleId: string): CompiledContext["senses"] {
  const key = ruleId;
  let senses = context.sensesByRule.get(key);
  if (!senses) {
    senses = context.senses.filter(
      (sense) => sense.categories.has(category) && (!sense.only || sense.only.test(ruleId)) && !sense.keep?.test(ruleId),
    );
    context.sensesByRule.set(key, senses);
  }
  return senses;
}

export function firstWordAt(words: readonly WordToken[], offset: number): number {
  let low = 0;
  let high = words.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((words[middle] as WordToken).end > offset) {
      found = middle;
      high = middle - 1;
    } else low = middle + 1;
  }
  return found;
}

/** «улица Свободы», «теплоход "Ракета"»: a name-kind word one or two words before a capitalised or quoted word. */
function namedAfter(text: string, words: readonly WordToken[], wordIndex: number, sentence: Sentence, when: number[][]): boolean {
  const word = words[wordIndex] as WordToken;
  const before = text.charAt(word.start - 1);
  const capital = startsWithCapital(word.raw);
  if (!capital && !OPENING_QUOTES.has(before)) return false;
  for (const group of when) {
    let found = false;
    for (const index of group) {
      const position = sentence.classes.positionOf(index);
      const firstWord = position < 0 ? -1 : sentence.classes.firstWordAt(position);
      if (position >= 0 && firstWord < wordIndex && wordIndex - firstWord <= 3) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/**
 * Whether a word's first character changes in lower case (`toLowerCase`), without building two strings for the
 * letters of the usual alphabets: this runs for findings of every sense of the `before` and `name-after` kinds.
 */
function startsWithCapital(raw: string): boolean {
  const code = raw.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  // Cyrillic capitals (Ѐ–Џ, А–Я), then small letters (а–я, ѐ–џ).
  if (code >= 0x400 && code <= 0x42f) return true;
  if (code >= 0x430 && code <= 0x45f) return false;
  const first = raw.charAt(0);
  return first !== first.toLowerCase();
}

const THREE_LETTER_PREPOSITIONS = new Set(["под", "над", "при", "про", "для", "без", "під", "пад", "пры"]);

/** «как надзиратель», «как на допросе»: an occurrence of one of the classes ends right before the finding. */
function rightAfter(words: readonly WordToken[], wordIndex: number, sentence: Sentence, when: number[][]): boolean {
  const previous = words[wordIndex - 1];
  if (!previous || wordIndex - 1 < sentence.firstWord) return false;
  // «как на допросе», «как под следствием»: a preposition of one or two letters, or a three-letter one, may stand between.
  const preposition = previous.raw.length <= 2 || THREE_LETTER_PREPOSITIONS.has(previous.norm);
  const beforePreposition = preposition && wordIndex - 2 >= sentence.firstWord ? words[wordIndex - 2] : undefined;
  for (const group of when) {
    let found = false;
    for (const index of group) {
      const position = sentence.classes.positionOf(index);
      const end = position < 0 ? undefined : sentence.classes.endAt(position);
      if (end !== undefined && (end === previous.end || end === beforePreposition?.end)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/** How many words may stand between a finding and a class of a `near` or `near-before` sense. */
const NEAR_WORDS = 4;

/**
 * «объявили войну пыли», "an invasion of ants", «водяну війну»: every group has an occurrence that ends at most
 * `before` words before the finding's first word or starts at most `after` words after its last word, in its sentence.
 */
function besideFinding(
  words: readonly WordToken[],
  wordIndex: number,
  end: number,
  sentence: Sentence,
  when: number[][],
  before: number,
  after: number,
): boolean {
  const lastIndex = Math.max(wordIndex, firstWordAt(words, end - 1));
  // Loops, not every/some with closures: this runs per finding and sense (issue 16 speed).
  for (const group of when) {
    let found = false;
    for (const index of group) {
      const position = sentence.classes.positionOf(index);
      if (position < 0) continue;
      const firstWord = sentence.classes.firstWordAt(position);
      if (firstWord > lastIndex) found = firstWord - lastIndex <= after;
      else {
        const occurrenceLast = firstWordAt(words, sentence.classes.endAt(position) - 1);
        found = occurrenceLast < wordIndex ? wordIndex - occurrenceLast <= before : true;
      }
      if (found) break;
    }
    if (!found) return false;
  }
  return true;
}

/** "the Drunken Soldier pub", «Партизанская улица»: a capitalised finding inside its sentence, a name-kind word after it. */
function namedBefore(words: readonly WordToken[], wordIndex: number, end: number, sentence: Sentence, when: number[][]): boolean {
  const word = words[wordIndex] as WordToken;
  if (wordIndex === sentence.firstWord || !startsWithCapital(word.raw)) return false;
  return besideFinding(words, wordIndex, end, sentence, when, 0, 2);
}

function titledQuote(
  finding: { start: number; end: number },
  quoted: readonly { open: number; close: number }[],
  sentence: Sentence,
  when: number[][],
): boolean {
  const quote = quoteAround(quoted, finding.start, finding.end);
  if (!quote) return false;
  for (const group of when) {
    let found = false;
    for (const index of group) {
      const position = sentence.classes.positionOf(index);
      const end = position < 0 ? -1 : sentence.classes.endAt(position);
      if (position >= 0 && end <= quote.open && quote.open - end <= 40) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

// A loop, not find() with a closure over the finding: this runs per finding (issue 16, allocation).
function quoteAround(quoted: readonly { open: number; close: number }[], start: number, end: number): { open: number; close: number } | undefined {
  for (const candidate of quoted) if (candidate.open < start && candidate.close >= end) return candidate;
  return undefined;
}

const QUOTE = /[«“„"']/gu;

function quotedSpans(text: string): { open: number; close: number }[] {
  const spans: { open: number; close: number }[] = [];
  QUOTE.lastIndex = 0;
  for (let match = QUOTE.exec(text); match !== null; match = QUOTE.exec(text)) {
    const index = match.index;
    const char = match[0];
    // A straight apostrophe inside a word («м'ясо», "don't") opens nothing.
    if ((char === "'" || char === '"') && /\p{L}/u.test(text.charAt(index - 1))) continue;
    const closing = CLOSING_QUOTES[char] ?? char;
    const close = text.indexOf(closing, index + 1);
    if (close < 0 || close - index > 200) continue;
    spans.push({ open: index, close });
    QUOTE.lastIndex = close + 1;
  }
  return spans;
}
