import type { StarterOccasion } from "../../../../domain/letters/index.js";
import type { Flow, FlowContext } from "../../../context.js";
import { loadTarget } from "../../../../services/letters/letters.js";
import { replyNotWritable } from "../render/refusal.js";
import { checkStep } from "./check.js";
import { choosePrisoner } from "./choose-prisoner.js";
import { deliveryStep } from "./delivery.js";
import { openingButton, parkOnOpeningScreen } from "./guidance.js";
import type { FlowInput } from "./input.js";
import { parkOnSigningScreen, signatureStep, signingButton } from "./signature.js";
import { starterStep } from "./starter.js";
import type { FlowState } from "./state.js";
import { parkInWritingStage, writingButton, writingStep } from "./writing.js";
import { parseWritingStage, type SigningScreen, type WritingStage } from "../../../../services/letters/writing-stage.js";
import { flowButton } from "../callbacks.js";
import { parseOpening } from "../../../../services/letters/buttons.js";
import { isSlug } from "../../../../services/letters/buttons.js";
import { drawToken, guardOf } from "../../../flows/index.js";
import { handedOver } from "./hand-over.js";
import { openLetter } from "./open.js";

/** Id of the letter conversation (`ctx.conversation.enter(LETTER_FLOW_ID, args)`). */
export const LETTER_FLOW_ID = "letter";

/**
 * How the flow is entered: for a person (card, deep link, news; `enterLetterFlow` then runs step 1 without the
 * conversation, ../entry.ts) or without one (then it asks who), optionally with an occasion for the constructor's
 * opening (case news: a punishment cell, a birthday).
 */
export interface LetterFlowArgs {
  slug?: string;
  opening?: StarterOccasion;
  /** A button of the writing screen handed over by the writing stage (../writing-stage.ts): this update is the press. */
  writing?: WritingStage;
}

/** Arguments come back from storage as JSON: anything unexpected is dropped rather than trusted. */
function readArgs(raw: unknown): LetterFlowArgs {
  if (raw === null || typeof raw !== "object") return {};
  const { slug, opening, writing } = raw as Record<string, unknown>;
  const occasion = typeof opening === "string" ? parseOpening(opening) : undefined;
  const stage = writing === undefined ? undefined : parseWritingStage(JSON.stringify(writing));
  return {
    ...(typeof slug === "string" && isSlug(slug) ? { slug } : {}),
    ...(occasion ? { opening: occasion } : {}),
    ...(stage ? { writing: stage } : {}),
  };
}

/**
 * The guided letter: whom → guidance → (constructor) → writing → check → signature → delivery. The draft lives in
 * the database from the first message. The steps before and after writing are this conversation, persisted by the
 * conversations plugin; writing itself is a stage of explicit state outside it (docs/letter-flow-stages.md), whose
 * writing-screen buttons that wait for more or lead on enter the conversation again with `writing`. A restart at any
 * step resumes where the writer was.
 */
export async function letterFlow(conversation: Flow, ctx: FlowContext, rawArgs?: unknown): Promise<void> {
  const args = readArgs(rawArgs);
  const writerId = ctx.from?.id;
  if (writerId === undefined || ctx.chat?.type !== "private") return;
  if (args.writing) return fromWritingStage(conversation, ctx, writerId, args.writing);
  // Buttons carry this token: a button from an earlier flow never acts on this one.
  const token = await drawToken(conversation);
  const slug = args.slug ?? (await choosePrisoner(conversation, ctx, token));
  return openLetter(guardOf(conversation), ctx, { token, writerId, slug, ...(args.opening ? { opening: args.opening } : {}) });
}

/**
 * A button of the opening screen handed over by its stage: "help me begin" opens the constructor, the editor's "Check
 * and sign" goes on to the check; "more" (and an empty draft's "Check and sign") leave the writer on the screen.
 */
async function fromOpeningScreen(conversation: Flow, ctx: FlowContext, state: FlowState, input: Extract<FlowInput, { kind: "button" }>): Promise<void> {
  const choice = await openingButton(conversation, ctx, state, input);
  if (choice === "opening") return parkOnOpeningScreen(guardOf(conversation), state);
  // The editor Mini App's "Check and sign": its draft is saved, so on to the check.
  if (choice === "done") return afterWriting(conversation, ctx, state, undefined);
  return writingStep(guardOf(conversation), ctx, state, await starterStep(conversation, ctx, state));
}

/**
 * A button handed over by the writing stage or the opening screen's stage. The target is read again (the stage keeps only its slug),
 * so a person freed or barred from letters since is refused as on entry; the draft stays either way.
 */
async function fromWritingStage(conversation: Flow, ctx: FlowContext, writerId: number, stage: WritingStage): Promise<void> {
  // A stage that decided to hand this update over read the target already (./hand-over.ts).
  const lookup = await conversation.external((outer) => handedOver(outer)?.lookup ?? loadTarget(ctx.deps, stage.slug, writerId, { withDraft: false }));
  if (lookup.kind !== "ok") {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    await replyNotWritable(ctx, lookup);
    return;
  }
  const occasion = stage.opening?.occasion;
  const state: FlowState = { token: stage.token, writerId, target: lookup.target, ...(occasion ? { opening: occasion } : {}) };
  const parts = flowButton.unpack(ctx.callbackQuery?.data);
  if (!parts) return;
  await ctx.answerCallbackQuery();
  const input = { kind: "button" as const, ctx, action: parts[1] ?? "", arg: parts[2] ?? "" };
  if (stage.opening) return fromOpeningScreen(conversation, ctx, state, input);
  if (stage.signing) return fromSigningScreen(conversation, ctx, state, { ...stage, signing: stage.signing }, input);
  const result = await writingButton(conversation, ctx, state, stage.closing, input);
  if (result === "writing") return parkInWritingStage(guardOf(conversation), state, stage.closing);
  if (result === "done") return afterWriting(conversation, ctx, state, stage.closing);
}

/**
 * Check → signature (a stage: `fromSigningScreen` takes it on); every "edit" goes back to the writing screen and stage,
 * a paragraph edited from the check to the writing stage with the paragraph list already on screen.
 */
async function afterWriting(conversation: Flow, ctx: FlowContext, state: FlowState, closing: string | undefined): Promise<void> {
  const beforeCheck = conversation.checkpoint();
  const checked = await checkStep(conversation, ctx, state);
  if (checked.kind === "edit") return writingStep(guardOf(conversation), ctx, state, closing);
  if (checked.kind === "edited") return parkInWritingStage(guardOf(conversation), state, closing);
  // "Done" on the findings screen: the check runs again in place of the last one. Calling this anew instead kept every
  // earlier check and press in the stored replay log, which every later update of the flow replayed.
  if (checked.kind === "again") return conversation.rewind(beforeCheck);
  if (checked.kind === "stop") return;
  // A clean check moves straight on to signing, whose screen offers "edit" and the checklist instead (issue 15).
  return signatureStep(conversation, ctx, state, checked, closing);
}

/**
 * A button of the signing screen handed over by its stage: signed (the remembered signature, or "remember it?"
 * answered) goes on to delivery; "edit" back to writing; the checklist leaves the writer on the screen.
 */
async function fromSigningScreen(
  conversation: Flow,
  ctx: FlowContext,
  state: FlowState,
  stage: WritingStage & { signing: SigningScreen },
  input: Extract<FlowInput, { kind: "button" }>,
): Promise<void> {
  const { signing, closing, press } = stage;
  const signature = await signingButton(conversation, ctx, state, signing, input);
  // The same screen again: it keeps the press that led to it (../pressed-again.ts).
  if (signature === "signing") return parkOnSigningScreen(conversation, state, closing, signing, press);
  if (signature === "edit") return writingStep(guardOf(conversation), ctx, state, closing);
  // "Edit" offered when the letter needs a translation nobody offers: back to the writing step, as after the check.
  if ((await deliveryStep(conversation, ctx, state, signature, signing.summary)) === "edit") return writingStep(guardOf(conversation), ctx, state, closing);
}
