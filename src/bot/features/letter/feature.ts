import { Composer } from "grammy";
import type { BotContext } from "../../context.js";
import { startPayload } from "../../deep-link.js";
import { menuButton } from "../../keyboards/main-menu.js";
import { isAdmin } from "../../roles.js";
import { DRAFT_ACTIONS, type DraftAction, draftAction, flowButton, letterAgain, lettersPage } from "./callbacks.js";
import { handleDraftAction, offerDrafts } from "./drafts.js";
import { replyFinishedByPress } from "./finished-again.js";
import { enterLetterFlow } from "./entry.js";
import { parsePage, showLetters } from "./letters-list.js";
import { sendLetterAgain } from "./resend.js";
import { selfSentFeature } from "./self-sent.js";
import { writeTo } from "../../../services/letters/buttons.js";
import { writeToWithOpening } from "../../../services/letters/buttons.js";
import { parseOpening } from "../../../services/letters/buttons.js";
import { isSlug } from "../../../services/letters/buttons.js";
import { unfinishedDrafts } from "../../../services/letters/drafts.js";

const composer = new Composer<BotContext>(selfSentFeature);
const privateChats = composer.chatType("private");

/** `/start w_<slug>` or `/start w_<slug>_<opening>` (slugs use hyphens only, so `_` separates). */
function writeDeepLink(ctx: BotContext): { slug: string; opening?: string } | undefined {
  const match = /^w_([a-z0-9-]+)(?:_([a-z-]+))?$/.exec(startPayload(ctx));
  if (!match?.[1]) return undefined;
  return { slug: match[1], ...(match[2] ? { opening: match[2] } : {}) };
}

/** `/start w_<slug>`: step 1 of a letter, for a person known by slug. */
async function openWriteDeepLink(ctx: BotContext, link: { slug: string; opening?: string }): Promise<void> {
  if (!isSlug(link.slug)) {
    await ctx.reply(ctx.t("letter-ui-unknown-prisoner"));
    return;
  }
  // A slug the directory does not know still enters the flow, which says so.
  const opening = parseOpening(link.opening);
  await enterLetterFlow(ctx, { slug: link.slug, ...(opening ? { opening } : {}) });
}

/**
 * The write deep link, early in the chain (src/bot/index.ts, right after the conversations plugin; issue 14): step 1
 * leaves any flow and the letter's stage itself (`enterLetterFlow`), as `leaveFlowsOnCommand` would have, and nothing
 * between there and this feature answers `/start w_…` (an outdated stored flow lets commands pass, /cancel is another
 * command), so step 1 need not pass every flow's and feature's filters first. An admin's `/start` goes the usual way:
 * the organisers' feature refreshes their command menu on every `/start`, then the handler below opens the letter. So
 * does a slug that does not fit, which is answered there once the flows are left.
 */
const deepLink = new Composer<BotContext>();
deepLink.chatType("private").command("start", async (ctx, next) => {
  const link = writeDeepLink(ctx);
  if (!link || !isSlug(link.slug) || isAdmin(ctx)) return next();
  await openWriteDeepLink(ctx, link);
});

privateChats.command("start", async (ctx, next) => {
  const link = writeDeepLink(ctx);
  if (link) return openWriteDeepLink(ctx, link);
  if (startPayload(ctx) !== "") return next();
  // Plain /start: the welcome and menu first (welcomeFeature), then any unfinished letters.
  await next();
  await offerDrafts(ctx, "start");
});

async function startWriting(ctx: BotContext): Promise<void> {
  await ctx.conversation.exitAll();
  if (!(await offerDrafts(ctx, "write"))) await enterLetterFlow(ctx, {});
}

privateChats.command("write", startWriting);
privateChats.callbackQuery(menuButton.pack("write"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await startWriting(ctx);
});

privateChats.callbackQuery([writeTo.pattern, writeToWithOpening.pattern], async (ctx) => {
  const [slug, code] = writeToWithOpening.unpack(ctx.callbackQuery.data) ?? writeTo.unpack(ctx.callbackQuery.data) ?? [];
  if (!isSlug(slug)) {
    await ctx.answerCallbackQuery({ text: ctx.t("unhandled-stale-button"), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  const opening = parseOpening(code);
  await enterLetterFlow(ctx, { slug, ...(opening ? { opening } : {}) });
});

privateChats.callbackQuery(draftAction.pattern, async (ctx) => {
  const [action, id] = draftAction.unpack(ctx.callbackQuery.data) ?? [];
  const letterId = Number(id);
  if (!(DRAFT_ACTIONS as readonly string[]).includes(action ?? "") || !Number.isSafeInteger(letterId) || letterId < 0) {
    await ctx.answerCallbackQuery({ text: ctx.t("unhandled-stale-button"), show_alert: true });
    return;
  }
  await handleDraftAction(ctx, action as DraftAction, letterId);
});

privateChats.command("letters", async (ctx) => {
  await showLetters(ctx, 0, "reply");
});
privateChats.callbackQuery(menuButton.pack("letters"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showLetters(ctx, 0, "reply");
});
privateChats.callbackQuery(lettersPage.pattern, async (ctx) => {
  const page = parsePage(lettersPage.unpack(ctx.callbackQuery.data)?.[0]);
  if (page === undefined || !(await showLetters(ctx, page, "edit"))) {
    await ctx.answerCallbackQuery({ text: ctx.t("unhandled-stale-button"), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
});

privateChats.callbackQuery(letterAgain.pattern, async (ctx) => {
  const letterId = Number(letterAgain.unpack(ctx.callbackQuery.data)?.[0]);
  if (!Number.isSafeInteger(letterId) || letterId < 1 || !(await sendLetterAgain(ctx, letterId))) {
    await ctx.answerCallbackQuery({
      text: ctx.t("letter-ui-again-unavailable", { days: ctx.deps.config.letterTextRetentionDays }),
      show_alert: true,
    });
    return;
  }
  await ctx.answerCallbackQuery();
});

/**
 * A button of the letter flow that the flow did not take: from a step already passed, a flow that ended (or was left
 * with a command), or forged. Nothing is done. A draft is safe in the database, and the answer says so only when the
 * writer has one: after the letter was finished, or after /forget, "your letter is saved" would be untrue. The press
 * that finished a letter, delivered again, shows the letter's final screen again instead.
 */
privateChats.callbackQuery(flowButton.pattern, async (ctx) => {
  if (await replyFinishedByPress(ctx)) return;
  const drafts = await unfinishedDrafts(ctx.deps, ctx.from.id, 1);
  await ctx.answerCallbackQuery({ text: ctx.t(drafts.length > 0 ? "letter-ui-stale-button" : "letter-ui-stale-button-no-draft"), show_alert: true });
});

export { composer as letterFeature, deepLink as letterDeepLink };
