import {
  applyDraftEdit,
  countCharacters,
  type DraftEditMode,
  type DraftEditResult,
  draftStats,
  MAX_LETTER_CHARACTERS,
  normaliseLetterText,
} from "./index.js";

/**
 * `applyDraftEdit` with one addition for letters begun with the constructor: while the draft still ends with the
 * starter's closing (wishes and sign-off), a new message goes in before it, where the writer's own story belongs.
 * Once the writer replaces the text or changes the ending, messages are appended as usual.
 */
export function editDraft(
  current: string | null,
  incoming: string,
  mode: DraftEditMode,
  closing?: string,
): DraftEditResult & { beforeClosing?: boolean } {
  const base = normaliseLetterText(current ?? "");
  const ending = normaliseLetterText(closing ?? "");
  if (mode === "replace" || ending === "" || !base.endsWith(ending)) return applyDraftEdit(base, incoming, mode);
  const result = applyDraftEdit(base.slice(0, base.length - ending.length), incoming, "append");
  if (!result.ok) return result;
  const text = `${result.text}\n\n${ending}`;
  const characters = countCharacters(text);
  if (characters > MAX_LETTER_CHARACTERS) return { ok: false, reason: "too-long", characters, limit: MAX_LETTER_CHARACTERS };
  return { ok: true, text, stats: draftStats(text), beforeClosing: true };
}

/** Whether new messages would go in before the constructor's closing: the draft still ends with it. */
export function endsWithClosing(current: string | null, closing: string | undefined): boolean {
  const ending = normaliseLetterText(closing ?? "");
  return ending !== "" && normaliseLetterText(current ?? "").endsWith(ending);
}
