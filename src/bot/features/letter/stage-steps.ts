import type { NextFunction } from "grammy";
import { loadTarget, loadTargetAndCheckDraft, rememberSignature, type TargetLookup } from "../../../services/letters/letters.js";
import type { SigningScreen, WritingStage } from "../../../services/letters/writing-stage.js";
import type { BotContext } from "../../context.js";
import { directly } from "../../flows/index.js";
import { loggedCheck, replyCleanCheck } from "./flow/check.js";
import { deliveryOffer, finishOnRoute, readDelivery, replyNoRoute, replyRouteAdvice } from "./flow/delivery.js";
import { openingKeyboard } from "./flow/guidance.js";
import { handedOver, handOver } from "./flow/hand-over.js";
import { LETTER_FLOW_ID } from "./flow/letter-flow.js";
import { replySigningScreen, type Signature } from "./flow/signature.js";
import { type FlowState, writingKeyboard } from "./flow/state.js";
import { parkAfterPress, stageRecord } from "./flow/writing.js";
import { replyNotWritable } from "./render/refusal.js";
import { leaveWritingStageOf } from "./writing-stage.js";

type Stage = WritingStage & { writerId: number };

/**
 * "Done: check the letter" on the writing screen (or the editor Mini App's "Check and sign" on the opening screen),
 * handled by the stage (issue 14, docs/letter-flow-stages.md): a clean check is answered and the signing screen shown
 * and parked on, an empty draft is answered with the screen's own buttons, all without the conversation, which is
 * entered (with what was read: ./flow/hand-over.ts) only for a check with findings, whose screen waits for an answer.
 * When the early path (`checkBeforeFlows`) checked this update already, the conversation is entered with its check.
 */
export async function checkFromWritingStage(ctx: BotContext, stage: Stage): Promise<void> {
  if (!handedOver(ctx)?.checked && !(await checkInStage(ctx, stage))) return;
  const { writerId: _writer, ...writing } = stage;
  await ctx.conversation.enter(LETTER_FLOW_ID, { writing });
}

/**
 * The same "done", answered before the conversations plugin (./stage-early.ts). A check with findings is handed over
 * and the update goes on (`next`) to the stage's middleware behind the plugin, which enters the conversation with it.
 */
export async function checkBeforeFlows(ctx: BotContext, stage: Stage, next: NextFunction): Promise<void> {
  if (await checkInStage(ctx, stage)) await next();
}

/**
 * The lookup, the check and, unless the check found something, the answer. The target is read again, as the
 * conversation did: a person freed or barred from letters since is refused as on entry, and the stage left (the draft
 * stays). True when the findings screen is to be shown: what was read is then handed over to the conversation.
 */
async function checkInStage(ctx: BotContext, stage: Stage): Promise<boolean> {
  const { writerId } = stage;
  // The lookup, the draft and the writer's profile (for the signing screen a clean check leads to) in one statement.
  const read = await loadTargetAndCheckDraft(ctx.deps, stage.slug, writerId);
  if (!("checked" in read)) {
    await refuseFromStage(ctx, read.lookup);
    return false;
  }
  const { lookup } = read;
  const state: FlowState = { token: stage.token, writerId, target: lookup.target };
  const checked = loggedCheck(ctx.logger, read.checked);
  if (checked && checked.screen.findings > 0) {
    handOver(ctx, { lookup, checked });
    return true;
  }
  await ctx.answerCallbackQuery();
  if (!checked) {
    await ctx.reply(ctx.t("letter-ui-done-empty"), { reply_markup: stage.opening ? openingKeyboard(ctx, state) : writingKeyboard(ctx, state) });
    return false;
  }
  const clean = await replyCleanCheck(ctx, state, checked.summary);
  const signing = await replySigningScreen(ctx, stage.token, clean, read.profile.signature);
  await parkAfterPress(directly(ctx), writerId, stageRecord(state, { closing: stage.closing, signing }));
  return false;
}

/**
 * The signing screen's answer that signs the letter ("remember it?" answered, or the remembered signature), handled
 * by the signing stage: when only one route fits and it asks nothing (FSIN-pismo, post: not the organisers', whose
 * translation and identity questions wait), the stage is left and the letter finished and handed over without the
 * conversation; otherwise (a choice of routes, a recorded service, the organisers, no route) the conversation is
 * entered with what was read. The target is read again, as the conversation did.
 */
export async function routeFromSigningScreen(
  ctx: BotContext,
  stage: Stage & { signing: SigningScreen },
  signed: { signature: Signature; remember: boolean },
): Promise<void> {
  const { writerId, ...screen } = stage;
  // The lookup with the draft's id, which finishes the letter in one statement; the rest of the flow never shows
  // the draft's figures here, so they are left out of what it keeps (and of what a conversation would have read).
  const found = await loadTarget(ctx.deps, stage.slug, writerId);
  if (found.kind !== "ok") return refuseFromStage(ctx, found);
  const draftId = found.target.draft?.letterId;
  const lookup = { ...found, target: { ...found.target, draft: null } };
  const state: FlowState = { token: stage.token, writerId, target: lookup.target };
  const delivery = await readDelivery(directly(ctx), state);
  const offer = deliveryOffer(ctx, state, delivery);
  const route = offer.only !== "organisers" ? offer.only : undefined;
  if (!route && !offer.none) {
    handOver(ctx, { lookup, delivery });
    await ctx.conversation.enter(LETTER_FLOW_ID, { writing: screen });
    return;
  }
  await ctx.answerCallbackQuery();
  await leaveWritingStageOf(ctx);
  const { signature } = signed;
  // "No" leaves any signature remembered earlier as it was: it only means "not this one".
  if (signed.remember) await rememberSignature(ctx.deps, writerId, signature, true);
  if (!route) return replyNoRoute(ctx, offer.notices);
  await replyRouteAdvice(ctx, state, offer, route, delivery.relay.via);
  const input = { route, signature, summary: stage.signing.summary, shareIdentity: false, translateFrom: undefined, offer, ...(draftId !== undefined ? { draftId } : {}) };
  await finishOnRoute(ctx, directly(ctx), state, input);
}

/** The person cannot get a letter now: the stage is left, as entering the conversation left it, and the writer told why. */
async function refuseFromStage(ctx: BotContext, lookup: Exclude<TargetLookup, { kind: "ok" }>): Promise<void> {
  await ctx.answerCallbackQuery();
  await leaveWritingStageOf(ctx);
  await replyNotWritable(ctx, lookup);
}
