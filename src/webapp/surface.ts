import type { CheckFinding } from "./protocol.js";
import type { ParagraphChange } from "./spans.js";

/**
 * Where the letter is typed and its risky spans drawn. Every offset is one of the letter's plain text (UTF-16 code
 * units, one "\n" between two paragraphs), the text the check, the counters and the draft use.
 *
 * Two surfaces (docs/webapp.md, "The editing surface"): `paragraph-surface.ts`, one contenteditable block per
 * paragraph with the marks drawn by the CSS Custom Highlight API, where the engine has both; else
 * `textarea-surface.ts`, a textarea over a backdrop holding the marks.
 */
export interface Surface {
  /** The element the writer types in: labelled, a textbox to assistive technology, focusable. */
  readonly element: HTMLElement;
  /** The text on screen now. */
  text(): string;
  /** Shows `text` in place of what is there (a loaded draft: not one of the writer's edits, so not undoable). */
  load(text: string, readOnly?: boolean): void;
  /** Editable from now on, holding at most `maxLength` characters. */
  enable(maxLength: number): void;
  /** The selection (or the caret, start = end). */
  selection(): { start: number; end: number };
  select(start: number, end: number): void;
  /** Deletes [start, end) as an edit of the writer's (undoable where the engine allows it); an input event follows. */
  remove(start: number, end: number): void;
  /**
   * Draws the marks of `findings` on the text on screen. `typing`: a redraw while typing, which may leave alone what
   * cannot have moved (a later full redraw brings it up to date); `change`, the paragraphs changed since the last
   * draw, if known, so that the others need not be looked at.
   */
  draw(findings: readonly CheckFinding[], typing: boolean, change?: ParagraphChange): void;
  /** Called after every change of the text by the writer. */
  onInput(listener: () => void): void;
}
