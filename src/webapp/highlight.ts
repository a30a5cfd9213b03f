import type { CheckFinding } from "./protocol.js";
import { nonOverlapping } from "./spans.js";

/**
 * The highlights live in a backdrop behind a transparent textarea: the same text in the same font and wrapping,
 * with the risky spans wrapped in <mark>. The textarea stays a plain textarea (native editing, selection, paste,
 * spellcheck, screen readers); the backdrop only draws the underlines.
 */
export function renderBackdrop(backdrop: HTMLElement, text: string, findings: readonly CheckFinding[]): void {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const finding of nonOverlapping(findings)) {
    if (finding.start > at) fragment.append(text.slice(at, finding.start));
    const mark = document.createElement("mark");
    mark.dataset.c = finding.category;
    if (finding.severity === "advice") mark.className = "advice";
    mark.textContent = text.slice(finding.start, finding.end);
    fragment.append(mark);
    at = finding.end;
  }
  // A trailing line break needs something after it, or the backdrop ends one line short of the textarea.
  fragment.append(`${text.slice(at)}\u200b`);
  backdrop.replaceChildren(fragment);
}

