import { Composer } from "grammy";
import { organiserStatusLabel } from "../../../domain/letters/labels.js";
import {
  ACTION_STATUS,
  CARD_ACTIONS,
  type CardAction,
  cardAction,
  isReturnReason,
  reopenReturned,
  returnWithReason,
} from "../../../services/relay/buttons.js";
import { cardButtonsFor } from "../../../services/relay/card-buttons.js";
import { changeRelayedLetterStatus, type OrganiserStatus, reopenReturnedLetter } from "../../../services/relay/status-change.js";
import type { BotContext, FlowContext } from "../../context.js";
import { enterLetterFlow } from "../letter/entry.js";
import { replyNotWritable } from "../letter/render/refusal.js";
import { actorOf, mayActFor } from "../../roles.js";
import { ignoreNotModified } from "../../../telegram/api-errors.js";

const composer = new Composer<BotContext>();

function letterIdOf(text: string | undefined): number | undefined {
  const id = Number(text);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

async function stale(ctx: FlowContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t("unhandled-stale-button"), show_alert: true });
}

/** Runs one organiser decision and answers the press: done, refused (role), or already elsewhere (status). */
async function applyStatus(ctx: FlowContext, letterId: number, to: OrganiserStatus, reason?: "language" | "wording" | "address"): Promise<void> {
  const { db, clock, logger } = ctx.deps;
  const result = await changeRelayedLetterStatus(db, {
    letterId,
    to,
    actorId: ctx.from?.id ?? 0,
    ...(reason ? { reason } : {}),
    now: clock.now(),
    mayAct: mayActFor(ctx),
  });
  if (result.ok) {
    logger.info({ letter_id: letterId, to, campaign: result.campaignSlug }, "relayed letter status changed");
    await ctx.answerCallbackQuery({ text: ctx.t("organisers-status-done", { status: ctx.t(organiserStatusLabel(to).key) }) });
    return;
  }
  if (result.reason === "not-found") return stale(ctx);
  if (result.reason !== "not-allowed-status") {
    logger.warn({ letter_id: letterId, user_id: ctx.from?.id, to }, "organiser action refused: not an organiser of the letter's campaign");
    await ctx.answerCallbackQuery({ text: ctx.t("organisers-not-your-campaign"), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery({
    text: ctx.t("organisers-status-conflict", { status: ctx.t(organiserStatusLabel(result.current).key) }),
    show_alert: true,
  });
}

/** Swaps the card's buttons (reason choice and back) without changing anything else: the same role check applies. */
async function swapButtons(ctx: FlowContext, letterId: number, action: "return" | "back"): Promise<void> {
  const buttons = await cardButtonsFor(ctx.deps, actorOf(ctx), letterId, action);
  if (buttons.kind === "stale") return stale(ctx);
  if (buttons.kind === "not-your-campaign") {
    await ctx.answerCallbackQuery({ text: ctx.t("organisers-not-your-campaign"), show_alert: true });
    return;
  }
  if (buttons.kind === "conflict") {
    await ctx.answerCallbackQuery({ text: ctx.t("organisers-status-conflict", { status: ctx.t(organiserStatusLabel(buttons.status).key) }), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery(action === "return" ? { text: ctx.t("organisers-return-choose") } : {});
  await ctx.editMessageReplyMarkup({ reply_markup: buttons.markup }).catch(ignoreNotModified);
}

composer.callbackQuery(cardAction.pattern, async (ctx) => {
  const [actionText, idText] = cardAction.unpack(ctx.callbackQuery.data) ?? [];
  const letterId = letterIdOf(idText);
  const action = CARD_ACTIONS.find((candidate) => candidate === actionText) as CardAction | undefined;
  if (letterId === undefined || action === undefined) return stale(ctx);
  if (action === "return" || action === "back") return swapButtons(ctx, letterId, action);
  await applyStatus(ctx, letterId, ACTION_STATUS[action]);
});

composer.callbackQuery(returnWithReason.pattern, async (ctx) => {
  const [idText, reason] = returnWithReason.unpack(ctx.callbackQuery.data) ?? [];
  const letterId = letterIdOf(idText);
  if (letterId === undefined || !isReturnReason(reason)) return stale(ctx);
  await applyStatus(ctx, letterId, "returned", reason);
});

/**
 * The writer takes a returned letter back as a draft and is on its writing screen at once: the button says "edit",
 * and sending them to the main menu to find the letter again left their next message to be read as a search.
 */
composer.chatType("private").callbackQuery(reopenReturned.pattern, async (ctx) => {
  const letterId = letterIdOf(reopenReturned.unpack(ctx.callbackQuery.data)?.[0]);
  if (letterId === undefined) return stale(ctx);
  const result = await reopenReturnedLetter(ctx.deps, ctx.from.id, letterId);
  if (!result.ok) {
    if (result.reason === "not-found") return stale(ctx);
    if (result.reason === "not-writable") {
      // Said once, with the way forward; the button stays, should the person be reachable again later.
      await ctx.answerCallbackQuery();
      await replyNotWritable(ctx, result.lookup, { lead: "organisers-reopen-not-writable" });
      return;
    }
    const key = result.reason === "draft-exists" ? "organisers-reopen-draft-exists" : "organisers-reopen-not-returned";
    await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(ignoreNotModified);
  await ctx.reply(ctx.t("organisers-reopened"));
  await enterLetterFlow(ctx, { slug: result.letter.prisoner_slug });
});

export { composer as relayButtonsFeature };
