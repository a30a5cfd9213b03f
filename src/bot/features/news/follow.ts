import { Composer } from "grammy";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import {
  askReminderData,
  followButtonData,
  followCampaignOnCardData,
  unfollowButtonData,
  unfollowCampaignOnCardData,
} from "../../../services/news/callbacks.js";
import { campaignChoices, followCase, followsPrisoner, setCampaignFollowed, unfollowCase } from "../../../services/news/follows.js";
import type { BotContext, FlowContext } from "../../context.js";
import { localeOf } from "../../locale.js";
import { prisonerName } from "../../../domain/directory/names.js";

/**
 * Follow / Unfollow a prisoner's case. The directory's prisoner card shows `followButton(ctx, slug)` (or all of
 * `newsCardButtons`); every news message has an Unfollow button. Pressing either swaps the button in place.
 */

/** "🔔 Follow the case" or "🔕 Unfollow", by whether news about the prisoner reaches this person now. */
export async function followButton(ctx: FlowContext, prisonerSlug: string): Promise<InlineKeyboardButton> {
  const following = ctx.user ? await followsPrisoner(ctx.deps, ctx.user.id, prisonerSlug) : false;
  return following
    ? { text: ctx.t("news-button-unfollow"), callback_data: unfollowButtonData.pack(prisonerSlug) }
    : { text: ctx.t("news-button-follow"), callback_data: followButtonData.pack(prisonerSlug) };
}

/** Rows for a prisoner card: Follow/Unfollow, and "Remind me to write" when letters can reach the person. */
export async function newsCardButtons(
  ctx: FlowContext,
  prisonerSlug: string,
  options: { canWrite: boolean; campaigns?: readonly string[] },
): Promise<InlineKeyboardButton[][]> {
  const rows = [[await followButton(ctx, prisonerSlug)]];
  if (options.canWrite) rows.push([{ text: ctx.t("news-button-remind"), callback_data: askReminderData.pack(prisonerSlug) }]);
  const campaigns = new Set(options.campaigns ?? []);
  if (campaigns.size > 0 && ctx.user) {
    for (const choice of await campaignChoices(ctx.deps, ctx.user.id, localeOf(ctx))) {
      if (campaigns.has(choice.slug)) rows.push([campaignButton(ctx, choice.slug, choice.name, choice.following)]);
    }
  }
  return rows;
}

/** "➕ Follow the campaign «…»" on a card, or "✓ Following …" (pressing it again stops following). */
function campaignButton(ctx: FlowContext, slug: string, name: string, following: boolean): InlineKeyboardButton {
  return following
    ? { text: ctx.t("news-button-campaign-following", { name }), callback_data: unfollowCampaignOnCardData.pack(slug) }
    : { text: ctx.t("news-button-campaign-follow", { name }), callback_data: followCampaignOnCardData.pack(slug) };
}

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

privateChats.callbackQuery(followButtonData.pattern, async (ctx) => {
  const [slug] = followButtonData.unpack(ctx.callbackQuery.data) ?? [];
  const names = slug && ctx.user ? await followCase(ctx.deps, ctx.user.id, slug) : undefined;
  if (!slug || !names) {
    await ctx.answerCallbackQuery({ text: ctx.t("news-stale-button"), show_alert: true });
    return;
  }
  ctx.logger.info("news follow");
  await ctx.answerCallbackQuery({ text: ctx.t("news-followed", { name: prisonerName(names, localeOf(ctx), "list") }) });
  await swapButton(ctx, followButtonData.pack(slug), {
    text: ctx.t("news-button-unfollow"),
    callback_data: unfollowButtonData.pack(slug),
  });
});

privateChats.callbackQuery(unfollowButtonData.pattern, async (ctx) => {
  const [slug] = unfollowButtonData.unpack(ctx.callbackQuery.data) ?? [];
  const locale = localeOf(ctx);
  const unfollowed = slug && ctx.user ? await unfollowCase(ctx.deps, ctx.user.id, slug, locale) : undefined;
  if (!slug || !unfollowed) {
    await ctx.answerCallbackQuery({ text: ctx.t("news-stale-button"), show_alert: true });
    return;
  }
  const campaigns = unfollowed.stillInCampaigns;
  ctx.logger.info({ muted_in_campaigns: campaigns.length }, "news unfollow");
  const name = prisonerName(unfollowed.names, locale, "list");
  const text =
    campaigns.length === 0
      ? ctx.t("news-unfollowed", { name })
      : ctx.t("news-unfollowed-in-campaign", { name, campaigns: campaigns.join(", ") });
  await ctx.answerCallbackQuery({ text, show_alert: campaigns.length > 0 });
  await swapButton(ctx, unfollowButtonData.pack(slug), {
    text: ctx.t("news-button-follow"),
    callback_data: followButtonData.pack(slug),
  });
});

privateChats.callbackQuery([followCampaignOnCardData.pattern, unfollowCampaignOnCardData.pattern], async (ctx) => {
  const data = ctx.callbackQuery.data;
  const follow = followCampaignOnCardData.unpack(data) !== undefined;
  const [slug] = followCampaignOnCardData.unpack(data) ?? unfollowCampaignOnCardData.unpack(data) ?? [];
  const name =
    slug && ctx.user ? await setCampaignFollowed(ctx.deps, { userId: ctx.user.id, campaignSlug: slug, follow, locale: localeOf(ctx) }) : undefined;
  if (!slug || name === undefined) {
    await ctx.answerCallbackQuery({ text: ctx.t("news-stale-button"), show_alert: true });
    return;
  }
  ctx.logger.info({ follow }, "news campaign follow changed from a card");
  await ctx.answerCallbackQuery({ text: ctx.t(follow ? "news-campaign-followed" : "news-campaign-unfollowed", { name }) });
  await swapButton(ctx, data, campaignButton(ctx, slug, name, follow));
});

/** Replaces the pressed button with its opposite, leaving the rest of the message's keyboard as it was. */
async function swapButton(ctx: BotContext, pressed: string, replacement: InlineKeyboardButton): Promise<void> {
  const markup = ctx.callbackQuery?.message?.reply_markup;
  if (!markup) return;
  let changed = false;
  const keyboard: InlineKeyboardMarkup = {
    inline_keyboard: markup.inline_keyboard.map((row) =>
      row.map((button) => {
        if ("callback_data" in button && button.callback_data === pressed) {
          changed = true;
          return replacement;
        }
        return button;
      }),
    ),
  };
  if (changed) await ctx.editMessageReplyMarkup({ reply_markup: keyboard });
}

export { composer as followFeature };
