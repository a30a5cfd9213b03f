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

/**
 * Keeps highlights on their words while the writer types, until the next check answers: spans after the edit move
 * with it, spans the edit touched are dropped (the check will say whether they are still risky).
 */
export function shiftFindings(findings: readonly CheckFinding[], before: string, after: string): CheckFinding[] {
  if (findings.length === 0) return [];
  let prefix = 0;
  const shortest = Math.min(before.length, after.length);
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  const editEnd = before.length - suffix;
  const delta = after.length - before.length;
  const kept: CheckFinding[] = [];
  for (const finding of findings) {
    if (finding.end <= prefix) kept.push(finding);
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
