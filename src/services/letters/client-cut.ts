import { inTransaction } from "../../db/database.js";
import { findDraftTo, saveDraftText } from "../../db/repositories/letters.js";
import { holdPersonForWrite, replaceLetterStageIf } from "../../db/repositories/users.js";
import { joinOfClientCut, mayBeCutPiece } from "../../domain/letters/client-cuts.js";
import { draftStats, normaliseLetterText } from "../../domain/letters/draft.js";
import { holdsSavedMessage } from "../../domain/letters/saved-messages.js";
import { editParagraph, paragraphsOf, paragraphTag } from "../../domain/letters/paragraphs.js";
import type { DraftStats } from "../../domain/letters/index.js";
import type { ServiceDeps } from "../deps.js";
import { type CutPiece, serialiseWritingStage, type WritingStage } from "./writing-stage.js";

/** A message just saved, as the stage remembers it when it may be the first piece of a client's cut; else undefined. */
export function cutPieceOf(text: string, message: { date: number; message_id: number }): CutPiece | undefined {
  // Normalising only shortens a text: most messages are told apart by their length alone, without it.
  if (!mayBeCutPiece(text)) return undefined;
  const saved = normaliseLetterText(text);
  return mayBeCutPiece(saved) ? pieceOf(saved, message) : undefined;
}

/** Any message just saved, as the stage remembers it: the same message delivered again is then recognised. */
export function savedPieceOf(text: string, message: { date: number; message_id: number }): CutPiece {
  return pieceOf(normaliseLetterText(text), message);
}

function pieceOf(saved: string, message: { date: number; message_id: number }): CutPiece {
  return { date: message.date, message: message.message_id, length: saved.length, tag: paragraphTag(saved) };
}

export type CutJoinResult =
  | { ok: true; stats: DraftStats; paragraph: number; stage: string }
  | { ok: false; reason: "not-a-cut" }
  /** The same message saved before (Telegram delivered it again): nothing written, `stats` are the draft's. */
  | { ok: false; reason: "delivered-again"; stats: DraftStats }
  | { ok: false; reason: "too-long"; characters: number; limit: number; stats: DraftStats };

/**
 * A text that came within the paste window after `piece`: when a client's cut explains the two as one paragraph cut
 * inside (client-cuts.ts), the text goes on that paragraph, and the stage (`raw`, as this update read it) becomes
 * `stage(paragraph)`, the last paragraph the text wrote, in the same transaction, so a crash cannot leave the draft
 * joined and the stage still expecting the piece before (the same message delivered again would then be joined twice).
 * "not-a-cut" when the draft no longer ends the piece where the stage says (saved elsewhere meanwhile) or no client's
 * cut explains them: the text is then a message of its own. `endsAt`: the paragraph the piece ended (a replacement's),
 * else the last before the closing.
 */
export async function joinCutPiece(
  deps: ServiceDeps,
  input: {
    writerId: number;
    slug: string;
    piece: CutPiece;
    endsAt?: number;
    closing?: string;
    text: string;
    message: { date: number; message_id: number };
    raw: string;
    stage: (paragraph: { index: number; tag: string }, cut: CutPiece) => WritingStage;
  },
): Promise<CutJoinResult> {
  return inTransaction(deps.db, async (trx) => {
    // The writer's row before the draft's, as the letter editor's save takes them: the stage is written after the text.
    await holdPersonForWrite(trx, input.writerId);
    const draft = await findDraftTo(trx, input.writerId, input.slug);
    const text = draft?.text ?? "";
    if (draft && holdsSavedMessage(draft.saved_messages, input.message.message_id)) return { ok: false, reason: "delivered-again", stats: draftStats(text) };
    const index = input.endsAt ?? lastParagraphBefore(text, input.closing);
    const before = paragraphsOf(text).slice(0, index + 1);
    const previous = before.join("\n\n").slice(-input.piece.length);
    const next = normaliseLetterText(input.text);
    const join = before.length === index + 1 && paragraphTag(previous) === input.piece.tag ? joinOfClientCut(previous, next) : undefined;
    if (!draft || join === undefined) return { ok: false, reason: "not-a-cut" };
    const result = editParagraph(text, { kind: "extend", index, text: next, join });
    if (!result.ok) return result.reason === "too-long" ? { ...result, stats: draftStats(text) } : { ok: false, reason: "not-a-cut" };
    await saveDraftText(trx, { letterId: draft.id, writerId: input.writerId, text: result.text, now: deps.clock.now(), message: input.message.message_id });
    // The text may hold paragraph breaks of its own: a replacement's next piece follows the last paragraph it wrote.
    const last = index + paragraphsOf(next).length - 1;
    const paragraph = { index: last, tag: paragraphTag(paragraphsOf(result.text)[last] ?? "") };
    // Remembered even when short (the last piece), so that the same message delivered again is not joined twice.
    const stage = serialiseWritingStage(input.stage(paragraph, pieceOf(next, input.message)));
    await replaceLetterStageIf(trx, input.writerId, input.raw, stage);
    return { ok: true, stats: result.stats, paragraph: index, stage };
  });
}

/** The number of the last paragraph of the writer's own text: before the starter's closing while the draft ends with it. */
function lastParagraphBefore(text: string, closing: string | undefined): number {
  const ending = closing ? normaliseLetterText(closing) : "";
  const body = ending !== "" && text.endsWith(`\n\n${ending}`) ? text.slice(0, -ending.length - 2) : text;
  return paragraphsOf(body).length - 1;
}
