import type { NextFunction } from "grammy";
import { cutPieceOf } from "../../../services/letters/client-cut.js";
import { startDraft } from "../../../services/letters/letters.js";
import type { OpeningScreen, WritingStage } from "../../../services/letters/writing-stage.js";
import type { BotContext } from "../../context.js";
import { directly } from "../../flows/index.js";
import { flowButton } from "./callbacks.js";
import { OPENING_ACTIONS } from "./flow/guidance.js";
import { LETTER_FLOW_ID } from "./flow/letter-flow.js";
import { answerSaved } from "./flow/state.js";
import { parkInStage, replyWritingScreen } from "./flow/writing.js";
import { checkFromWritingStage } from "./stage-steps.js";

type OpeningStage = WritingStage & { writerId: number; opening: OpeningScreen };

/**
 * An update of a writer on the opening screen (issue 14, docs/letter-flow-stages.md), without replaying the
 * conversation that showed it: the first text starts the draft and brings the writing screen and stage; stickers,
 * photos and edits are answered as the screen's step answered them; its buttons enter the letter conversation with
 * the stage; anything else (another flow's button, forged data) goes on to the features behind.
 */
export async function handleOpeningScreen(ctx: BotContext, stage: OpeningStage, next: NextFunction): Promise<void> {
  const { writerId, opening, ...writing } = stage;
  if (ctx.message !== undefined || ctx.editedMessage !== undefined) {
    const message = ctx.message;
    const text = message?.text;
    if (message === undefined || text === undefined) {
      await ctx.reply(ctx.t(ctx.editedMessage ? "letter-ui-writing-edited" : "letter-ui-text-only"));
      return;
    }
    const outcome = await startDraft(ctx.deps, { writerId, slug: stage.slug, text, message: message.message_id });
    // A refusal (blank, too long) is answered and the screen stays; a saved text is answered by the writing screen.
    if (!outcome.ok) {
      await answerSaved(ctx, stage, outcome, true);
      return;
    }
    const keys = { token: stage.token, target: { slug: stage.slug, ...opening } };
    await replyWritingScreen(ctx, { ...keys, system: stage.system, stats: outcome.stats, beforeClosing: false, unchecked: opening.unchecked === true });
    // A paste over 4,096 characters arrives in pieces: the next may continue this one's last paragraph (./cut-rest.ts).
    const cut = cutPieceOf(text, message);
    await parkInStage(directly(ctx), writerId, { ...writing, ...(cut ? { cut } : {}) });
    return;
  }
  const parts = flowButton.unpack(ctx.callbackQuery?.data);
  if (!parts || parts[0] !== stage.token || !(OPENING_ACTIONS as readonly string[]).includes(parts[1] ?? "")) return next();
  // The editor Mini App's "Check and sign": checked here, as "Done" on the writing screen (./stage-steps.ts).
  if (parts[1] === "done") return checkFromWritingStage(ctx, stage);
  await ctx.conversation.enter(LETTER_FLOW_ID, { writing: { ...writing, opening } });
}
