import type { Message } from "grammy/types";
import { lastParagraphWritten } from "../../../domain/letters/paragraphs.js";
import { savedPieceOf } from "../../../services/letters/client-cut.js";
import { changeParagraph } from "../../../services/letters/paragraphs.js";
import { type ReplacedParagraph, serialiseWritingStage, type WritingStage } from "../../../services/letters/writing-stage.js";
import type { FlowContext } from "../../context.js";
import { statsLine, writingKeyboard } from "./flow/state.js";
import { answerSavedBefore, joinCut } from "./cut-rest.js";
import { storeStage } from "./stage-store.js";

type Stage = WritingStage & { writerId: number };

/**
 * A text that arrives right after a paragraph's replacement is the rest of the same paste (Telegram splits a text over
 * 4,096 characters into several messages; a writer may send two at once): it goes in after the paragraph that
 * replacement wrote, as the writing stage joins pieces (a paragraph each), instead of at the end of the letter. The
 * stage then remembers this piece, so a third follows it; when the replacement was not saved (too long, or its
 * paragraph changed meanwhile), its rest is refused with it. `replaced` is the stage's, the caller having found the text
 * within its window (`continuesReplacement`). False when the paragraph changed since (the editor Mini App): the text is
 * then added as any other.
 */
export async function continuePaste(
  ctx: FlowContext,
  stage: Stage,
  replaced: ReplacedParagraph,
  text: string,
  message: Pick<Message, "date" | "message_id">,
): Promise<boolean> {
  const { writerId, replaced: _before, refused: _refused, cut: _piece, ...record } = stage;
  const { date } = message;
  const keyboard = writingKeyboard(ctx, { token: stage.token, target: { slug: stage.slug } });
  if (replaced.refused) {
    // A piece of this paste was not saved: the rest must not land at the end of the letter either.
    await storeStage(ctx, writerId, { ...record, ...(stage.refused ? { refused: true } : {}), replaced: { ...replaced, date } });
    await ctx.reply(ctx.t("letter-screens-paste-rest-refused", { number: replaced.index + 1 }), { reply_markup: keyboard });
    return true;
  }
  const joined = await joinCut(ctx, stage, { piece: stage.cut, endsAt: replaced.index }, text, message, (paragraph, cut) => ({ ...record, replaced: { ...paragraph, date }, cut }));
  if (joined.ok) return true;
  if (joined.reason === "too-long") return refuseTooLong(ctx, stage, replaced, joined, date);
  const raw = ctx.user?.letter_stage;
  if (!raw) return false;
  const edit = { kind: "follow" as const, index: replaced.index, text };
  const written = lastParagraphWritten(edit);
  // The piece's message id goes on the stage however short the piece, with the draft's write: the same message
  // delivered again (an answer to Telegram lost) is then answered, not placed a second time (answerDeliveredAgain).
  const after = serialiseWritingStage({ ...record, ...(written ? { replaced: { ...written, date } } : {}), cut: savedPieceOf(text, message) });
  const outcome = await changeParagraph(ctx.deps, { writerId, slug: stage.slug, tag: replaced.tag, edit, stage: { raw, record: after }, message: message.message_id });
  if (outcome.ok && outcome.again) {
    await answerSavedBefore(ctx, stage, outcome.stats);
    return true;
  }
  if (outcome.ok) {
    if (ctx.user) ctx.user.letter_stage = after;
    const last = (written?.index ?? replaced.index) + 1;
    await ctx.reply(ctx.t("letter-screens-paragraph-continued", { number: replaced.index + 1, last, stats: statsLine(ctx, outcome.stats) }), { reply_markup: keyboard });
    return true;
  }
  return outcome.reason === "too-long" && refuseTooLong(ctx, stage, replaced, outcome, date);
}

/**
 * A piece refused like a paragraph's edit, and the pieces after it with it; the next text saved later says the letter
 * lacks a piece, as after any refusal in the writing stage.
 */
async function refuseTooLong(ctx: FlowContext, stage: Stage, replaced: ReplacedParagraph, refusal: { characters: number; limit: number }, date: number): Promise<true> {
  const { writerId, replaced: _before, refused: _refused, cut: _piece, ...record } = stage;
  await storeStage(ctx, writerId, { ...record, refused: true, replaced: { ...replaced, date, refused: true } });
  const keyboard = writingKeyboard(ctx, { token: stage.token, target: { slug: stage.slug } });
  await ctx.reply(ctx.t("letter-screens-paragraph-too-long", { characters: refusal.characters, limit: refusal.limit }), { reply_markup: keyboard });
  return true;
}
