import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { BotContext, FlowContext } from "../../context.js";
import { LETTER_FLOW_ID, type LetterFlowArgs } from "./flow/letter-flow.js";
import { writeLetterData } from "../../../services/letters/buttons.js";

/**
 * Starts the letter flow, leaving whatever flow was running (its draft, if any, is already in the database). Other
 * features (the directory card, case news) call this, or use `write:<slug>[:<opening>]` buttons handled here.
 */
export async function enterLetterFlow(ctx: BotContext, args: LetterFlowArgs = {}): Promise<void> {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(LETTER_FLOW_ID, args);
}

/** A "Write a letter" button for a prisoner card (`write:<slug>`), or undefined if the slug does not fit. */
export function writeLetterButton(ctx: FlowContext, slug: string): InlineKeyboardButton.CallbackButton | undefined {
  const data = writeLetterData(slug);
  return data ? InlineKeyboard.text(ctx.t("letter-ui-button-write"), data) : undefined;
}
