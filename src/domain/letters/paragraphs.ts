import { countCharacters, type DraftEditResult, draftStats, MAX_LETTER_CHARACTERS, normaliseLetterText } from "./draft.js";

/**
 * A draft as numbered paragraphs (issue 15, item 3): the writer fixes one paragraph instead of copying the whole
 * letter. Paragraphs are what the stored text separates with a blank line (`normaliseLetterText` keeps one).
 */
export function paragraphsOf(text: string): string[] {
  return splitParagraphs(normaliseLetterText(text)).paragraphs;
}

/**
 * A normalised text cut at each run of two or more line breaks (`split(/\n{2,}/u)`, found by `indexOf` instead: the
 * expression's split took 15 µs of a 12,000-character letter, this 2), with where each run starts.
 */
function splitParagraphs(normalised: string): { paragraphs: string[]; breaks: number[] } {
  const paragraphs: string[] = [];
  const breaks: number[] = [];
  if (normalised === "") return { paragraphs, breaks };
  let start = 0;
  for (let at = normalised.indexOf("\n\n"); at !== -1; at = normalised.indexOf("\n\n", start)) {
    paragraphs.push(normalised.slice(start, at));
    breaks.push(at);
    for (start = at + 2; normalised.charCodeAt(start) === 10; start++);
  }
  paragraphs.push(normalised.slice(start));
  return { paragraphs, breaks };
}

/**
 * Four base-36 characters naming a paragraph's content. A button carries it with the paragraph's number, so a button
 * of an older view (the paragraphs moved or changed since) is recognised instead of acting on another paragraph.
 */
export function paragraphTag(paragraph: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < paragraph.length; index++) {
    hash ^= paragraph.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % 36 ** 4).toString(36).padStart(4, "0");
}

/** The paragraph `index` if its tag still matches, else undefined (the draft changed since the button was made). */
export function paragraphMatching(text: string, index: number, tag: string): string | undefined {
  const paragraph = paragraphsOf(text)[index];
  return paragraph !== undefined && paragraphTag(paragraph) === tag ? paragraph : undefined;
}

export type ParagraphEdit =
  | { kind: "replace"; index: number; text: string }
  /** The text goes in right after paragraph `index`: the rest of a replacement that arrived in pieces (a long paste). */
  | { kind: "follow"; index: number; text: string }
  /** The text goes on paragraph `index` after `join`: the rest of a paragraph a client cut (a long paste, client-cuts.ts). */
  | { kind: "extend"; index: number; text: string; join: string }
  | { kind: "delete"; index: number }
  | { kind: "move"; index: number; by: -1 | 1 };

export type ParagraphEditResult = DraftEditResult | { ok: false; reason: "no-paragraph" };

/**
 * Whether `text` already holds, from paragraph `index` on, what a replacement writes there: the same replacement saved
 * by an update whose stage record a crash lost, delivered again by Telegram (its paragraph's tag no longer matches).
 */
export function holdsReplacement(text: string, edit: ParagraphEdit): boolean {
  if (edit.kind !== "replace") return false;
  const [paragraphs, written] = [paragraphsOf(text), paragraphsOf(edit.text)];
  return written.length > 0 && written.every((paragraph, offset) => paragraphs[edit.index + offset] === paragraph);
}

/** Applies one paragraph edit; the text that replaces a paragraph may itself be several paragraphs. */
export function editParagraph(text: string, edit: ParagraphEdit): ParagraphEditResult {
  const paragraphs = paragraphsOf(text);
  const { index } = edit;
  if (!Number.isInteger(index) || index < 0 || index >= paragraphs.length) return { ok: false, reason: "no-paragraph" };
  if (edit.kind === "delete") {
    paragraphs.splice(index, 1);
  } else if (edit.kind === "move") {
    const target = index + edit.by;
    if (target < 0 || target >= paragraphs.length) return { ok: false, reason: "no-paragraph" };
    const [moved] = paragraphs.splice(index, 1);
    paragraphs.splice(target, 0, moved as string);
  } else {
    const replacement = normaliseLetterText(edit.text);
    if (replacement === "") return { ok: false, reason: "empty" };
    if (edit.kind === "follow") paragraphs.splice(index + 1, 0, replacement);
    else if (edit.kind === "extend") paragraphs[index] += edit.join + replacement;
    else paragraphs.splice(index, 1, replacement);
  }
  const result = paragraphs.join("\n\n");
  const characters = countCharacters(result);
  if (characters > MAX_LETTER_CHARACTERS) return { ok: false, reason: "too-long", characters, limit: MAX_LETTER_CHARACTERS };
  return { ok: true, text: result, stats: draftStats(result) };
}

/**
 * The paragraphs of a text (`paragraphsOf`) and the number (0-based) of the paragraph holding each UTF-16 offset of the
 * normalised text, as the check reports them: the paragraphs before it end with a blank line that starts at least two
 * characters before the offset. One normalisation and one scan of the letter for all offsets; normalising, slicing and
 * splitting it again for each finding group cost a 12,000-character letter with five groups 0.8 ms (issue 14).
 */
export function paragraphsHolding(text: string, offsets: readonly number[]): { paragraphs: string[]; indexes: number[] } {
  const { paragraphs, breaks } = splitParagraphs(normaliseLetterText(text));
  const indexes = offsets.map((offset) => {
    let [low, high] = [0, breaks.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((breaks[middle] as number) + 2 <= offset) low = middle + 1;
      else high = middle;
    }
    return low;
  });
  return { paragraphs, indexes };
}

/**
 * The last paragraph a replacement or its continuation wrote (its number and tag), which the next piece of the same
 * paste follows; the text may itself be several paragraphs.
 */
export function lastParagraphWritten(edit: ParagraphEdit & { kind: "replace" | "follow" }): { index: number; tag: string } | undefined {
  const written = paragraphsOf(edit.text);
  const last = written.at(-1);
  if (last === undefined) return undefined;
  return { index: edit.index + written.length - (edit.kind === "replace" ? 1 : 0), tag: paragraphTag(last) };
}

/** A paragraph's first words for a list line: at most `max` characters, cut at a space, "…" when cut. */
export function paragraphPreview(paragraph: string, max: number): string {
  const flat = paragraph.replace(/\s+/gu, " ").trim();
  const chars = [...flat];
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
