import { type DraftStats, draftStats, lengthAdvice, MAX_LETTER_CHARACTERS } from "../../../../domain/letters/index.js";
import type { PrisonSystem } from "../../../../domain/letters/types.js";
import { endsWithClosing } from "../../../../domain/letters/draft-edit.js";
import { escapeHtml } from "../../../../telegram/html.js";
import type { Flow, FlowContext } from "../../../context.js";
import { readDraftText } from "../../../../services/letters/letters.js";
import { discardDraftTo } from "../../../../services/letters/discard.js";
import { type Guard, guarded } from "../../../flows/index.js";
import { bold, tHtml, tText } from "../render/text.js";
import { RememberedTexts } from "../render/remembered.js";
import { localeOf } from "../../../locale.js";
import type { OpeningScreen, SigningScreen, WritingStage } from "../../../../services/letters/writing-stage.js";
import { storeStage } from "../stage-store.js";
import { AGAIN, ask, type FlowInput, flowKeyboard } from "./input.js";
import { handedOver } from "./hand-over.js";
import { handleParagraphButton, PARAGRAPH_ACTIONS, showParagraphs } from "./paragraphs.js";
import {
  type FlowState,
  replaceText,
  statsLine,
  targetName,
  type TitleSource,
  titleArgs,
  writingKeyboard,
  type WritingScreenKeys,
} from "./state.js";

/** After a writing-screen button handed over to the flow: back to the writing stage, on to the check, or discarded. */
export type WritingResult = "writing" | "done" | "discarded";

/**
 * The writing screen, then the writing stage (issue 14, docs/letter-flow-stages.md): the writer sends the letter as one
 * or several messages, each saved to the database at once by the writing stage's middleware (../writing-stage.ts),
 * outside any conversation, so a message costs the same at step 60 as at step 2. The conversation ends here.
 */
export async function writingStep(guard: Guard, ctx: FlowContext, state: FlowState, closing: string | undefined): Promise<void> {
  await showWritingScreen(guard, ctx, state, closing);
  await parkInWritingStage(guard, state, closing, parkAfterPress);
}

export async function showWritingScreen(guard: Guard, ctx: FlowContext, state: FlowState, closing: string | undefined): Promise<void> {
  const { stats, beforeClosing } = await guard(async (deps) => {
    const text = await readDraftText(deps, state.writerId, state.target.slug);
    return { stats: text ? draftStats(text) : null, beforeClosing: endsWithClosing(text, closing) };
  });
  const { system, unchecked } = state.target.recipient;
  await replyWritingScreen(ctx, { ...state, system, stats, beforeClosing, unchecked: unchecked === true });
}

/** The writing screen: whom the letter is for, how writing works, the draft's figures and length advice, its buttons. */
export async function replyWritingScreen(
  ctx: FlowContext,
  screen: TitleSource & WritingScreenKeys & { system: PrisonSystem; stats: DraftStats | null; beforeClosing: boolean; unchecked: boolean },
): Promise<void> {
  const { stats } = screen;
  const { names, gender } = screen.target;
  // The title and how writing works depend on the person and the locale only: made once for them (issue 14).
  const head = writingHeads.about(screen, JSON.stringify([localeOf(ctx), names, gender]), () =>
    [bold(tHtml(ctx, "letter-ui-writing-title", titleArgs(ctx, screen))), tHtml(ctx, "letter-screens-writing-how", { limit: MAX_LETTER_CHARACTERS })].join("\n\n"),
  );
  const lines = [head];
  // Only while it is true (issue 15): after "replace" the starter's closing is gone and messages go to the end.
  if (screen.beforeClosing) lines.push(tHtml(ctx, "letter-ui-writing-closing-note"));
  if (stats) lines.push(tHtml(ctx, "letter-ui-writing-so-far", { stats: statsLine(ctx, stats) }));
  const advice = stats ? lengthAdvice(stats, screen.system) : undefined;
  if (advice) lines.push(escapeHtml(tText(ctx, advice)));
  await ctx.reply(lines.join("\n\n"), { parse_mode: "HTML", reply_markup: writingKeyboard(ctx, screen) });
}

const writingHeads = new RememberedTexts<string>();

/** Records the writing stage on the writer's row (the outer update's row too, so later middleware sees it). */
export async function parkInWritingStage(guard: Guard, state: FlowState, closing: string | undefined, park = parkInStage): Promise<void> {
  await park(guard, state.writerId, { ...stageRecord(state, { closing }), ...(state.replaced ? { replaced: state.replaced } : {}), ...(state.cut ? { cut: state.cut } : {}) });
}

/**
 * The stage record of one of the flow's screens (docs/letter-flow-stages.md, "The state"): the screen's token, whose
 * letter it is, the recipient's prison system, the starter's closing, and what the opening or signing screen keeps.
 */
export function stageRecord(
  state: Pick<FlowState, "token" | "target">,
  screen: { closing?: string | undefined; opening?: OpeningScreen; signing?: SigningScreen },
): WritingStage {
  const { token, target } = state;
  const { closing, opening, signing } = screen;
  return { token, slug: target.slug, system: target.recipient.system, ...(closing ? { closing } : {}), ...(opening ? { opening } : {}), ...(signing ? { signing } : {}) };
}

/** Records a stage of the letter flow (writing, or the opening screen) on the writer's row and the outer update's. */
export async function parkInStage(guard: Guard, writerId: number, stage: WritingStage): Promise<void> {
  await guard((_deps, outer) => storeStage(outer, writerId, stage));
}

/**
 * `parkInStage` for a screen a press led to from another ("Done" or "keep it" to the signing screen, "edit" to the
 * writing screen), with that press (`press`): delivered again, it shows this screen again (../pressed-again.ts).
 */
export async function parkAfterPress(guard: Guard, writerId: number, stage: WritingStage): Promise<void> {
  await guard((_deps, outer) => {
    const { press: _earlier, ...screen } = stage;
    const press = outer.callbackQuery?.id;
    return storeStage(outer, writerId, press === undefined ? screen : { ...screen, press });
  });
}

/**
 * A writing-screen button the writing stage hands over to the flow (the flow is entered with the stage, this update
 * being the press): the ones that wait for more (replace, discard, a paragraph to edit) or that lead on (done).
 */
export async function writingButton(
  conversation: Flow,
  ctx: FlowContext,
  state: FlowState,
  closing: string | undefined,
  input: Extract<FlowInput, { kind: "button" }>,
): Promise<WritingResult> {
  if ((PARAGRAPH_ACTIONS as readonly string[]).includes(input.action)) {
    await handleParagraphButton(conversation, ctx, state, input);
    return "writing";
  }
  const reply = input.ctx;
  switch (input.action) {
    case "append":
      // Adding is what every message does; the button is there for writers who look for it.
      await reply.reply(ctx.t("letter-ui-append-prompt"), { reply_markup: writingKeyboard(ctx, state) });
      return "writing";
    case "show":
      await showParagraphs(conversation, reply, state);
      return "writing";
    case "replace":
      await replaceDraft(conversation, ctx, state, closing);
      return "writing";
    case "discard":
      return (await confirmDiscard(conversation, ctx, state)) ? "discarded" : "writing";
    default: {
      const current = await currentStats(conversation, ctx, state);
      if (current) return "done";
      await reply.reply(ctx.t("letter-ui-done-empty"), { reply_markup: writingKeyboard(ctx, state) });
      return "writing";
    }
  }
}

/** The draft's figures, null when it has no text; "done" from the writing stage checked the draft already (./hand-over.ts). */
async function currentStats(conversation: Flow, ctx: FlowContext, state: FlowState) {
  return conversation.external(async (outer) => {
    const checked = handedOver(outer)?.checked;
    if (checked) return checked.stats;
    const text = await readDraftText(ctx.deps, state.writerId, state.target.slug);
    return text?.trim() ? draftStats(text) : null;
  });
}

async function replaceDraft(conversation: Flow, ctx: FlowContext, state: FlowState, closing: string | undefined): Promise<void> {
  const prompt = ctx.t("letter-ui-replace-prompt");
  await ctx.reply(closing ? `${prompt} ${ctx.t("letter-screens-replace-then-end")}` : prompt, {
    reply_markup: flowKeyboard(state.token, [[[ctx.t("letter-ui-button-keep-draft"), "keep"]]]),
  });
  await ask(conversation, { token: state.token, actions: ["keep"] }, async (input) => {
    if (input.kind === "button") {
      await input.ctx.reply(ctx.t("letter-ui-replace-cancelled"), { reply_markup: writingKeyboard(ctx, state) });
      return true;
    }
    if (input.kind === "text") return (await replaceText(conversation, input.ctx, state, input.text)) || AGAIN;
    await input.ctx.reply(ctx.t(input.kind === "edited" ? "letter-ui-writing-edited" : "letter-ui-text-only"));
    return AGAIN;
  });
}

async function confirmDiscard(conversation: Flow, ctx: FlowContext, state: FlowState): Promise<boolean> {
  await ctx.reply(ctx.t("letter-ui-discard-confirm", { name: targetName(ctx, state) }), {
    reply_markup: flowKeyboard(state.token, [
      [[ctx.t("letter-ui-button-discard-yes"), "discard-yes"]],
      [[ctx.t("letter-ui-button-discard-no"), "discard-no"]],
    ]),
  });
  const confirmed = await ask(conversation, { token: state.token, actions: ["discard-yes", "discard-no"] }, async (input) => {
    if (input.kind === "button") return input.action === "discard-yes";
    await input.ctx.reply(ctx.t("letter-ui-use-buttons"));
    return AGAIN;
  });
  if (!confirmed) {
    await ctx.reply(ctx.t("letter-ui-discard-kept"), { reply_markup: writingKeyboard(ctx, state) });
    return false;
  }
  const discarded = await guarded(conversation, async (deps, outer) => {
    const outcome = await discardDraftTo(deps, state.writerId, state.target.slug);
    if (outcome) outer.logger.info({ letter_id: outcome.letterId, discarded: outcome.discarded }, "letter draft discarded");
    return outcome?.discarded ?? false;
  });
  await ctx.reply(ctx.t(discarded ? "letter-ui-discarded" : "letter-ui-discard-nothing"));
  return true;
}
