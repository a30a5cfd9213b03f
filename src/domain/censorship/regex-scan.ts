/**
 * Faster scanning for the regular expressions of the lexicon and the context layer (issue 16, speed), with exactly
 * the matches of a plain global `exec` loop.
 *
 * Most of these expressions start with a look-behind («(?<!\p{L})телеграм…», "(?<![\p{L}\p{N}])[БВГ…]{2,5}"), and V8
 * tests a leading look-behind at every position of the text before it looks at a single character of the rest: over
 * a 4,000-character letter that cost two to four times the scan without it. So each such expression also gets a
 * *scout*: the same expression without its leading look-arounds, which matches at every position the whole one
 * does (and at a few more). The scout finds the next candidate position quickly; the whole expression, sticky, is
 * then tried at exactly that position. Positions before a candidate cannot start a match, and at a candidate the
 * sticky attempt is the attempt a global scan would make there, so the matches are the same, in the same order.
 */
export interface ScannedPattern {
  /** The expression as written, flags `g` and `u` (and `i` when asked for). */
  pattern: RegExp;
  /** Without its leading look-arounds, same flags; null when it has none (or stripping them is not safe). */
  scout: RegExp | null;
  /** The whole expression, sticky: tried at each position the scout proposes. */
  anchored: RegExp | null;
}

export function scannedPattern(source: string, flags: string): ScannedPattern {
  const pattern = new RegExp(source, flags);
  const rest = withoutLeadingLookarounds(source);
  if (rest === null) return { pattern, scout: null, anchored: null };
  try {
    return { pattern, scout: new RegExp(rest, flags), anchored: new RegExp(source, `${flags}y`) };
  } catch {
    return { pattern, scout: null, anchored: null };
  }
}

/**
 * The next match at or after `from`, as `pattern.exec` with `lastIndex = from` would find it (`pattern` must be
 * global). Its `lastIndex` is not kept: callers continue from the match's end.
 */
export function nextMatch(scanned: ScannedPattern, text: string, from: number): RegExpExecArray | null {
  const { pattern, scout, anchored } = scanned;
  if (scout === null || anchored === null) {
    pattern.lastIndex = from;
    return pattern.exec(text);
  }
  let position = from;
  while (position <= text.length) {
    scout.lastIndex = position;
    const candidate = scout.exec(text);
    if (candidate === null) return null;
    anchored.lastIndex = candidate.index;
    const match = anchored.exec(text);
    if (match !== null) return match;
    // Code point by code point, as a Unicode expression's own scan moves on.
    position = candidate.index + (isSurrogatePair(text, candidate.index) ? 2 : 1);
  }
  return null;
}

function isSurrogatePair(text: string, index: number): boolean {
  const high = text.charCodeAt(index);
  if (high < 0xd800 || high > 0xdbff) return false;
  const low = text.charCodeAt(index + 1);
  return low >= 0xdc00 && low <= 0xdfff;
}

/**
 * `source` without the look-behinds and look-aheads it starts with, or null when it starts with none, when one of
 * them holds a capturing group (numbered back-references would shift) or when the rest is empty.
 */
export function withoutLeadingLookarounds(source: string): string | null {
  let index = 0;
  while (source.startsWith("(?<!", index) || source.startsWith("(?<=", index) || source.startsWith("(?!", index) || source.startsWith("(?=", index)) {
    const end = groupEnd(source, index);
    if (end === null) return null;
    index = end;
  }
  if (index === 0 || index >= source.length) return null;
  const rest = source.slice(index);
  // A scout that may start at any letter (the e-mail pattern's "[\p{L}\p{N}._%+\-]+@") would try every word and be
  // slower than the look-behind it saves. A top-level alternative after the look-arounds is fine: the scout then
  // matches more, never less.
  return BROAD_START.test(rest) ? null : rest;
}

// A first atom that matches any letter: a class with \p{L}, \w or \S in it, one of those escapes, or ".".
const BROAD_START = /^(?:\[(?:[^\]\\]|\\.)*?(?:\\p\{L\}|\\w|\\S)|\\p\{L\}|\\w|\\S|\.)/u;

/** The index after the group opened at `open`, or null when it holds a capturing group or never closes. */
function groupEnd(source: string, open: number): number | null {
  let depth = 0;
  for (let index = open; index < source.length; index++) {
    const char = source.charAt(index);
    if (char === "\\") index++;
    else if (char === "[") {
      index++;
      while (index < source.length && source.charAt(index) !== "]") index += source.charAt(index) === "\\" ? 2 : 1;
    } else if (char === "(") {
      if (index > open && source.charAt(index + 1) !== "?") return null;
      if (index > open && source.startsWith("(?<", index) && !source.startsWith("(?<!", index) && !source.startsWith("(?<=", index)) return null;
      depth++;
    } else if (char === ")") {
      depth--;
      if (depth === 0) return index + 1;
    }
  }
  return null;
}
