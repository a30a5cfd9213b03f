/**
 * The grapheme-by-grapheme splitter that `splitForTelegram` replaced, kept as the reference its cuts are compared
 * with (test/letters/split-for-telegram.test.ts) and as the baseline of `npm run bench:split`. It builds an array of
 * every grapheme of the text, which made a 12,000-character letter cost tens of milliseconds.
 */
import { measureForTelegram, type TelegramMeasure, TELEGRAM_MESSAGE_LIMIT } from "../../src/domain/letters/split-for-telegram.js";

/** The smallest limit accepted: below it "never cut a word" cannot mean anything useful. */
const MIN_LIMIT = 64;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Splits `text` into pieces each at most `limit` long in the chosen measure. Whitespace at the cuts is dropped; the
 * text inside each piece is unchanged (line endings normalised to "\n"). An empty or blank text gives no pieces.
 */
export function splitByGraphemes(
  text: string,
  limit: number = TELEGRAM_MESSAGE_LIMIT,
  options: { measure?: TelegramMeasure } = {},
): string[] {
  if (!Number.isInteger(limit) || limit < MIN_LIMIT) {
    throw new RangeError(`splitForTelegram: limit must be an integer of at least ${MIN_LIMIT}`);
  }
  const measure = options.measure ?? "plain";
  const units = Array.from(graphemes.segment(text.replace(/\r\n?/g, "\n")), (part) => part.segment);
  const costs = units.map((unit) => measureForTelegram(unit, measure));
  const pieces: string[] = [];
  let start = 0;
  while (true) {
    while (start < units.length && isSpace(units[start])) start++;
    if (start >= units.length) return pieces;
    let end = start;
    let total = 0;
    while (end < units.length) {
      const cost = costs[end] ?? 0;
      if (total + cost > limit) break;
      total += cost;
      end++;
    }
    if (end === units.length) {
      pieces.push(units.slice(start).join("").trimEnd());
      return pieces;
    }
    if (end === start) {
      // One grapheme longer than a message (hundreds of stacked accents): cut it by code points, the only option.
      const [head, tail] = cutOversizedGrapheme(units[start] ?? "", limit, measure);
      pieces.push(head);
      units[start] = tail;
      costs[start] = measureForTelegram(tail, measure);
      continue;
    }
    const cut = chooseCut(units, start, end);
    pieces.push(units.slice(start, cut).join("").trimEnd());
    start = cut;
  }
}

/**
 * Where to end the piece that may take `units[start..end)`: the cut is an index whose unit is whitespace (it is
 * dropped). Paragraph, line and sentence breaks are only used in the second half of the window, so that a short first
 * paragraph does not produce a nearly empty message.
 */
function chooseCut(units: readonly string[], start: number, end: number): number {
  const half = start + Math.ceil((end - start) / 2);
  const last = Math.min(end, units.length - 1);
  const preferences: ((index: number) => boolean)[] = [
    (i) => units[i] === "\n" && (units[i - 1] === "\n" || units[i + 1] === "\n"),
    (i) => units[i] === "\n",
    (i) => isSpace(units[i]) && endsSentence(units, i - 1),
  ];
  for (const isBreak of preferences) {
    for (let i = last; i >= half && i > start; i--) if (isBreak(i)) return i;
  }
  for (let i = last; i > start; i--) if (isSpace(units[i])) return i;
  return end;
}

function endsSentence(units: readonly string[], index: number): boolean {
  let i = index;
  // A sentence may end inside quotes or brackets: «…закончилось.» (so…)
  while (i >= 0 && /^["'»”’)\]]$/u.test(units[i] ?? "")) i--;
  return /^[.!?…]$/u.test(units[i] ?? "");
}

function isSpace(unit: string | undefined): boolean {
  return unit !== undefined && /^\s+$/u.test(unit);
}

function cutOversizedGrapheme(unit: string, limit: number, measure: TelegramMeasure): [string, string] {
  const points = Array.from(unit);
  let taken = 0;
  let total = 0;
  while (taken < points.length && total + measureForTelegram(points[taken] ?? "", measure) <= limit) {
    total += measureForTelegram(points[taken] ?? "", measure);
    taken++;
  }
  return [points.slice(0, taken).join(""), points.slice(taken).join("")];
}
