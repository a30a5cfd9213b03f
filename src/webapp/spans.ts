import type { CheckFinding } from "./protocol.js";

/** Pure span arithmetic of the editor's highlights (no DOM: unit-tested under Node). */

/** Marks cannot nest: where findings overlap, the earlier (then the longer) one is drawn. */
export function nonOverlapping(findings: readonly CheckFinding[]): CheckFinding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const drawn: CheckFinding[] = [];
  let end = 0;
  for (const finding of sorted) {
    if (finding.start < end || finding.end <= finding.start) continue;
    drawn.push(finding);
    end = finding.end;
  }
  return drawn;
}

/** Where a text changed: the lengths of its longest common prefix, then of the longest common suffix of the rest. */
export interface Edit {
  prefix: number;
  suffix: number;
}

/**
 * The edit from `before` to `after`. `near` (the previous keystroke's edit) is only a guess that spares scanning the
 * letter character by character up to the caret on every keystroke: it is checked by one native comparison of the
 * strings, and the result is the same with or without it.
 */
export function findEdit(before: string, after: string, near?: Edit): Edit {
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  const prefixGuess = Math.min(Math.max(0, (near?.prefix ?? 0) - 1), shortest);
  if (prefixGuess > 0 && before.slice(0, prefixGuess) === after.slice(0, prefixGuess)) prefix = prefixGuess;
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  const room = shortest - prefix;
  let suffix = 0;
  const suffixGuess = Math.min(Math.max(0, (near?.suffix ?? 0) - 1), room);
  if (suffixGuess > 0 && before.slice(before.length - suffixGuess) === after.slice(after.length - suffixGuess)) suffix = suffixGuess;
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

/**
 * Keeps highlights on their words while the writer types, until the next check answers: spans after the edit move
 * with it, spans the edit touched are dropped (the check will say whether they are still risky).
 */
export function shiftFindings(findings: readonly CheckFinding[], before: string, after: string, edit = findEdit(before, after)): CheckFinding[] {
  if (findings.length === 0) return [];
  const editEnd = before.length - edit.suffix;
  const delta = after.length - before.length;
  const kept: CheckFinding[] = [];
  for (const finding of findings) {
    if (finding.end <= edit.prefix) kept.push(finding);
    else if (finding.start >= editEnd) kept.push({ ...finding, start: finding.start + delta, end: finding.end + delta });
  }
  return kept;
}

/** The finding under the caret, if any (an empty selection inside or at the edge of a span). */
export function findingAt(findings: readonly CheckFinding[], position: number): CheckFinding | undefined {
  return findings.find((finding) => finding.start <= position && position <= finding.end);
}

/** The text with a span taken out, without leaving a double space or a space before punctuation behind. */
export function removeSpan(text: string, start: number, end: number): { text: string; caret: number } {
  let from = start;
  let to = end;
  const before = text[from - 1] ?? "";
  const after = text[to] ?? "";
  if (before === " " && (after === " " || /[.,!?;:…)]/.test(after) || after === "" || after === "\n")) from--;
  else if (after === " " && (before === "" || before === "\n")) to++;
  return { text: text.slice(0, from) + text.slice(to), caret: from };
}

/** A paragraph of the highlights' backdrop as far as its marks' places go. */
export interface MarkedParagraph {
  text: string;
  /** The marks, relative to the paragraph's start: "start:end:category:severity,…". */
  marks: string;
  /** Where the last mark ends (0 without marks). */
  lastMarkEnd: number;
}

/**
 * True when a paragraph edited from `before` to `now` draws its marks in the same places, given the same number of
 * wrapped lines: the same marks, and the same text up to and including the first space after the last of them (the
 * text before a mark places it, as lines break greedily; a word glued to the mark could carry it to the next line).
 */
export function marksStayPut(before: MarkedParagraph | undefined, now: MarkedParagraph): boolean {
  if (!before || before.marks !== now.marks) return false;
  if (now.marks === "") return true;
  const space = now.text.slice(now.lastMarkEnd).search(/\s/);
  if (space < 0) return false;
  const safe = now.lastMarkEnd + space + 1;
  return before.text.length >= safe && before.text.slice(0, safe) === now.text.slice(0, safe);
}

/** A mark inside one block of text, its offsets relative to the block's start. */
export interface BlockMark {
  start: number;
  end: number;
  category: string;
  severity: string;
}

/**
 * The marks to draw (`nonOverlapping`), cut into blocks of the given lengths that follow each other with one line
 * break between two. A finding across a line break is drawn in each block it covers; one in no block's text (past the
 * end, or only on line breaks) is not drawn.
 */
export function marksByBlock(lengths: readonly number[], findings: readonly CheckFinding[]): BlockMark[][] {
  const drawn = nonOverlapping(findings);
  const blocks: BlockMark[][] = [];
  let start = 0;
  let cursor = 0;
  for (const length of lengths) {
    const end = start + length;
    while (cursor < drawn.length && (drawn[cursor]?.end ?? 0) <= start) cursor++;
    const own: BlockMark[] = [];
    for (let index = cursor; index < drawn.length && (drawn[index]?.start ?? Infinity) < end; index++) {
      const finding = drawn[index];
      if (finding) own.push({ start: Math.max(finding.start, start) - start, end: Math.min(finding.end, end) - start, category: finding.category, severity: finding.severity });
    }
    blocks.push(own);
    start = end + 1;
  }
  return blocks;
}

/**
 * The paragraphs (lines between "\n") an edit touched: the `index` of the first, which starts at offset `start` in
 * both texts, how many of the old text's it replaced (`removed`) and the new text's in their place (`added`). Every
 * paragraph before them is the same, every one after them the same text moved by the edit's change of length.
 */
export interface ParagraphChange {
  index: number;
  start: number;
  removed: number;
  added: string[];
}

/**
 * What changed from `before` (drawn with `beforeFindings`) to `after` (with `afterFindings`) in paragraphs, so that
 * a keystroke's frame redraws and counts one paragraph instead of the letter's 200. `near` is findEdit's guess.
 * Undefined when a finding of either text crosses the edge of the changed paragraphs: a mark outside them could then
 * have changed too (one the edit dropped, or one the check put across a line break), and everything is redrawn.
 */
export function paragraphsChanged(
  before: string,
  beforeFindings: readonly CheckFinding[],
  after: string,
  afterFindings: readonly CheckFinding[],
  near?: Edit,
): { change: ParagraphChange; edit: Edit } | undefined {
  const edit = findEdit(before, after, near);
  // (lastIndexOf would look at offset 0 for a prefix of 0.)
  const start = edit.prefix === 0 ? 0 : before.lastIndexOf("\n", edit.prefix - 1) + 1;
  // The same distance from the end in both texts: the edit's common suffix.
  const fromEnd = (() => {
    const at = before.indexOf("\n", before.length - edit.suffix);
    return before.length - (at < 0 ? before.length : at);
  })();
  const crosses = (findings: readonly CheckFinding[], end: number) =>
    findings.some((finding) => (finding.start < start && finding.end > start) || (finding.start < end && finding.end > end));
  if (crosses(beforeFindings, before.length - fromEnd) || crosses(afterFindings, after.length - fromEnd)) return undefined;
  let index = 0;
  for (let at = before.indexOf("\n"); at >= 0 && at < start; at = before.indexOf("\n", at + 1)) index++;
  let removed = 1;
  for (let at = before.indexOf("\n", start); at >= 0 && at < before.length - fromEnd; at = before.indexOf("\n", at + 1)) removed++;
  return { change: { index, start, removed, added: after.slice(start, after.length - fromEnd).split("\n") }, edit };
}
