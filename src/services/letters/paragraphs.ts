import { inTransaction } from "../../db/database.js";
import { findActiveDrafts, saveDraftText } from "../../db/repositories/letters.js";
import { holdPersonForWrite, replaceLetterStageIf } from "../../db/repositories/users.js";
import { editParagraph, holdsReplacement, type ParagraphEdit, type ParagraphEditResult, paragraphMatching } from "../../domain/letters/paragraphs.js";
import { type DraftStats, draftStats } from "../../domain/letters/index.js";
import { holdsSavedMessage } from "../../domain/letters/saved-messages.js";
import type { ServiceDeps } from "../deps.js";

/** `again`: the message making the change was saved before (Telegram delivered it again): nothing written. */
export type ParagraphChange = { ok: true; stats: DraftStats; again?: true } | Exclude<ParagraphEditResult, { ok: true }> | { ok: false; reason: "changed" };

/**
 * One paragraph of the writer's draft edited, deleted or moved, if the paragraph is still the one the button showed
 * (`tag`): a button of an older view never edits another paragraph. Read and write in one transaction. `stage`: the
 * writer's stage record to write with the edit (`record`, only while it is still `raw`, as the update read it), so a
 * crash cannot leave the draft changed and the stage as before, which the same message delivered again would then
 * take for new text. `message`: the id of the writer's message that makes the change (the rest of a paste), which the
 * draft remembers with it, so that the same message delivered again is answered `again` instead of placed twice.
 */
export async function changeParagraph(
  deps: ServiceDeps,
  input: { writerId: number; slug: string; tag: string; edit: ParagraphEdit; stage?: { raw: string; record: string }; message?: number },
): Promise<ParagraphChange> {
  return inTransaction(deps.db, async (trx) => {
    // The writer's row before the draft's, as the letter editor's save takes them: the stage is written after the text.
    if (input.stage) await holdPersonForWrite(trx, input.writerId);
    const draft = (await findActiveDrafts(trx, input.writerId)).find((letter) => letter.prisoner_slug === input.slug);
    const text = draft?.text ?? "";
    if (!draft) return { ok: false, reason: "changed" };
    const { message } = input;
    if (message !== undefined && holdsSavedMessage(draft.saved_messages, message)) return { ok: true, stats: draftStats(text), again: true };
    if (paragraphMatching(text, input.edit.index, input.tag) === undefined) {
      // The same replacement saved before (a retried update): done, not "changed", so the rest of its paste follows it.
      return holdsReplacement(text, input.edit) ? { ok: true, stats: draftStats(text) } : { ok: false, reason: "changed" };
    }
    const result = editParagraph(text, input.edit);
    if (!result.ok) return result;
    await saveDraftText(trx, { letterId: draft.id, writerId: input.writerId, text: result.text, now: deps.clock.now(), message });
    if (input.stage) await replaceLetterStageIf(trx, input.writerId, input.stage.raw, input.stage.record);
    return { ok: true, stats: result.stats };
  });
}
