/**
 * Splitting a long letter into Telegram messages (at most 4,096 characters each) so that it can be shown back to the
 * writer. Cuts fall, in order of preference, between paragraphs, between lines, after a sentence, between words; a
 * single "word" longer than a whole message (a pasted link, a row of dashes) is the only thing ever cut inside.
 * Grapheme clusters (emoji, letters with combining accents) are never torn apart.
 */

/** Bot API sendMessage: "1-4096 characters after entities parsing". */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

/**
 * `plain`: UTF-16 code units, the unit Telegram counts in (an emoji outside the BMP is two).
 * `html-escaped`: the length after `escapeHtml` (src/telegram/html.ts: & < > " become entities). Telegram applies its limit
 * after parsing entities, so plain is the right measure for sending; the escaped measure is for callers that hand the
 * escaped string to something with a raw-length limit (or wrap it and want a conservative bound).
 */
export type TelegramMeasure = "plain" | "html-escaped";

const ESCAPED_LENGTH: Record<string, number> = { "&": 5, "<": 4, ">": 4, '"': 6 };

export function measureForTelegram(text: string, measure: TelegramMeasure = "plain"): number {
  if (measure === "plain") return text.length;
  let length = 0;
  for (const unit of text) length += ESCAPED_LENGTH[unit] ?? unit.length;
  return length;
}

/** The smallest limit accepted: below it "never cut a word" cannot mean anything useful. */
const MIN_LIMIT = 64;

// Made on first use: building a Segmenter loads ICU's break data, a tenth of a second at start-up otherwise.
let segmenter: Intl.Segmenter | undefined;
const graphemes = () => (segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" }));

/**
 * Characters that join the one before them into a single grapheme (combining marks, variation selectors, the
 * zero-width joiner), or that a grapheme may begin with and continue past (surrogates: emoji and flags). Cuts are
 * only made at whitespace; a whitespace character is a grapheme boundary on both sides unless one of these follows
 * it. Where a cut must fall inside a word, the window is segmented properly (rare: only for "words" longer than a
 * message).
 */
const COMBINING_MARK = /^\p{M}$/u;

/** `code`: a UTF-16 unit, NaN past the end of the text. */
function joinsPrevious(code: number): boolean {
  // No combining mark lies below U+0300, in U+0370–U+0482 (Greek, Cyrillic letters) or in U+048A–U+0590: most of a
  // letter is told without the expression (the splitter asks for every space).
  if (code < 0x0300 || (code >= 0x0370 && code < 0x0483) || (code > 0x0489 && code < 0x0591) || Number.isNaN(code)) return false;
  return (
    code === 0x200c ||
    code === 0x200d ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    code === 0xff9e ||
    code === 0xff9f ||
    (code >= 0xdc00 && code <= 0xdfff) ||
    COMBINING_MARK.test(String.fromCharCode(code))
  );
}
const WHITESPACE = /\s/u;
const CLOSING = new Set(['"', "'", "»", "”", "’", ")", "]"]);
const SENTENCE_END = new Set([".", "!", "?", "…"]);

/**
 * Splits `text` into pieces each at most `limit` long in the chosen measure. Whitespace at the cuts is dropped; the
 * text inside each piece is unchanged (line endings normalised to "\n"). An empty or blank text gives no pieces.
 *
 * Linear in the text's length: the window of each piece is found from prefix sums of the cost, and its cut by one
 * backward scan of that window (a 12,000-character letter used to take tens of milliseconds through per-grapheme
 * arrays; `npm run bench:split`).
 */
export function splitForTelegram(
  text: string,
  limit: number = TELEGRAM_MESSAGE_LIMIT,
  options: { measure?: TelegramMeasure } = {},
): string[] {
  if (!Number.isInteger(limit) || limit < MIN_LIMIT) {
    throw new RangeError(`splitForTelegram: limit must be an integer of at least ${MIN_LIMIT}`);
  }
  const source = text.replace(/\r\n?/g, "\n");
  // In the plain measure every unit costs 1: the prefix sums would be the indices themselves, so none are built.
  const cost = (options.measure ?? "plain") === "plain" ? undefined : escapedPrefixCosts(source);
  const pieces: string[] = [];
  let start = 0;
  while (true) {
    while (start < source.length && isCuttable(source, start)) start++;
    if (start >= source.length) return pieces;
    const end = cost ? windowEnd(cost, start, limit) : Math.min(start + limit, source.length);
    if (end >= source.length) {
      pieces.push(source.slice(start).trimEnd());
      return pieces;
    }
    const cut = chooseCut(source, start, end);
    if (cut > start) {
      pieces.push(source.slice(start, cut).trimEnd());
      start = cut;
      continue;
    }
    // No whitespace to cut at: a "word" longer than the window. Cut at the last grapheme boundary that fits.
    const hard = lastGraphemeBoundary(source, start, end);
    pieces.push(source.slice(start, hard));
    start = hard;
  }
}

/** cost[i] = the escaped length of source[0..i): the cost of a slice is a difference of two entries. */
function escapedPrefixCosts(source: string): Uint32Array {
  const cost = new Uint32Array(source.length + 1);
  for (let i = 0; i < source.length; i++) {
    const unit = source[i] ?? "";
    cost[i + 1] = (cost[i] ?? 0) + (ESCAPED_LENGTH[unit] ?? 1);
  }
  return cost;
}

/** The largest end with cost(start..end) ≤ limit, by binary search over the prefix sums. */
function windowEnd(cost: Uint32Array, start: number, limit: number): number {
  const budget = (cost[start] ?? 0) + limit;
  let low = start;
  let high = cost.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((cost[middle] ?? 0) <= budget) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** A whitespace character that is a grapheme of its own, so the text may be cut there and the character dropped. */
function isCuttable(source: string, index: number): boolean {
  return isWhitespace(source.charCodeAt(index)) && !joinsPrevious(source.charCodeAt(index + 1));
}

/**
 * White space as `\s` has it. The only one between U+0021 and U+167F is U+00A0, so Latin and Cyrillic text (almost
 * every unit the splitter scans) is told without the expression.
 */
function isWhitespace(code: number): boolean {
  if (code > 0x20 && code < 0x1680 && code !== 0xa0) return false;
  return !Number.isNaN(code) && WHITESPACE.test(String.fromCharCode(code));
}

/**
 * Where to end the piece that may take `source[start..end)`: the cut is the index of a whitespace character (it is
 * dropped), or `start` when there is none. Paragraph, line and sentence breaks are only used in the second half of
 * the window, so that a short first paragraph does not produce a nearly empty message; one backward scan remembers
 * the best break of each kind.
 */
function chooseCut(source: string, start: number, end: number): number {
  const half = start + Math.ceil((end - start) / 2);
  let line = -1;
  let sentence = -1;
  let space = -1;
  for (let i = end; i > start; i--) {
    // Below the half only the last space counts, and the first one found from the end is it.
    if (i < half && space >= 0) break;
    if (!isCuttable(source, i)) continue;
    if (source[i] === "\n") {
      if (i >= half && (source[i - 1] === "\n" || source[i + 1] === "\n")) return i;
      if (line < 0 && i >= half) line = i;
    } else if (sentence < 0 && i >= half && endsSentence(source, i - 1)) {
      sentence = i;
    }
    if (space < 0) space = i;
  }
  if (line >= 0) return line;
  if (sentence >= 0) return sentence;
  return space >= 0 ? space : start;
}

function endsSentence(source: string, index: number): boolean {
  let i = index;
  // A sentence may end inside quotes or brackets: «…закончилось.» (so…)
  while (i >= 0 && CLOSING.has(source[i] ?? "")) i--;
  return SENTENCE_END.has(source[i] ?? "");
}

/**
 * The last grapheme boundary in (start, end], segmenting only this window; a single grapheme longer than the whole
 * window (hundreds of stacked accents) is cut between code points, the only option left.
 */
function lastGraphemeBoundary(source: string, start: number, end: number): number {
  let boundary = start;
  for (const { index } of graphemes().segment(source.slice(start, end + 1))) {
    if (index > end - start) break;
    boundary = start + index;
  }
  if (boundary > start) return boundary;
  let point = start;
  for (const character of source.slice(start, end)) {
    if (point + character.length > end) break;
    point += character.length;
  }
  return point > start ? point : start + 1;
}
