import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { BotContext, FlowContext } from "../../context.js";
import { directly, freshToken } from "../../flows/index.js";
import { LETTER_FLOW_ID, type LetterFlowArgs } from "./flow/letter-flow.js";
import { openLetter } from "./flow/open.js";
import { replaceWritingStageOf } from "./writing-stage.js";
import { writeLetterData } from "../../../services/letters/buttons.js";

/**
 * Starts the letter flow, leaving whatever flow was running (its draft, if any, is already in the database) and the
 * letter's stage, as entering the conversation leaves them. Other features (the directory card, case news) call this,
 * or use `write:<slug>[:<opening>]` buttons handled here. For a person known by slug nothing waits before the opening
 * screen (or a draft's writing screen), which is a stage: step 1 runs here, without entering the conversation
 * (issue 14); without one, the conversation asks whom the letter is for.
 */
export async function enterLetterFlow(ctx: BotContext, args: LetterFlowArgs = {}): Promise<void> {
  await ctx.conversation.exitAll();
  const writerId = ctx.from?.id;
  if (args.slug === undefined || writerId === undefined || ctx.chat?.type !== "private") {
    await ctx.conversation.enter(LETTER_FLOW_ID, args);
    return;
  }
  const { slug, opening } = args;
  await replaceWritingStageOf(ctx, () => openLetter(directly(ctx), ctx, { token: freshToken(), writerId, slug, ...(opening ? { opening } : {}) }));
}

/** A "Write a letter" button for a prisoner card (`write:<slug>`), or undefined if the slug does not fit. */
export function writeLetterButton(ctx: FlowContext, slug: string): InlineKeyboardButton.CallbackButton | undefined {
  const data = writeLetterData(slug);
  return data ? InlineKeyboard.text(ctx.t("letter-ui-button-write"), data) : undefined;
}
