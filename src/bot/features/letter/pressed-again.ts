import { loadTarget } from "../../../services/letters/letters.js";
import type { SigningScreen, WritingStage } from "../../../services/letters/writing-stage.js";
import type { BotContext } from "../../context.js";
import { directly } from "../../flows/index.js";
import { replySigningScreen } from "./flow/signature.js";
import type { FlowState } from "./flow/state.js";
import { showWritingScreen } from "./flow/writing.js";
import { replyNotWritable } from "./render/refusal.js";
import { checkFromWritingStage } from "./stage-steps.js";

type Stage = WritingStage & { writerId: number };

/**
 * Whether this press is the one that led to the screen the writer is on (`press`, recorded by `parkAfterPress`), which
 * the screen does not take: Telegram delivered it again (webhook mode, the process died once the screen was stored).
 * It is answered with the screen again rather than "out of date" (docs/letter-flow-stages.md, "A press delivered
 * again"); any other press of a button the screen does not take, the same button pressed again included, still is.
 */
export function pressedAgain(ctx: BotContext, stage: WritingStage): boolean {
  return stage.press !== undefined && ctx.callbackQuery?.id === stage.press;
}

/**
 * The signing screen again, for the press that led to it: after a clean "Done" the check runs again, as that press
 * did (its line, then the screen; the stage rewritten as it is); after "keep it" on the findings screen, the screen.
 * Nothing is stored that was not already.
 */
export async function showSigningAgain(ctx: BotContext, stage: Stage & { signing: SigningScreen }): Promise<void> {
  const { signing, ...writing } = stage;
  if (signing.clean) return checkFromWritingStage(ctx, writing);
  await ctx.answerCallbackQuery();
  await replySigningScreen(ctx, stage.token, signing, signing.remembered ?? null);
}

/** The writing screen again, for the press that led back to it ("edit" on the signing or findings screen). */
export async function showWritingAgain(ctx: BotContext, stage: Stage): Promise<void> {
  await ctx.answerCallbackQuery();
  const lookup = await loadTarget(ctx.deps, stage.slug, stage.writerId, { withDraft: false });
  if (lookup.kind !== "ok") return replyNotWritable(ctx, lookup);
  const state: FlowState = { token: stage.token, writerId: stage.writerId, target: lookup.target };
  await showWritingScreen(directly(ctx), ctx, state, stage.closing);
}
