import type { StarterOccasion } from "../../../../domain/letters/index.js";
import { prisonerName } from "../../../../domain/directory/names.js";
import { type LetterTarget, loadTarget } from "../../../../services/letters/letters.js";
import type { FlowContext } from "../../../context.js";
import type { Guard } from "../../../flows/index.js";
import { localeOf } from "../../../locale.js";
import { replyNotWritable } from "../render/refusal.js";
import { guidanceStep } from "./guidance.js";
import { type FlowState, titleArgs } from "./state.js";
import { parkInWritingStage, replyWritingScreen } from "./writing.js";

/** Whom a letter is opened for: the flow's token (drawn by the caller), the writer, and the person's slug. */
export interface LetterOpening {
  token: string;
  writerId: number;
  slug: string;
  opening?: StarterOccasion;
}

/**
 * Step 1 for a person known by slug: the lookup, then a refusal, or the opening screen, or — for a draft with text —
 * "continue" and the writing screen; both screens are stages (docs/letter-flow-stages.md). Nothing here waits for an
 * answer, so it runs as plain middleware for `/start w_<slug>`, the write buttons and a draft's "continue"
 * (`directly(ctx)`: no conversation is entered), and in the letter conversation after the search (`guardOf`).
 */
export async function openLetter(guard: Guard, ctx: FlowContext, opening: LetterOpening): Promise<void> {
  const { token, writerId, slug } = opening;
  // With the draft's starter closing: a draft taken up again still gets new messages before it.
  const lookup = await guard((deps) => loadTarget(deps, slug, writerId, { closing: true }));
  if (lookup.kind !== "ok") {
    await replyNotWritable(ctx, lookup);
    return;
  }
  const { target } = lookup;
  const state: FlowState = { token, writerId, target, ...(opening.opening ? { opening: opening.opening } : {}) };
  if (target.recipient.unchecked) await replyUnchecked(ctx, target);
  // No draft with text (the lookup read it): the guidance is folded into the first screen, where typing starts the
  // letter, no "write it myself" press (issue 15). The screen is a stage: its first message and buttons come back
  // without a conversation (../opening-stage.ts).
  if (!target.draft) return guidanceStep(guard, ctx, { ...state, returning: lookup.returning });
  const { closing } = lookup;
  await ctx.reply(ctx.t("letter-ui-continue", titleArgs(ctx, state)));
  const { system, unchecked } = target.recipient;
  await replyWritingScreen(ctx, { ...state, system, stats: target.draft.stats, beforeClosing: closing !== undefined, unchecked: unchecked === true });
  await parkInWritingStage(guard, state, closing);
}

/** Someone not in the list, before an organiser checked: the flow opens by saying whose details these are. */
async function replyUnchecked(ctx: FlowContext, target: LetterTarget): Promise<void> {
  const institution = target.institution
    ? `${target.institution.name}, ${target.institution.region}`
    : ctx.t(target.recipient.system === "by" ? "suggest-facility-not-known-by" : "suggest-facility-not-known-ru");
  await ctx.reply(ctx.t("suggest-letter-unchecked", { name: prisonerName(target.names, localeOf(ctx), "prose"), institution }));
}
