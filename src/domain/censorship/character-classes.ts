/**
 * One pass over a letter's characters that tells which kinds of character it contains (issue 16, speed): a regular
 * expression entry that needs a digit, an "@" or an emoji is skipped at once in a letter without any, instead of
 * each entry scanning the text with a prefilter of its own.
 */
export const CHARACTER_CLASS = {
  digit: 1,
  at: 2,
  percent: 4,
  underscore: 8,
  latinCapital: 16,
  cyrillicCapital: 32,
  /** Emoji and pictographs: astral characters and the symbol blocks from U+2600. */
  symbol: 64,
  /** The symbols people mask a letter of a word with: * # @ % $ (the masked-swearing entries). */
  maskSymbol: 128,
} as const;

export function characterClasses(text: string): number {
  return classesWithLatin(text) & ~LATIN_LETTER_CLASS;
}

/**
 * Beside the classes above, whether the text has a character that a Latin letter of an entry may match: a-z, A-Z,
 * and what a case-insensitive Unicode expression matches for one, ſ (s) and the Kelvin sign (k). See needsLatinLetter.
 */
export const LATIN_LETTER_CLASS = 256;

/** characterClasses with LATIN_LETTER_CLASS: what the regular-expression entries are skipped by. */
export function classesWithLatin(text: string): number {
  let flags = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < CLASS_TABLE_SIZE) flags |= CLASS_TABLE[code] as number;
    else if (code >= 0xd800 && code <= 0xdbff) flags |= CHARACTER_CLASS.symbol; // a high surrogate starts every astral character
  }
  return flags;
}

/**
 * The classes of each UTF-16 code unit below U+2800, read in one loop over the letter: a table read per character
 * took half the time of a regular-expression scan per class (nine of them over a 12,000-character letter, most
 * scanning it to the end for a character it does not have; issue 14 speed).
 */
const CLASS_TABLE_SIZE = 0x2800;
const CLASS_TABLE = classTable();

function classTable(): Uint16Array {
  const table = new Uint16Array(CLASS_TABLE_SIZE);
  const mark = (from: number, to: number, flag: number): void => {
    for (let code = from; code <= to; code++) table[code] = (table[code] as number) | flag;
  };
  mark(0x30, 0x39, CHARACTER_CLASS.digit);
  mark(0x41, 0x5a, CHARACTER_CLASS.latinCapital | LATIN_LETTER_CLASS);
  mark(0x61, 0x7a, LATIN_LETTER_CLASS);
  mark(0x17f, 0x17f, LATIN_LETTER_CLASS);
  mark(0x212a, 0x212a, LATIN_LETTER_CLASS);
  mark(0x40, 0x40, CHARACTER_CLASS.at | CHARACTER_CLASS.maskSymbol);
  mark(0x25, 0x25, CHARACTER_CLASS.percent | CHARACTER_CLASS.maskSymbol);
  mark(0x5f, 0x5f, CHARACTER_CLASS.underscore);
  for (const symbol of "*#$") mark(symbol.charCodeAt(0), symbol.charCodeAt(0), CHARACTER_CLASS.maskSymbol);
  mark(0x410, 0x42f, CHARACTER_CLASS.cyrillicCapital);
  mark(0x2600, 0x27bf, CHARACTER_CLASS.symbol);
  return table;
}

/**
 * The character classes a regular-expression entry cannot match without (any one of them), read from its
 * prefilter; 0 when the prefilter says nothing this pass can check.
 */
export function prefilterNeeds(prefilter: string | undefined): number {
  if (prefilter === undefined) return 0;
  if (prefilter.startsWith("\\d")) return CHARACTER_CLASS.digit;
  if (prefilter === "@") return CHARACTER_CLASS.at;
  if (prefilter === "%") return CHARACTER_CLASS.percent;
  if (prefilter === "[A-Za-z0-9]_[A-Za-z0-9]") return CHARACTER_CLASS.underscore;
  if (prefilter.startsWith("[\\u{1F") || prefilter.startsWith("[\\u{2")) return CHARACTER_CLASS.symbol;
  if (prefilter.startsWith("[БВГДЖЗКЛМНПРСТФХЦЧШЩ]")) return CHARACTER_CLASS.cyrillicCapital;
  // A masking symbol closing every alternative: "[хпб…][*#@%$]", "(?:[Мм][Уу]|[ГгЖжСс])[*#@%$]".
  if (prefilter.endsWith(MASK_SYMBOLS) && !hasTopLevelAlternative(prefilter)) return CHARACTER_CLASS.maskSymbol;
  return 0;
}

const MASK_SYMBOLS = "[*#@%$]";

const LEADING_ASTRAL = /^\\u\{(1[0-9A-Fa-f]{4})\}(?![?*{])/u;

/**
 * The character classes a regular-expression entry without a prefilter cannot match without, read from the pattern
 * itself: one that must start with an astral character (`\u{1F1FA}\u{1F1E6}`, a flag; `\u{1F531}`) needs a
 * `symbol`, so the emoji entries are skipped in a letter without one (issue 16 speed); 0 when it may start otherwise
 * (an alternative at the top level, an optional first character).
 */
export function patternNeeds(source: string): number {
  if (!LEADING_ASTRAL.test(source) || hasTopLevelAlternative(source)) return 0;
  return CHARACTER_CLASS.symbol;
}

/**
 * Whether every match of a regular-expression entry holds a Latin letter, read from the pattern: each top-level
 * alternative has a Latin letter written as itself, a class of Latin letters only (`[a-z]`, `[Cc]`) or a group each
 * of whose alternatives has one (`(?:ru|com)`), not made optional. Then a letter without one (most letters: Cyrillic
 * only) skips the entry, prefilter and all (issue 14 speed: the messenger-handle prefilter was the costliest
 * expression on such a letter); LATIN_LETTER_CLASS tells. Conservative: a look-around never counts.
 */
export function needsLatinLetter(source: string): boolean {
  return everyMatchHolds(source, LATIN_LETTER);
}

/**
 * Whether every match of a pattern (with the `u` flag) holds an ASCII digit, read as `needsLatinLetter` reads a Latin
 * letter: `\d`, a digit written as itself (not a quantifier's count) or a class of digits only (`[0-9]`, `[23]`) in
 * each top-level alternative, or a group each of whose alternatives has one. A letter without digits (most letters)
 * skips such an entry («[гГ]руз[ -]?[23]», «(?:тать|т\.)\s*\d»; issue 14 speed); `CHARACTER_CLASS.digit` tells.
 */
export function needsDigit(source: string): boolean {
  return everyMatchHolds(source, DIGIT);
}

/** What a kind of character looks like in a pattern: written as itself, as a class body, as an escape's letter. */
interface PatternCharacter {
  literal: RegExp;
  classBody(body: string): boolean;
  escape: string | null;
}

const LATIN_LETTER: PatternCharacter = { literal: /^[A-Za-z]$/u, classBody: isLatinLetterClass, escape: null };
const DIGIT: PatternCharacter = { literal: /^[0-9]$/u, classBody: (body) => /^(?:[0-9](?:-[0-9])?)+$/u.test(body), escape: "d" };

function everyMatchHolds(source: string, kind: PatternCharacter): boolean {
  let found = false;
  for (let index = 0; index < source.length; index++) {
    const char = source.charAt(index);
    if (char === "\\") {
      const end = escapeEnd(source, index);
      if (kind.escape !== null && source.charAt(index + 1) === kind.escape && !optionalAt(source, end + 1)) found = true;
      index = end;
    } else if (char === "{") {
      // A quantifier's counts ({2}, {3,31}: a lone brace is a syntax error with the u flag), not characters.
      index = source.indexOf("}", index);
      if (index < 0) return false;
    } else if (char === "[") {
      const end = classEnd(source, index);
      if (kind.classBody(source.slice(index + 1, end)) && !optionalAt(source, end + 1)) found = true;
      index = end;
    } else if (char === "(") {
      const end = groupClose(source, index);
      const inner = groupBody(source.slice(index + 1, end));
      if (inner !== null && !optionalAt(source, end + 1) && everyMatchHolds(inner, kind)) found = true;
      index = end;
    } else if (char === "|") {
      if (!found) return false;
      found = false;
    } else if (kind.literal.test(char) && !optionalAt(source, index + 1)) found = true;
  }
  return found;
}

/** The index of the ")" closing the group opened at `open` (escapes and classes passed over). */
function groupClose(source: string, open: number): number {
  let depth = 0;
  for (let index = open; index < source.length; index++) {
    const char = source.charAt(index);
    if (char === "\\") index = escapeEnd(source, index);
    else if (char === "[") index = classEnd(source, index);
    else if (char === "(") depth++;
    else if (char === ")" && --depth === 0) return index;
  }
  return source.length;
}

/** What a group matches, without its opening syntax ("?:", "?<name>"); null for a look-around. */
function groupBody(inside: string): string | null {
  if (inside.startsWith("?:")) return inside.slice(2);
  if (/^\?<?[=!]/u.test(inside)) return null;
  if (inside.startsWith("?<")) return inside.slice(inside.indexOf(">") + 1);
  return inside;
}

/** The index of the last character of the escape starting at `index` (a backslash): \p{…}, \u{…}, \k<…>, \xHH… */
function escapeEnd(source: string, index: number): number {
  const kind = source.charAt(index + 1);
  if ((kind === "p" || kind === "P" || kind === "u") && source.charAt(index + 2) === "{") return source.indexOf("}", index);
  if (kind === "k" && source.charAt(index + 2) === "<") return source.indexOf(">", index);
  if (kind === "x") return index + 3;
  if (kind === "u") return index + 5;
  if (kind === "c") return index + 2;
  // A back-reference's number (\12) is not a digit of the text.
  if (kind >= "1" && kind <= "9") {
    let end = index + 1;
    while (/^[0-9]$/u.test(source.charAt(end + 1))) end++;
    return end;
  }
  return index + 1;
}

/** The index of the "]" closing the class opened at `open`. */
function classEnd(source: string, open: number): number {
  let index = open + 1;
  while (index < source.length && source.charAt(index) !== "]") index += source.charAt(index) === "\\" ? 2 : 1;
  return index;
}

/** A class body of Latin letters and ranges of them only ("a-z", "A-Za-z", "Cc"); not negated. */
function isLatinLetterClass(body: string): boolean {
  return /^(?:[A-Za-z](?:-[A-Za-z])?)+$/u.test(body) && !/[A-Z]-[a-z]|[a-z]-[A-Z]/u.test(body);
}

/** Whether a quantifier at `index` lets the atom before it match nothing: ?, * or {0…}. */
function optionalAt(source: string, index: number): boolean {
  const char = source.charAt(index);
  return char === "?" || char === "*" || source.startsWith("{0", index);
}

function hasTopLevelAlternative(source: string): boolean {
  let depth = 0;
  for (let index = 0; index < source.length; index++) {
    const char = source.charAt(index);
    if (char === "\\") index++;
    else if (char === "[") index = classEnd(source, index);
    else if (char === "(") depth++;
    else if (char === ")") depth--;
    else if (char === "|" && depth === 0) return true;
  }
  return false;
}

/**
 * A regular expression that cannot match across white space and whose every match contains `anchor` (its
 * prefilter is that one character, `@` or `*`) is run only over the white-space-delimited chunks around each
 * occurrence of the anchor, each with the white space on both sides so that look-behinds and look-aheads see the
 * same text.
 */
export function chunkAnchor(prefilter: string | undefined, source: string): string | null {
  const anchor = prefilter === undefined ? undefined : CHUNK_ANCHORS.get(prefilter);
  if (anchor === undefined) return null;
  return /\\s|\\S| |\.(?![^[]*\])/u.test(source.replace(/\\\./gu, "")) ? null : anchor;
}

// Prefilters that name one character: "@" (e-mails, handles) and "\\*" (starred-out swearing, "f***").
const CHUNK_ANCHORS: ReadonlyMap<string, string> = new Map([
  ["@", "@"],
  ["\\*", "*"],
]);

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0xa0;
}

/** The chunks around each occurrence of `anchor`: [start, end) with one white-space character on each side. */
export function anchorChunks(text: string, anchor: string): [number, number][] {
  const chunks: [number, number][] = [];
  let end = -1;
  for (let at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + 1)) {
    if (at < end) continue;
    let start = at;
    while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
    end = at;
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    chunks.push([Math.max(0, start - 1), Math.min(text.length, end + 1)]);
  }
  return chunks;
}
