import type { CheckFinding } from "./protocol.js";
import { marksStayPut, nonOverlapping, type ParagraphChange } from "./spans.js";

/**
 * The highlights live in a backdrop behind a transparent textarea: the same text in the same font and wrapping,
 * with the risky spans wrapped in <mark>. The textarea stays a plain textarea (native editing, selection, paste,
 * spellcheck, screen readers); the backdrop only draws the underlines.
 *
 * The backdrop holds one block per paragraph and a keystroke replaces only the paragraphs it changed, so the browser
 * lays out one paragraph again rather than 12,000 characters (see bench/webapp.ts).
 */
interface Paragraph {
  key: string;
  text: string;
  /** The paragraph's marks, relative to its start: "start:end:category:severity,…". */
  marks: string;
  /** Where the paragraph's last mark ends (0 without marks). */
  lastMarkEnd: number;
  node: HTMLElement;
}

const rendered = new WeakMap<HTMLElement, Paragraph[]>();

/**
 * `sameLines` (while typing): true when the textarea has as many wrapped lines as at the last render. Then an edit
 * that adds or removes no paragraph and, in each paragraph it touches, keeps the same marks and the same text up to
 * the first space after the last mark changes nothing the writer can see: the text before a mark places it (lines
 * break greedily), the backdrop's text is invisible, and a paragraph's height places the marks after it, but its
 * line count is unchanged. The backdrop is then left as it is, with its old keys, and a later render brings those
 * paragraphs up to date. Typing anywhere but before a mark of its own paragraph costs the backdrop nothing.
 *
 * `change` (while typing): the paragraphs that changed since the last render (`paragraphsChanged`); only they are
 * looked at, so a keystroke costs the same in a letter of 200 paragraphs as in one of a single paragraph.
 */
export function renderBackdrop(
  backdrop: HTMLElement,
  text: string,
  findings: readonly CheckFinding[],
  sameLines?: () => boolean,
  change?: ParagraphChange,
): "drawn" | "left" {
  const old = rendered.get(backdrop) ?? [];
  const region = change && change.index + change.removed <= old.length ? change : undefined;
  const first = region?.index ?? 0;
  const before = region ? old.slice(first, first + region.removed) : old;
  const wanted = describeParagraphs(region?.added ?? text.split("\n"), region?.start ?? 0, nonOverlapping(findings));
  if (old.length === 0) backdrop.replaceChildren();
  let prefix = 0;
  while (prefix < before.length && prefix < wanted.length && before[prefix]?.key === wanted[prefix]?.key) prefix++;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < wanted.length - prefix &&
    before[before.length - 1 - suffix]?.key === wanted[wanted.length - 1 - suffix]?.key
  ) {
    suffix++;
  }
  const removed = before.slice(prefix, before.length - suffix);
  const changed = wanted.slice(prefix, wanted.length - suffix);
  if (
    sameLines &&
    changed.length > 0 &&
    changed.length === removed.length &&
    changed.every((paragraph, index) => marksStayPut(removed[index], paragraph)) &&
    sameLines()
  ) {
    return "left";
  }
  const fresh = changed.map(({ start: offset, findings: own, ...paragraph }) => ({
    ...paragraph,
    node: paragraphNode(paragraph.text, offset, own),
  }));
  // The paragraph after the replaced ones (none: they were the last).
  const anchor = old[first + before.length - suffix]?.node ?? null;
  for (const paragraph of removed) paragraph.node.remove();
  for (const paragraph of fresh) backdrop.insertBefore(paragraph.node, anchor);
  old.splice(first + prefix, removed.length, ...fresh);
  rendered.set(backdrop, old);
  return "drawn";
}

/** Each paragraph of `lines` (the first at offset `start` of the text) with its share of the marks `drawn`. */
function describeParagraphs(lines: readonly string[], start: number, drawn: readonly CheckFinding[]) {
  const described: (Omit<Paragraph, "node"> & { start: number; findings: CheckFinding[] })[] = [];
  let cursor = 0;
  for (const line of lines) {
    const end = start + line.length;
    // Findings are sorted and do not overlap: skip the ones that ended before this paragraph.
    while (cursor < drawn.length && (drawn[cursor]?.end ?? 0) <= start) cursor++;
    const own: CheckFinding[] = [];
    for (let index = cursor; index < drawn.length && (drawn[index]?.start ?? Infinity) < end; index++) {
      const finding = drawn[index];
      if (finding) own.push(finding);
    }
    const marks = own.map((f) => `${f.start - start}:${Math.min(f.end, end) - start}:${f.category}:${f.severity}`).join(",");
    const last = own.at(-1);
    const lastMarkEnd = last ? Math.min(last.end, end) - start : 0;
    described.push({ key: `${line}\u0000${marks}`, text: line, marks, lastMarkEnd, start, findings: own });
    start = end + 1;
  }
  return described;
}

function paragraphNode(text: string, offset: number, findings: readonly CheckFinding[]): HTMLElement {
  const node = document.createElement("div");
  // Nothing to underline: the paragraph only holds its place (its height), and is not painted at all.
  if (findings.length === 0) node.className = "plain";
  let at = 0;
  for (const finding of findings) {
    const from = Math.max(0, finding.start - offset);
    const to = Math.min(text.length, finding.end - offset);
    if (from > at) node.append(text.slice(at, from));
    const mark = document.createElement("mark");
    mark.dataset.c = finding.category;
    if (finding.severity === "advice") mark.className = "advice";
    mark.textContent = text.slice(from, to);
    node.append(mark);
    at = to;
  }
  // An empty paragraph still takes a line, as it does in the textarea.
  if (at < text.length) node.append(text.slice(at));
  else if (text === "") node.append("\u200b");
  return node;
}
