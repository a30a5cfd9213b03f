import type { CompiledLexicon, Rule } from "./compile.js";
import { LEXICON_BITS } from "./detect-language.js";
import { isFrequentReading, isFrequentWord } from "./language-profiles.js";
import type { LexiconEntry } from "./lexicon.js";
import { findLexiconHits, findReadingHits, type Hit } from "./match.js";
import { normalizeLowerCaseWord } from "./normalize.js";
import type { Tokens, WordToken } from "./tokenize.js";
import { type Reading, readings, transliterate, type TranslitScheme } from "./transliterate.js";
import type { PrisonSystem } from "./types.js";

/**
 * The normalisation layer (issue 16): the same text read the ways people hide or type words, each reading mapped
 * back to exact offsets in the original text.
 *
 * - Latin-typed Russian, Ukrainian and Belarusian («voyna», «Slava Ukraini»): runs of Latin words that are not
 *   English are transliterated by each language's habits and matched against that language's word lists; English
 *   word lists stay off them (Russian "drug" is a friend).
 * - Masked words («в0йна», «п*тин», «бл@ть», «v0yna»): digits and symbols between letters are read as the letters
 *   they stand for (a `*` as any vowel).
 * - Numbers spelled out in words («восемь девятьсот шестнадцать …», mixed with digits): ten digits or more are a
 *   phone or card number.
 * Spelled-out letters («в о й н а») are read by the tokenizer and the matcher; handles, e-mails and links without
 * their usual marks are regex entries of `common.json`.
 */
export function readingHits(
  text: string,
  tokens: Tokens,
  masks: Uint8Array,
  lexicon: CompiledLexicon,
  system: PrisonSystem,
): { hits: Hit[]; latinRuns: LatinRun[] } {
  const hits: Hit[] = [];
  const latinRuns = classifyLatinRuns(tokens.words, masks);
  if (latinRuns.length > 0) hits.push(...transliteratedHits(text, tokens.words, latinRuns, lexicon, system));
  unmaskedHits(text, tokens.words, masks, lexicon, system, hits);
  spelledNumberHits(text, tokens.words, hits);
  return { hits, latinRuns };
}

/** A Latin word's readings folded: each scheme's (in the order of `readings`) and the Russian scheme's. */
interface FoldedReadings {
  all: readonly string[];
  russian: string;
}

const foldedMemo = new Map<string, FoldedReadings>();
const MAX_FOLDED_MEMO = 20_000;

/**
 * The folded readings of a lower-case Latin word, computed once per distinct word: the Latin letters (the slowest
 * 1 % of the bench letters) transliterated and folded every word three times over, in new strings each letter
 * (issue 16, p99).
 */
function foldedReadings(lower: string): FoldedReadings {
  let known = foldedMemo.get(lower);
  if (known === undefined) {
    known = {
      all: readings(lower).map(({ cyrillic }) => normalizeLowerCaseWord(cyrillic)),
      russian: normalizeLowerCaseWord(transliterate(lower, "ru")),
    };
    if (foldedMemo.size >= MAX_FOLDED_MEMO) foldedMemo.clear();
    foldedMemo.set(lower, known);
  }
  return known;
}

/** Every transliterated reading of the words of the Latin runs, by word index (for the context layer). */
export function latinReadings(words: readonly WordToken[], latinRuns: readonly LatinRun[]): Map<number, readonly string[]> {
  const alternatives = new Map<number, readonly string[]>();
  for (const run of latinRuns) {
    for (let index = run.first; index <= run.last; index++) {
      const word = words[index] as WordToken;
      alternatives.set(index, foldedReadings(word.lower).all);
    }
  }
  return alternatives;
}

/** The words' folded forms with Latin runs that are not English read as Russian-scheme Cyrillic (for the model). */
export function readingNorms(words: readonly WordToken[], latinRuns: readonly LatinRun[], into: string[] = []): string[] {
  // Written into `into` when the caller reuses one array letter after letter (check.ts; issue 16, allocation).
  const norms = into;
  for (let index = 0; index < words.length; index++) norms[index] = (words[index] as WordToken).norm;
  if (norms.length !== words.length) norms.length = words.length;
  for (const run of latinRuns) {
    for (let index = run.first; index <= run.last; index++) {
      norms[index] = foldedReadings((words[index] as WordToken).lower).russian;
    }
  }
  return norms;
}

const CYRILLIC_BITS = LEXICON_BITS.ru | LEXICON_BITS.uk | LEXICON_BITS.be;
const SCHEME_BITS: Record<TranslitScheme, number> = { ru: LEXICON_BITS.ru, uk: LEXICON_BITS.uk, be: LEXICON_BITS.be };

export interface LatinRun {
  first: number;
  last: number;
}

function isLatin(word: WordToken): boolean {
  return word.norm.charCodeAt(0) < 0x250;
}

/**
 * Finds runs of Latin words in one sentence and decides whether each is English (more English frequent words than
 * frequent words of a transliterated language) or not. A run that is not English loses the English word lists
 * (its masks get the Cyrillic languages, so names listed for them still match) and is returned for
 * transliteration; a run with no evidence either way keeps both.
 */
export function classifyLatinRuns(words: readonly WordToken[], masks: Uint8Array): LatinRun[] {
  const runs: LatinRun[] = [];
  let index = 0;
  while (index < words.length) {
    const word = words[index] as WordToken;
    if (!isLatin(word) || word.glued) {
      index++;
      continue;
    }
    let last = index;
    while (last + 1 < words.length) {
      const next = words[last + 1] as WordToken;
      if (next.breakBefore || next.glued || !isLatin(next)) break;
      last++;
    }
    let english = 0;
    const transliterated = [0, 0, 0];
    for (let position = index; position <= last; position++) {
      const evidence = latinEvidence((words[position] as WordToken).lower);
      english += evidence & 1;
      for (let scheme = 0; scheme < 3; scheme++) transliterated[scheme] = (transliterated[scheme] ?? 0) + ((evidence >> (scheme + 1)) & 1);
    }
    const best = Math.max(...transliterated);
    if (english <= best) {
      const bits = english < best ? CYRILLIC_BITS : CYRILLIC_BITS | LEXICON_BITS.en;
      for (let position = index; position <= last; position++) masks[position] = bits;
      runs.push({ first: index, last });
    }
    index = last + 1;
  }
  return runs;
}

const latinEvidenceMemo = new Map<string, number>();
const MAX_LATIN_EVIDENCE = 20_000;

/** Bits: 1 an English frequent word; 2, 4, 8 a frequent Russian, Ukrainian, Belarusian word once transliterated. */
function latinEvidence(lower: string): number {
  let bits = latinEvidenceMemo.get(lower);
  if (bits !== undefined) return bits;
  // A single Latin letter (markup, an initial, "I", or Russian «и», «у», «в» typed in Latin) is evidence of nothing.
  if (lower.length < 2) return 0;
  bits = isFrequentWord(lower, "en") ? 1 : 0;
  for (const { scheme, cyrillic } of readings(lower)) {
    if (isFrequentReading(cyrillic, scheme)) bits |= 2 << ["ru", "uk", "be"].indexOf(scheme);
  }
  if (latinEvidenceMemo.size >= MAX_LATIN_EVIDENCE) latinEvidenceMemo.clear();
  latinEvidenceMemo.set(lower, bits);
  return bits;
}

/**
 * One token stream per transliteration scheme made of the runs' words only (each run starts a sentence, so phrases
 * do not join two runs), read in that scheme; offsets stay those of the original text.
 */
/** The position of `scheme`'s reading in `readings`, or -1 (a loop: no closure per word and scheme). */
function schemeIndexOf(wordReadings: readonly Reading[], scheme: TranslitScheme): number {
  for (let index = 0; index < wordReadings.length; index++) if ((wordReadings[index] as Reading).scheme === scheme) return index;
  return -1;
}

function transliteratedHits(
  text: string,
  words: readonly WordToken[],
  runs: readonly LatinRun[],
  lexicon: CompiledLexicon,
  system: PrisonSystem,
): Hit[] {
  const hits: Hit[] = [];
  for (const scheme of ["ru", "uk", "be"] as const) {
    const stream = schemeStreams[scheme];
    let count = 0;
    for (const run of runs) {
      for (let index = run.first; index <= run.last; index++) {
        const word = words[index] as WordToken;
        const schemeIndex = schemeIndexOf(readings(word.lower), scheme);
        if (schemeIndex < 0) continue;
        const first = index === run.first;
        const token = streamToken(stream, count++, word);
        token.norm = foldedReadings(word.lower).all[schemeIndex] as string;
        token.breakBefore = word.breakBefore || first;
        token.joinsPrevious = word.joinsPrevious && !first;
      }
    }
    if (stream.length !== count) stream.length = count;
    if (count === 0) continue;
    const masks = new Uint8Array(count).fill(SCHEME_BITS[scheme]);
    for (const hit of findLexiconHits(text, { words: stream, abbreviations: NO_ABBREVIATIONS }, lexicon, system, masks, null)) hits.push(hit);
    const loose = looseReading(stream, scheme);
    if (!loose) continue;
    for (const hit of findLexiconHits(text, { words: loose, abbreviations: NO_ABBREVIATIONS }, lexicon, system, masks, null)) hits.push(hit);
  }
  return hits;
}

const NO_ABBREVIATIONS: Tokens["abbreviations"] = [];

// Each scheme's stream of the Latin words read in it, its tokens refilled letter after letter: a copy of every
// Latin word per scheme was the garbage of the slowest letters (issue 16, p99). findLexiconHits keeps no token.
const schemeStreams: Record<TranslitScheme, WordToken[]> = { ru: [], uk: [], be: [] };

/** The stream's token at `position`, a copy of `word` (created the first time the stream is that long). */
function streamToken(stream: WordToken[], position: number, word: WordToken): WordToken {
  let token = stream[position];
  if (token === undefined) {
    token = { ...word };
    stream[position] = token;
    return token;
  }
  token.start = word.start;
  token.end = word.end;
  token.raw = word.raw;
  token.lower = word.lower;
  token.norm = word.norm;
  token.breakBefore = word.breakBefore;
  token.joinsPrevious = word.joinsPrevious;
  token.hashtag = word.hashtag;
  token.glued = word.glued;
  token.slot = word.slot;
  return token;
}

// Consonants after which Cyrillic often writes a final soft sign that Latin typing drops («smert» → «смерть»,
// «Belarus» → «беларусь», «mat» → «мать»). Not н, м, р, в: «Putin», «vragam», «mir» keep them hard, and a phrase
// matches in this second stream only if all its words read right there.
const SOFTENED_FINALS = new Set(["т", "д", "с", "з", "л", "ц"]);
const CYRILLIC_VOWELS = new Set([..."аеёиоуыэюяіїєў"]);

/**
 * The stream read the loose way people type without diacritics: a soft sign after a word's final softenable
 * consonant and, for Belarusian, е rather than Łacinka's э after a consonant («Belarus» is «беларусь», not
 * «бэларус»). Null if no word reads differently.
 */
function looseReading(stream: readonly WordToken[], scheme: TranslitScheme): WordToken[] | null {
  // Most streams read no differently: asked first, so that only a changed stream is copied.
  let changed = false;
  for (const word of stream) {
    if (looseNorm(word.norm, scheme) !== word.norm) {
      changed = true;
      break;
    }
  }
  if (!changed) return null;
  return stream.map((word) => {
    const norm = looseNorm(word.norm, scheme);
    return norm === word.norm ? word : { ...word, norm };
  });
}

const looseMemo: Record<TranslitScheme, Map<string, string>> = { ru: new Map(), uk: new Map(), be: new Map() };
const MAX_LOOSE_MEMO = 20_000;

/** A folded reading typed the loose way (see looseReading), once per distinct reading and scheme. */
function looseNorm(norm: string, scheme: TranslitScheme): string {
  const memo = looseMemo[scheme];
  let loose = memo.get(norm);
  if (loose === undefined) {
    loose = norm;
    if (scheme === "be" && loose.includes("э")) {
      const read = loose;
      loose = read.replace(/(?<=[^\s])э/gu, (match, offset: number) => (CYRILLIC_VOWELS.has(read.charAt(offset - 1)) ? match : "е"));
    }
    if (loose.length >= 3 && SOFTENED_FINALS.has(loose.charAt(loose.length - 1))) loose = `${loose}ь`;
    if (memo.size >= MAX_LOOSE_MEMO) memo.clear();
    memo.set(norm, loose);
  }
  return loose;
}

// What a digit or symbol typed inside a word stands for, in Cyrillic and in Latin words. `*` hides any vowel, or
// nothing: a star pushed into a word («с*раку») is as common as one over a letter.
const CYRILLIC_MASKS: Record<string, readonly string[]> = {
  "0": ["о"], "1": ["і", "и"], "3": ["з", "е"], "4": ["ч", "а"], "6": ["б"], "7": ["т"], "8": ["в"], "9": ["д"],
  "@": ["а", "я"], "$": ["с"], "|": ["і"], "!": ["і"], "*": ["у", "и", "а", "о", "е", "ы", "я", "ю", "і", "й", ""],
  // A dot inside a word («моби.лизация») hides nothing: it only breaks the word.
  ".": [""],
};
const LATIN_MASKS: Record<string, readonly string[]> = {
  "0": ["o"], "1": ["i", "l"], "3": ["e"], "4": ["a"], "5": ["s"], "7": ["t"], "8": ["b"], "@": ["a"], "$": ["s"],
  "|": ["l", "i"], "!": ["i"], "*": ["u", "i", "a", "o", "e", "y", ""], ".": [""],
};
const MAX_MASK_GAP = 3;
const MAX_CANDIDATES = 64;

// Digits and the symbols of the mask tables, by character code: checked before any string is built.
function isMaskCode(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || code === 0x2a || code === 0x40 || code === 0x24 || code === 0x7c || code === 0x21 || code === 0x2e
  );
}

function maskGap(text: string, from: number, to: number): string | null {
  if (to <= from || to - from > MAX_MASK_GAP) return null;
  for (let index = from; index < to; index++) if (!isMaskCode(text.charCodeAt(index))) return null;
  return text.slice(from, to);
}

/** Words broken by digits or symbols between letters («в0йна» is the tokens «в» and «йна»), read whole again. */
function unmaskedHits(
  text: string,
  words: readonly WordToken[],
  masks: Uint8Array,
  lexicon: CompiledLexicon,
  system: PrisonSystem,
  hits: Hit[],
): void {
  let index = 0;
  while (index < words.length - 1) {
    // Most words have no mask after them: no array for them (issue 16 speed: less garbage, fewer GC pauses).
    if (maskGap(text, (words[index] as WordToken).end, (words[index + 1] as WordToken).start) === null) {
      index++;
      continue;
    }
    const parts: string[] = [(words[index] as WordToken).lower];
    let last = index;
    while (last + 1 < words.length) {
      const gap = maskGap(text, (words[last] as WordToken).end, (words[last + 1] as WordToken).start);
      if (gap === null) break;
      parts.push(gap, (words[last + 1] as WordToken).lower);
      last++;
    }
    if (last === index) {
      index++;
      continue;
    }
    const first = words[index] as WordToken;
    const end = (words[last] as WordToken).end;
    const latin = isLatin(first);
    // An e-mail address («ivan@mail.ru») is not a masked word; «w@r» is.
    if (!(latin && parts.includes("@") && isDomainAfter(text, end))) {
      let bits = 0;
      for (let position = index; position <= last; position++) bits |= masks[position] ?? 0;
      const span = { first: index, last, start: first.start, end };
      for (const candidate of expandMasks(parts, latin ? LATIN_MASKS : CYRILLIC_MASKS)) {
        if (latin) {
          findReadingHits(lexicon, candidate, bits, system, words, span, hits);
          for (const { scheme, cyrillic } of readings(candidate)) {
            findReadingHits(lexicon, normalizeLowerCaseWord(cyrillic), SCHEME_BITS[scheme], system, words, span, hits);
          }
        } else {
          findReadingHits(lexicon, normalizeLowerCaseWord(candidate), bits || CYRILLIC_BITS, system, words, span, hits);
        }
      }
    }
    index = last + 1;
  }
}

function isDomainAfter(text: string, end: number): boolean {
  return text.charCodeAt(end) === 0x2e && /\p{L}/u.test(text.charAt(end + 1));
}

/** Every reading of the word with each mask character replaced by one of its letters, at most MAX_CANDIDATES. */
function expandMasks(parts: readonly string[], table: Record<string, readonly string[]>): string[] {
  let candidates = [""];
  for (const [position, part] of parts.entries()) {
    if (position % 2 === 0) {
      candidates = candidates.map((candidate) => candidate + part);
      continue;
    }
    for (const char of part) {
      const options = table[char] ?? [];
      if (options.length === 0) return [];
      candidates = candidates.flatMap((candidate) => options.map((option) => candidate + option)).slice(0, MAX_CANDIDATES);
    }
  }
  return candidates;
}

// Number words of the four languages (folded: no apostrophes, е for ё), by value.
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  (
    [
      [0, "ноль нуль zero"],
      [1, "один одна одно адзін адна one"],
      [2, "два две дві дзве two"],
      [3, "три тры three"],
      [4, "четыре чотири чатыры four"],
      [5, "пять пяць five"],
      [6, "шесть шість шэсць six"],
      [7, "семь сім сем seven"],
      [8, "восемь вісім восем eight"],
      [9, "девять дзевяць nine"],
      [10, "десять дзесяць ten"],
      [11, "одиннадцать одинадцять адзінаццаць eleven"],
      [12, "двенадцать дванадцять дванаццаць twelve"],
      [13, "тринадцать тринадцять трынаццаць thirteen"],
      [14, "четырнадцать чотирнадцять чатырнаццаць fourteen"],
      [15, "пятнадцать пятнадцять пятнаццаць fifteen"],
      [16, "шестнадцать шістнадцять шаснаццаць sixteen"],
      [17, "семнадцать сімнадцять сямнаццаць seventeen"],
      [18, "восемнадцать вісімнадцять васямнаццаць eighteen"],
      [19, "девятнадцать девятнадцять дзевятнаццаць nineteen"],
      [20, "двадцать двадцять дваццаць twenty"],
      [30, "тридцать тридцять трыццаць thirty"],
      [40, "сорок сорак forty"],
      [50, "пятьдесят пятдесят пяцьдзесят fifty"],
      [60, "шестьдесят шістдесят шэсцьдзесят sixty"],
      [70, "семьдесят сімдесят семдзесят seventy"],
      [80, "восемьдесят вісімдесят восемдзесят eighty"],
      [90, "девяносто дзевяноста ninety"],
      [100, "сто"],
      [200, "двести двісті дзвесце"],
      [300, "триста трыста"],
      [400, "четыреста чотириста чатырыста"],
      [500, "пятьсот пятсот пяцьсот"],
      [600, "шестьсот шістсот шэсцьсот"],
      [700, "семьсот сімсот семсот"],
      [800, "восемьсот вісімсот восемсот"],
      [900, "девятьсот девятсот дзевяцьсот"],
    ] as const
  ).flatMap(([value, names]) => names.split(" ").map((name) => [name, value] as const)),
);

// Between number words of one phone number: spaces, commas, dashes, brackets, a plus and digit groups.
const NUMBER_GAP = /^[\s,\-–—()+\d]*$/u;
const DIGIT = /\d/gu;
const MIN_PHONE_DIGITS = 10;
const MIN_NUMBER_WORDS = 2;

const SPELLED_NUMBER_RULE: Rule = syntheticRule({
  id: "common-contacts-spelled-number",
  category: "contacts",
  severity: "block",
  source:
    "research (a)9: yamal.kp.ru/daily/27114/4192934 (ex-censor: phone numbers are blocked); numbers spelled in words " +
    "to dodge the digit pattern (issue 16)",
});

/** Ten or more digits written as number words, alone or mixed with digit groups: a phone or a card number. */
function spelledNumberHits(text: string, words: readonly WordToken[], hits: Hit[]): void {
  let index = 0;
  while (index < words.length) {
    const firstValue = NUMBER_WORDS.get((words[index] as WordToken).norm);
    if (firstValue === undefined) {
      index++;
      continue;
    }
    const values = [firstValue];
    let gapDigits = 0;
    let last = index;
    while (last + 1 < words.length) {
      const value = NUMBER_WORDS.get((words[last + 1] as WordToken).norm);
      const gap = text.slice((words[last] as WordToken).end, (words[last + 1] as WordToken).start);
      if (value === undefined || !NUMBER_GAP.test(gap)) break;
      gapDigits += (gap.match(DIGIT) ?? []).length;
      values.push(value);
      last++;
    }
    if (values.length >= MIN_NUMBER_WORDS) {
      const before = leadingDigits(text, (words[index] as WordToken).start);
      const after = trailingDigits(text, (words[last] as WordToken).end);
      if (groupedDigits(values) + gapDigits + before.digits + after.digits >= MIN_PHONE_DIGITS) {
        hits.push({ rule: SPELLED_NUMBER_RULE, start: before.start, end: after.end });
      }
    }
    index = last + 1;
  }
}

/**
 * How many digits the number words stand for when read as a person dictates a phone number: «восемь девятьсот
 * шестнадцать сто двадцать три» is 8 916 123. A word that cannot extend the current group starts a new one.
 */
export function groupedDigits(values: readonly number[]): number {
  let digits = 0;
  let group = 0;
  let open = false;
  let tens = false;
  let units = false;
  const close = (): void => {
    if (open) digits += String(group).length;
    group = 0;
    open = false;
    tens = false;
    units = false;
  };
  for (const value of values) {
    if (value === 0) {
      close();
      digits++;
      continue;
    }
    const fits = value >= 100 ? !open : value >= 10 ? !tens && !units : !units;
    if (!fits) close();
    group += value;
    open = true;
    if (value >= 10 && value < 100) tens = true;
    if (value < 20) units = true;
  }
  close();
  return digits;
}

function leadingDigits(text: string, from: number): { start: number; digits: number } {
  let start = from;
  let digits = 0;
  while (start > 0 && /[\s\-()+\d]/u.test(text.charAt(start - 1)) && text.charAt(start - 1) !== "\n") {
    start--;
    if (/\d/u.test(text.charAt(start))) digits++;
  }
  while (start < from && !/[\d+(]/u.test(text.charAt(start))) start++;
  return { start, digits };
}

function trailingDigits(text: string, to: number): { end: number; digits: number } {
  let end = to;
  let digits = 0;
  while (end < text.length && /[\s\-()\d]/u.test(text.charAt(end)) && text.charAt(end) !== "\n") {
    if (/\d/u.test(text.charAt(end))) digits++;
    end++;
  }
  while (end > to && !/[\d)]/u.test(text.charAt(end - 1))) end--;
  return { end, digits };
}

/** A rule for findings the lexicon files do not describe (spelled numbers), shaped like a compiled entry. */
export function syntheticRule(
  entry: Pick<LexiconEntry, "id" | "category" | "severity" | "source"> & { explanation?: string },
): Rule {
  return {
    entry: { ...entry, match: "regex", terms: ["(built in)"], language: "common", stemEndings: null },
    languageBit: 0,
    systems: null,
    exceptions: [],
    exceptPhrases: [],
    requiresNearby: null,
    unlessNearby: null,
  };
}
