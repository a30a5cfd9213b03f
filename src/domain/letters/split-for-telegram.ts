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

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Splits `text` into pieces each at most `limit` long in the chosen measure. Whitespace at the cuts is dropped; the
 * text inside each piece is unchanged (line endings normalised to "\n"). An empty or blank text gives no pieces.
 */
export function splitForTelegram(
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
