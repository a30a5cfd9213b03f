import { renderBackdrop } from "./highlight.js";
import type { CheckFinding } from "./protocol.js";
import type { ParagraphChange } from "./spans.js";
import type { Surface } from "./surface.js";

/**
 * The fallback surface, for engines without the CSS Custom Highlight API or `contenteditable="plaintext-only"`: a
 * plain textarea (native editing, selection, paste, undo, IME) over a backdrop that draws the marks (highlight.ts).
 * It takes the place of the page's paragraph surface `slot`, with the same id, labelled by `label`.
 */
export function createTextareaSurface(slot: HTMLElement, label: HTMLLabelElement): Surface {
  const backdrop = document.createElement("div");
  backdrop.className = "backdrop";
  backdrop.setAttribute("aria-hidden", "true");
  const area = document.createElement("textarea");
  area.id = slot.id;
  area.spellcheck = true;
  area.autocomplete = "off";
  area.disabled = true;
  slot.replaceWith(backdrop, area);
  label.htmlFor = area.id;
  slot.removeAttribute("aria-labelledby");
  area.addEventListener("scroll", () => {
    backdrop.scrollTop = area.scrollTop;
  });
  /** The textarea's scrollHeight when the backdrop last matched its text: equal now means as many wrapped lines. */
  let heightAtLastDraw = 0;

  return {
    element: area,
    text: () => area.value,
    load(text, readOnly = false) {
      area.value = text;
      area.readOnly = readOnly;
    },
    enable(maxLength) {
      area.maxLength = maxLength;
      area.disabled = false;
    },
    selection: () => ({ start: area.selectionStart, end: area.selectionEnd }),
    select(start, end) {
      area.focus();
      area.setSelectionRange(start, end);
    },
    remove(start, end) {
      area.focus();
      area.setSelectionRange(start, end);
      if (document.execCommand("delete")) return;
      area.value = area.value.slice(0, start) + area.value.slice(end);
      area.setSelectionRange(start, start);
      area.dispatchEvent(new Event("input"));
    },
    draw(findings: readonly CheckFinding[], typing: boolean, change?: ParagraphChange) {
      if (!typing) {
        renderBackdrop(backdrop, area.value, findings);
        backdrop.scrollTop = area.scrollTop;
        heightAtLastDraw = area.scrollHeight;
        return;
      }
      // Laid out now rather than later in this frame: the textarea's text changed either way.
      const height = area.scrollHeight;
      const sameLines = () => height > area.clientHeight && height === heightAtLastDraw;
      if (renderBackdrop(backdrop, area.value, findings, sameLines, change) === "drawn") heightAtLastDraw = height;
    },
    onInput: (listener) => area.addEventListener("input", listener),
  };
}
