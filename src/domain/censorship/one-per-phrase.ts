import { severityRank } from "./findings.js";
import { CATEGORY_IDS, type Finding } from "./types.js";

const LETTER = /\p{L}/u;

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The gravest first; between equals, a context frame over a word it contains (the frame read the whole phrase:
 * «надо отблагодарить охранника» is a bribe, not just a guard), then a longer phrase over a word it contains, then
 * the category listed first in CATEGORY_IDS. */
function graver(a: Finding, b: Finding): Finding {
  const bySeverity = severityRank(a.severity) - severityRank(b.severity);
  if (bySeverity !== 0) return bySeverity < 0 ? a : b;
  if (framesOver(a, b)) return a;
  if (framesOver(b, a)) return b;
  if (phraseOver(a, b)) return a;
  if (phraseOver(b, a)) return b;
  return CATEGORY_IDS.indexOf(a.category) <= CATEGORY_IDS.indexOf(b.category) ? a : b;
}

/** A fixed phrase read whole beats a word inside it («Русский военный корабль» is the meme, not just "military"). */
function phraseOver(phrase: Finding, word: Finding): boolean {
  return phrase.start <= word.start && phrase.end >= word.end && phrase.end - phrase.start > word.end - word.start && phrase.excerpt.includes(" ");
}

function framesOver(frame: Finding, word: Finding): boolean {
  return frame.ruleId.startsWith("frame-") && !word.ruleId.startsWith("frame-") && frame.start <= word.start && frame.end >= word.end;
}

/**
 * Content findings of different categories over the same words («Путина» as politics and as the model's "war") become
 * one: the gravest, quoting the words they share and cover together.
 */
function mergeAcrossCategories(text: string, findings: Finding[]): Finding[] {
  // Sorted in place: `findings` is onePerPhrase's own array.
  const ordered = findings.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Finding[] = [];
  for (const finding of ordered) {
    const previous = merged[merged.length - 1];
    if (!previous || !overlaps(previous, finding)) {
      merged.push(finding);
      continue;
    }
    // The findings are the check's own (buildFindings made them for this letter): the graver takes the span in place
    // rather than as a copy per merge (issue 16, p99: garbage).
    const gravest = graver(previous, finding);
    gravest.start = Math.min(previous.start, finding.start);
    gravest.end = Math.max(previous.end, finding.end);
    gravest.excerpt = text.slice(gravest.start, gravest.end);
    merged[merged.length - 1] = gravest;
  }
  return merged;
}

/**
 * Appends to `out` the language finding's pieces: the part of its span left after cutting out `covered` (its first
 * `coveredCount` findings; `out` may be the same array, its pieces pushed after them), trimmed to
 * words; pieces without letters are dropped. Pushed as found, without arrays of pieces (issue 16, p99: garbage).
 */
function pushUncovered(text: string, finding: Finding, covered: readonly Finding[], coveredCount: number, out: Finding[]): void {
  const { start, end } = finding;
  let cursor = start;
  for (let index = 0; index < coveredCount; index++) {
    const range = covered[index] as Finding;
    if (range.end <= cursor || range.start >= end) continue;
    if (range.start > cursor) pushPiece(text, finding, cursor, range.start, out);
    cursor = Math.max(cursor, range.end);
  }
  if (cursor < end) pushPiece(text, finding, cursor, end, out);
}

function pushPiece(text: string, finding: Finding, start: number, end: number, out: Finding[]): void {
  const piece = trimToWords(text, start, end);
  if (piece !== null) out.push({ ...finding, start: piece.start, end: piece.end, excerpt: text.slice(piece.start, piece.end) });
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/** Whether the code point is a letter, and whether it is a letter or a number (\p{L}, \p{N}). */
function isLetter(codePoint: number): boolean {
  return isCommonLetter(codePoint) || (codePoint >= 0x80 && !isCommonScript(codePoint) && LETTER.test(String.fromCodePoint(codePoint)));
}

function isLetterOrNumber(codePoint: number): boolean {
  if (isCommonLetter(codePoint) || (codePoint >= 0x30 && codePoint <= 0x39)) return true;
  return codePoint >= 0x80 && !isCommonScript(codePoint) && LETTER_OR_NUMBER.test(String.fromCodePoint(codePoint));
}

// Latin letters and the Cyrillic block up to ӿ decided by code (U+0482–U+0489 are signs and marks, not letters).
function isCommonLetter(codePoint: number): boolean {
  return (
    (codePoint >= 0x61 && codePoint <= 0x7a) || (codePoint >= 0x41 && codePoint <= 0x5a) ||
    (codePoint >= 0x400 && codePoint <= 0x4ff && (codePoint < 0x482 || codePoint > 0x489))
  );
}

function isCommonScript(codePoint: number): boolean {
  return codePoint >= 0x400 && codePoint <= 0x4ff;
}

/**
 * text[start, end) without its leading characters up to a letter, number, «, ", „ or ( and its trailing ones after
 * the last letter, number, », ", ”, ), !, ?, . or …; null when no letter is left. Scanned in place: no copies of
 * long language spans (issue 16 speed).
 */
function trimToWords(text: string, start: number, end: number): { start: number; end: number } | null {
  let from = start;
  while (from < end) {
    const codePoint = codePointAt(text, from, end);
    if (isLetterOrNumber(codePoint) || codePoint === 0xab || codePoint === 0x22 || codePoint === 0x201e || codePoint === 0x28) break;
    from += codePoint > 0xffff ? 2 : 1;
  }
  let to = end;
  while (to > from) {
    const codePoint = codePointBefore(text, to, from);
    if (
      isLetterOrNumber(codePoint) || codePoint === 0xbb || codePoint === 0x22 || codePoint === 0x201d || codePoint === 0x29 ||
      codePoint === 0x21 || codePoint === 0x3f || codePoint === 0x2e || codePoint === 0x2026
    ) {
      break;
    }
    to -= codePoint > 0xffff ? 2 : 1;
  }
  for (let index = from; index < to; ) {
    const codePoint = codePointAt(text, index, to);
    if (isLetter(codePoint)) return { start: from, end: to };
    index += codePoint > 0xffff ? 2 : 1;
  }
  return null;
}

/** The code point at `index`, a surrogate pair only when both halves lie before `limit`. */
function codePointAt(text: string, index: number, limit: number): number {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < limit) {
    const low = text.charCodeAt(index + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return code;
}

/** The code point ending at `index`, a surrogate pair only when both halves lie from `limit` on. */
function codePointBefore(text: string, index: number, limit: number): number {
  const code = text.charCodeAt(index - 1);
  if (code >= 0xdc00 && code <= 0xdfff && index - 2 >= limit) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (code - 0xdc00) + 0x10000;
  }
  return code;
}

/**
 * One phrase is counted once (issue 15, item 4). Content findings that share words are merged into the gravest; a
 * language finding quotes only the foreign words no other finding already quotes («Слава Україні, ми з тобою»: the
 * slogan is a finding of its own, the language finding quotes «ми з тобою»), split where such a finding sits inside.
 * Takes the findings over: a merged content finding is one of them with its span widened in place.
 */
export function onePerPhrase(text: string, findings: readonly Finding[]): Finding[] {
  // Loops into one array rather than filters, a flatMap and a spread (issue 16, p99: garbage of every letter).
  const contentFindings: Finding[] = [];
  for (const finding of findings) if (finding.category !== "language") contentFindings.push(finding);
  const content = mergeAcrossCategories(text, contentFindings);
  const contentCount = content.length;
  for (const finding of findings) {
    if (finding.category === "language") pushUncovered(text, finding, content, contentCount, content);
  }
  return content;
}
