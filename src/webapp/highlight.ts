import type { CheckFinding } from "./protocol.js";
import { nonOverlapping } from "./spans.js";

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
  node: HTMLElement;
}

const rendered = new WeakMap<HTMLElement, Paragraph[]>();

export function renderBackdrop(backdrop: HTMLElement, text: string, findings: readonly CheckFinding[]): void {
  const drawn = nonOverlapping(findings);
  const wanted: { key: string; text: string; start: number; findings: CheckFinding[] }[] = [];
  let start = 0;
  let cursor = 0;
  for (const line of text.split("\n")) {
    const end = start + line.length;
    // Findings are sorted and do not overlap: skip the ones that ended before this paragraph.
    while (cursor < drawn.length && (drawn[cursor]?.end ?? 0) <= start) cursor++;
    const own: CheckFinding[] = [];
    for (let index = cursor; index < drawn.length && (drawn[index]?.start ?? Infinity) < end; index++) {
      const finding = drawn[index];
      if (finding) own.push(finding);
    }
    const key = `${line}\u0000${own.map((f) => `${f.start - start}:${Math.min(f.end, end) - start}:${f.category}:${f.severity}`).join(",")}`;
    wanted.push({ key, text: line, start, findings: own });
    start = end + 1;
  }

  const old = rendered.get(backdrop) ?? [];
  if (old.length === 0) backdrop.replaceChildren();
  let prefix = 0;
  while (prefix < old.length && prefix < wanted.length && old[prefix]?.key === wanted[prefix]?.key) prefix++;
  let suffix = 0;
  while (
    suffix < old.length - prefix &&
    suffix < wanted.length - prefix &&
    old[old.length - 1 - suffix]?.key === wanted[wanted.length - 1 - suffix]?.key
  ) {
    suffix++;
  }
  const fresh = wanted.slice(prefix, wanted.length - suffix).map((paragraph) => ({
    key: paragraph.key,
    node: paragraphNode(paragraph.text, paragraph.start, paragraph.findings),
  }));
  const removed = old.slice(prefix, old.length - suffix);
  const anchor = old[old.length - suffix]?.node ?? null;
  for (const paragraph of removed) paragraph.node.remove();
  for (const paragraph of fresh) backdrop.insertBefore(paragraph.node, suffix > 0 ? anchor : null);
  rendered.set(backdrop, [...old.slice(0, prefix), ...fresh, ...old.slice(old.length - suffix)]);
}

function paragraphNode(text: string, offset: number, findings: readonly CheckFinding[]): HTMLElement {
  const node = document.createElement("div");
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
