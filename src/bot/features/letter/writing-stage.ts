import { Composer, type NextFunction } from "grammy";
import { readDraftStats, saveDraftInput, type SaveOutcome } from "../../../services/letters/letters.js";
import { cutPieceOf } from "../../../services/letters/client-cut.js";
import {
  continuesReplacement,
  type CutPiece,
  leaveWritingStage,
  leaveWritingStageForFlow,
  parseWritingStage,
  replaceWritingStage,
  type WritingStage,
} from "../../../services/letters/writing-stage.js";
import type { BotContext, FlowContext } from "../../context.js";
import { flowButton } from "./callbacks.js";
import { LETTER_FLOW_ID } from "./flow/letter-flow.js";
import { PARAGRAPH_ACTIONS } from "./flow/paragraphs.js";
import { answerSaved, statsLine, WRITING_ACTIONS, writingKeyboard } from "./flow/state.js";
import { handleOpeningScreen } from "./opening-stage.js";
import { handleSigningScreen } from "./signing-stage.js";
import { checkFromWritingStage } from "./stage-steps.js";
import { answerDeliveredAgain, continueCut } from "./cut-rest.js";
import { continuePaste } from "./paste-rest.js";
import { storeStage } from "./stage-store.js";
import { pressedAgain, showWritingAgain } from "./pressed-again.js";
import { deleteStoredFlowsUnlessWritten } from "../../flows/stale-flows.js";

/** Buttons of the writing screen that wait for more or lead on: the letter conversation takes them over. */
const HANDED_OVER: readonly string[] = [...WRITING_ACTIONS.filter((action) => action !== "append"), ...PARAGRAPH_ACTIONS];

/**
 * The sender's stored stage, only for an update of theirs in their private chat: a message or command they send in a
 * group neither adds to their letter nor leaves it.
 */
function ownStageOf(ctx: FlowContext): { user: NonNullable<FlowContext["user"]>; raw: string } | undefined {
  const user = ctx.user;
  if (!user?.letter_stage || ctx.chat?.type !== "private" || ctx.from?.id !== user.id) return undefined;
  return { user, raw: user.letter_stage };
}

/** The writing stage of the sender, when the update is theirs in their private chat. */
export function writingStageOf(ctx: FlowContext): (WritingStage & { writerId: number }) | undefined {
  const own = ownStageOf(ctx);
  const stage = own && parseWritingStage(own.raw);
  return stage ? { ...stage, writerId: own.user.id } : undefined;
}

/** Whether the update is the sender's, in their private chat, in the writing stage: no flow is stored for that chat. */
export function inWritingStage(ctx: FlowContext): boolean {
  return writingStageOf(ctx) !== undefined;
}

/**
 * Leaves the writing stage, if the sender is in it (a command, /cancel, another flow entered). The draft stays; the
 * writing screen's buttons then answer as stale, like those of any flow that ended.
 */
export async function leaveWritingStageOf(ctx: FlowContext): Promise<void> {
  const own = ownStageOf(ctx);
  if (!own) return;
  await leaveWritingStage(ctx.deps, own.user.id);
  own.user.letter_stage = null;
}

/**
 * Leaves the writing stage for a flow being entered (the conversations plugin's `onEnter`): as `leaveWritingStageOf`,
 * but a stored flow a crash may have left is deleted at the update's end only if the flow entered wrote none.
 */
export async function leaveWritingStageForFlowOf(ctx: FlowContext): Promise<void> {
  const own = ownStageOf(ctx);
  if (!own) return;
  await leaveWritingStageForFlow(ctx.deps, own.user.id);
  own.user.letter_stage = null;
  deleteStoredFlowsUnlessWritten(ctx);
}

/**
 * Keeps on the stage whether a message was refused as too long since the last one saved, so that the next one saved
 * says the letter lacks it (a long paste arrives in pieces), and the message just saved when it may be the first piece
 * of a client's cut (`cut`, which the next piece may continue: cut-rest.ts). Written only when either changes: a
 * refusal, the save after it, a long message, the message after it.
 */
async function noteSaved(ctx: FlowContext, stage: WritingStage & { writerId: number }, outcome: SaveOutcome, cut: CutPiece | undefined): Promise<void> {
  const refused = outcome.ok ? false : outcome.reason === "too-long" || stage.refused === true;
  if (refused === (stage.refused === true) && cut === stage.cut) return;
  const { writerId, refused: _was, cut: _piece, ...record } = stage;
  await storeStage(ctx, writerId, { ...record, ...(refused ? { refused } : {}), ...(cut ? { cut } : {}) });
}

/**
 * Leaves the stage for a screen that `open` records in its place (step 1: the opening screen, or a draft's writing
 * screen): the new record overwrites the old one instead of following a write that cleared it; a refusal, which records
 * nothing, leaves the stage as before.
 */
export async function replaceWritingStageOf(ctx: FlowContext, open: () => Promise<void>): Promise<void> {
  const own = ownStageOf(ctx);
  if (!own) return open();
  await replaceWritingStage(ctx.deps, own.user.id, async () => {
    await open();
    return own.user.letter_stage !== own.raw;
  });
  if (own.user.letter_stage === own.raw) own.user.letter_stage = null;
}

const composer = new Composer<BotContext>();

/**
 * The writing stage of the letter flow (issue 14, docs/letter-flow-stages.md): each message is a paragraph saved to the
 * draft at once, answered with where the letter stands; no conversation is replayed, so a message costs the same at
 * the sixtieth step as at the second and for a 12,000-character letter as for a short one. Buttons that wait for more
 * (replace, discard, a paragraph) or lead on (done) enter the letter conversation with the stage; buttons of another
 * token and other updates go on to the features behind, as they did past the conversation's wait.
 */
composer.use((ctx, next) => handleStageUpdate(ctx, next));

/**
 * An update of a writer in a stage (the opening, writing or signing screen); anything else goes on. A text that is
 * not a command needs no flow: `letterStageEarly` (./stage-early.ts) calls this before the conversations plugin, so
 * nothing on a text's path here may use `ctx.conversation` (buttons and media come through `letterWritingStage`).
 */
export async function handleStageUpdate(ctx: BotContext, next: NextFunction): Promise<void> {
  const stage = writingStageOf(ctx);
  if (!stage) return next();
  if (stage.opening) return handleOpeningScreen(ctx, { ...stage, opening: stage.opening }, next);
  if (stage.signing) return handleSigningScreen(ctx, { ...stage, signing: stage.signing }, next);
  const keys = { token: stage.token, target: { slug: stage.slug } };
  if (ctx.message !== undefined || ctx.editedMessage !== undefined) {
    const message = ctx.message;
    if (message?.text !== undefined) {
      const { text, date } = message;
      if (await answerDeliveredAgain(ctx, stage, message)) return;
      if (continuesReplacement(stage.replaced, date) && (await continuePaste(ctx, stage, stage.replaced, text, message))) return;
      if (await continueCut(ctx, stage, text, message)) return;
      const input = { writerId: stage.writerId, slug: stage.slug, text, mode: "append", message: message.message_id } as const;
      const outcome = await saveDraftInput(ctx.deps, { ...input, ...(stage.closing ? { closing: stage.closing } : {}) });
      await answerSaved(ctx, stage, outcome, false, stage.refused === true);
      // Delivered again: the stage already says what followed this message's first handling.
      if (!(outcome.ok && outcome.again)) await noteSaved(ctx, stage, outcome, outcome.ok ? cutPieceOf(text, message) : undefined);
      return;
    }
    const stats = await readDraftStats(ctx.deps, stage.writerId, stage.slug);
    const note = ctx.editedMessage ? "letter-ui-writing-edited" : "letter-ui-text-only";
    const safe = stats && stats.characters > 0 ? ctx.t("letter-ui-draft-safe", { stats: statsLine(ctx, stats) }) : ctx.t("letter-ui-draft-still-empty");
    await ctx.reply(`${ctx.t(note)}\n\n${safe}`, { reply_markup: writingKeyboard(ctx, keys) });
    return;
  }
  const parts = flowButton.unpack(ctx.callbackQuery?.data);
  if (!parts || parts[0] !== stage.token) return next();
  const action = parts[1] ?? "";
  if (action === "append") {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("letter-ui-append-prompt"), { reply_markup: writingKeyboard(ctx, keys) });
    return;
  }
  if (!HANDED_OVER.includes(action)) return pressedAgain(ctx, stage) ? showWritingAgain(ctx, stage) : next();
  if (action === "done") return checkFromWritingStage(ctx, stage);
  const { writerId: _writer, ...writing } = stage;
  await ctx.conversation.enter(LETTER_FLOW_ID, { writing });
}

export { composer as letterWritingStage };
