import type { Message } from "grammy/types";
import { type CutJoinResult, joinCutPiece } from "../../../services/letters/client-cut.js";
import { readDraftStats } from "../../../services/letters/letters.js";
import { type CutPiece, withinPasteWindow, type WritingStage } from "../../../services/letters/writing-stage.js";
import type { DraftStats } from "../../../domain/letters/index.js";
import type { FlowContext } from "../../context.js";
import { answerSaved, statsLine, writingKeyboard } from "./flow/state.js";
import { storeStage } from "./stage-store.js";

type Stage = WritingStage & { writerId: number };
type Piece = Pick<Message, "date" | "message_id">;

/**
 * The message the stage saved last, delivered again (Telegram retries an update it had no answer to, e.g. across a
 * crash): answered with the draft as it is, not saved twice.
 */
export async function answerDeliveredAgain(ctx: FlowContext, stage: Stage, message: Piece): Promise<boolean> {
  if (stage.cut?.message !== message.message_id) return false;
  await answerSavedBefore(ctx, stage, await readDraftStats(ctx.deps, stage.writerId, stage.slug));
  return true;
}

/** A message of the writing stage that was saved before, delivered again: "Saved" with the draft as it is now. */
export async function answerSavedBefore(ctx: FlowContext, stage: Stage, stats: DraftStats | null): Promise<void> {
  const answer = stats ? ctx.t("letter-ui-saved", { stats: statsLine(ctx, stats) }) : ctx.t("letter-ui-draft-still-empty");
  await ctx.reply(answer, { reply_markup: writingKeyboard(ctx, { token: stage.token, target: { slug: stage.slug } }) });
}

/**
 * A text within the paste window after `piece`, which a client cut inside that paragraph (client-cuts.ts): it goes on
 * the paragraph, the stage becomes `after(…)` in the same transaction, and the writer is told. The result says whether
 * it was answered (joined, or joined before and delivered again), is a message of its own ("not-a-cut"), or was
 * refused as too long (for the caller to answer).
 */
export async function joinCut(
  ctx: FlowContext,
  stage: Stage,
  at: { piece: CutPiece | undefined; endsAt?: number },
  text: string,
  message: Piece,
  after: (paragraph: { index: number; tag: string }, cut: CutPiece) => WritingStage,
): Promise<{ ok: true } | Exclude<CutJoinResult, { ok: true } | { reason: "delivered-again" }>> {
  const raw = ctx.user?.letter_stage;
  const { piece } = at;
  if (!piece || !raw || !withinPasteWindow(piece.date, message.date)) return { ok: false, reason: "not-a-cut" };
  const joined = await joinCutPiece(ctx.deps, {
    writerId: stage.writerId,
    slug: stage.slug,
    piece,
    ...(at.endsAt === undefined ? {} : { endsAt: at.endsAt }),
    ...(stage.closing ? { closing: stage.closing } : {}),
    text,
    message,
    raw,
    stage: after,
  });
  if (!joined.ok && joined.reason === "delivered-again") {
    await answerSavedBefore(ctx, stage, joined.stats);
    return { ok: true };
  }
  if (!joined.ok) return joined;
  if (ctx.user) ctx.user.letter_stage = joined.stage;
  const keyboard = writingKeyboard(ctx, { token: stage.token, target: { slug: stage.slug } });
  await ctx.reply(ctx.t("letter-screens-cut-joined", { number: joined.paragraph + 1, stats: statsLine(ctx, joined.stats) }), { reply_markup: keyboard });
  return joined;
}

/**
 * The writing stage's text that may be the rest of the message before it, cut by the client inside a paragraph (a
 * paste longer than 4,096 characters): joined to that paragraph instead of becoming a paragraph of its own. False when
 * it is a message of its own, which the caller adds as any other.
 */
export async function continueCut(ctx: FlowContext, stage: Stage, text: string, message: Piece): Promise<boolean> {
  if (stage.cut === undefined) return false;
  const { writerId, cut: _piece, refused: _refused, ...record } = stage;
  const joined = await joinCut(ctx, stage, { piece: stage.cut }, text, message, (_paragraph, cut) => ({ ...record, cut }));
  if (joined.ok) return true;
  if (joined.reason !== "too-long") return false;
  // Refused as any message that passes the limit, and noted so: the next text saved says the letter lacks it.
  await answerSaved(ctx, stage, joined);
  await storeStage(ctx, writerId, { ...record, refused: true });
  return true;
}
