import { letterFinishedByPress } from "../../../services/letters/history.js";
import type { BotContext } from "../../context.js";
import { replyLetterDone } from "./flow/delivery.js";
import { titleArgs } from "./flow/state.js";

/**
 * A button of the letter flow that no flow or stage took, when it is the press that finished a letter (the same
 * callback query: Telegram delivered it again, in webhook mode, after the process died once the letter was stored).
 * It is answered with the letter's final screen, as the first delivery was, and nothing is done again. Any other press
 * of an ended flow, the same button pressed a second time included, is out of date (false: the caller says so).
 * Docs: letter-flow-stages.md, "A press delivered again".
 */
export async function replyFinishedByPress(ctx: BotContext): Promise<boolean> {
  const writerId = ctx.from?.id;
  const press = ctx.callbackQuery?.id;
  if (writerId === undefined || press === undefined) return false;
  const finished = await letterFinishedByPress(ctx.deps, writerId, press);
  if (!finished) return false;
  await ctx.answerCallbackQuery();
  if (finished.kind === "gone") {
    await ctx.reply(ctx.t("letter-ui-finish-failed-not-a-draft"));
    return true;
  }
  await replyLetterDone(ctx, titleArgs(ctx, { target: { names: finished.names, gender: finished.gender } }), finished);
  return true;
}
