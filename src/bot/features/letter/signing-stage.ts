import type { NextFunction } from "grammy";
import type { SigningScreen, WritingStage } from "../../../services/letters/writing-stage.js";
import type { BotContext } from "../../context.js";
import { directly } from "../../flows/index.js";
import { flowButton } from "./callbacks.js";
import { LETTER_FLOW_ID } from "./flow/letter-flow.js";
import { MAX_NAME, parseSignature, replyRememberSignature, signingActions } from "./flow/signature.js";
import { parkInStage } from "./flow/writing.js";
import { routeFromSigningScreen } from "./stage-steps.js";
import { pressedAgain, showSigningAgain } from "./pressed-again.js";

type SigningStage = WritingStage & { writerId: number; signing: SigningScreen };

/**
 * An update of a writer on the signing screen (issue 14, docs/letter-flow-stages.md), without replaying the check
 * that led there: a typed signature is checked and answered with "remember it?" (kept in the stage), anything else
 * typed or sent is answered as the screen's step answered it, and the buttons that lead on (or need the recipient)
 * enter the letter conversation with the stage; other buttons (stale, forged) go on to the features behind.
 */
export async function handleSigningScreen(ctx: BotContext, stage: SigningStage, next: NextFunction): Promise<void> {
  const { writerId, ...screen } = stage;
  const { signing } = screen;
  if (ctx.message !== undefined || ctx.editedMessage !== undefined) {
    // "Remember it?" waits for its buttons only.
    if (signing.signature) {
      await ctx.reply(ctx.t("letter-ui-use-buttons"));
      return;
    }
    const text = ctx.message?.text;
    if (text === undefined) {
      await ctx.reply(ctx.t("letter-ui-sign-text-only"));
      return;
    }
    const parsed = parseSignature(text);
    if (!parsed.ok) {
      await ctx.reply(ctx.t(`letter-ui-sign-invalid-${parsed.reason}`, { max: MAX_NAME }));
      return;
    }
    await replyRememberSignature(ctx, stage.token, parsed.signature);
    await parkInStage(directly(ctx), writerId, { ...screen, signing: { ...signing, signature: parsed.signature } });
    return;
  }
  const parts = flowButton.unpack(ctx.callbackQuery?.data);
  const action = parts?.[1] ?? "";
  if (!parts || parts[0] !== stage.token) return next();
  if (!signingActions(signing).includes(action)) {
    // The press that led here ("Done", "keep it") delivered again: the screen again, unless a signature was typed since.
    return pressedAgain(ctx, stage) && !signing.signature ? showSigningAgain(ctx, stage) : next();
  }
  if (action === "sign-other") {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("letter-ui-sign-ask"));
    return;
  }
  // Signed: "remember it?" answered, or the remembered signature.
  const signature = signing.signature ?? (action === "sign-saved" ? signing.remembered : undefined);
  if (signature) return routeFromSigningScreen(ctx, stage, { signature, remember: action === "remember-yes" });
  await ctx.conversation.enter(LETTER_FLOW_ID, { writing: screen });
}
