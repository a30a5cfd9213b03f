import { Composer } from "grammy";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { getCampaignBySlug, listCampaigns } from "../../../db/repositories/campaigns.js";
import { getPrisonerBySlug } from "../../../db/repositories/prisoners.js";
import {
  followCampaign,
  getNewsPreferences,
  isFollowingCampaign,
  listFollows,
  setNewsDelivery,
  unfollowCampaign,
  unfollowPrisoner,
} from "../../../db/repositories/subscriptions.js";
import { DIGEST_HOUR_UTC } from "../../../domain/news/schedule.js";
import {
  chooseCampaignData,
  deliveryModeData,
  followCampaignData,
  showRemindersData,
  showSubscriptionsData,
  unfollowCampaignData,
  unfollowCampaignFromListData as unfollowCampaignFromList,
  unfollowPrisonerFromListData as unfollowPrisonerFromList,
} from "../../../services/news/callbacks.js";
import type { BotContext, FlowContext } from "../../context.js";
import { escapeHtml } from "../../../telegram/html.js";
import { menuButton } from "../../keyboards/main-menu.js";
import { editOrKeep } from "./shared.js";
import { localeOf } from "../../locale.js";
import { prisonerName } from "../../../domain/directory/names.js";

/** Telegram shows up to 100 buttons; a list this long is better browsed in the directory. */
const MAX_LISTED = 40;

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

interface Screen {
  text: string;
  keyboard: InlineKeyboardMarkup;
}

async function subscriptionsScreen(ctx: FlowContext): Promise<Screen> {
  const userId = ctx.user?.id ?? 0;
  const { db } = ctx.deps;
  const locale = localeOf(ctx);
  const follows = (await listFollows(db, userId)).slice(0, MAX_LISTED);
  const preferences = await getNewsPreferences(db, userId);
  const lines = [`<b>${escapeHtml(ctx.t("news-subscriptions-title"))}</b>`, ""];
  const rows: InlineKeyboardButton[][] = [];
  const campaigns = follows.filter((follow) => follow.type === "campaign");
  const prisoners = follows.filter((follow) => follow.type === "prisoner");
  if (follows.length === 0) lines.push(escapeHtml(ctx.t("news-subscriptions-empty")));
  if (campaigns.length > 0) {
    lines.push(escapeHtml(ctx.t("news-subscriptions-campaigns")));
    for (const follow of campaigns) {
      const name = (await getCampaignBySlug(db, follow.slug))?.name[locale] ?? follow.slug;
      lines.push(`• ${escapeHtml(name)}`);
      rows.push([{ text: ctx.t("news-button-unfollow-named", { name }), callback_data: unfollowCampaignFromList.pack(follow.slug) }]);
    }
    lines.push("");
  }
  if (prisoners.length > 0) {
    lines.push(escapeHtml(ctx.t("news-subscriptions-prisoners")));
    for (const follow of prisoners) {
      const prisoner = await getPrisonerBySlug(db, follow.slug);
      const name = prisoner ? prisonerName(prisoner.names, locale, "list") : follow.slug;
      lines.push(`• ${escapeHtml(name)}`);
      rows.push([{ text: ctx.t("news-button-unfollow-named", { name }), callback_data: unfollowPrisonerFromList.pack(follow.slug) }]);
    }
    lines.push("");
  }
  const digest = preferences.delivery === "digest";
  lines.push(escapeHtml(ctx.t(digest ? "news-delivery-digest-chosen" : "news-delivery-immediate-chosen", { hour: DIGEST_HOUR_UTC })));
  const mark = (chosen: boolean) => (chosen ? "✓ " : "");
  rows.push([
    { text: mark(!digest) + ctx.t("news-delivery-immediate"), callback_data: deliveryModeData.pack("i") },
    { text: mark(digest) + ctx.t("news-delivery-digest"), callback_data: deliveryModeData.pack("d") },
  ]);
  rows.push([{ text: ctx.t("news-button-follow-campaign"), callback_data: chooseCampaignData.pack() }]);
  rows.push([{ text: ctx.t("news-button-reminders"), callback_data: showRemindersData.pack() }]);
  return { text: lines.join("\n"), keyboard: { inline_keyboard: rows } };
}

async function campaignsScreen(ctx: FlowContext): Promise<Screen> {
  const userId = ctx.user?.id ?? 0;
  const locale = localeOf(ctx);
  const rows: InlineKeyboardButton[][] = [];
  for (const campaign of await listCampaigns(ctx.deps.db)) {
    const following = await isFollowingCampaign(ctx.deps.db, userId, campaign.slug);
    rows.push([
      following
        ? { text: `✓ ${campaign.name[locale]}`, callback_data: unfollowCampaignData.pack(campaign.slug) }
        : { text: `➕ ${campaign.name[locale]}`, callback_data: followCampaignData.pack(campaign.slug) },
    ]);
  }
  rows.push([{ text: ctx.t("news-button-back"), callback_data: showSubscriptionsData.pack() }]);
  return { text: escapeHtml(ctx.t("news-campaigns-title")), keyboard: { inline_keyboard: rows } };
}

async function show(ctx: BotContext, screen: Screen, mode: "reply" | "edit"): Promise<void> {
  const options = { parse_mode: "HTML" as const, reply_markup: screen.keyboard };
  if (mode === "edit") await editOrKeep(ctx, screen.text, options);
  else await ctx.reply(screen.text, options);
}

privateChats.command("subscriptions", async (ctx) => show(ctx, await subscriptionsScreen(ctx), "reply"));

privateChats.callbackQuery(menuButton.pack("subscriptions"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await show(ctx, await subscriptionsScreen(ctx), "reply");
});

privateChats.callbackQuery(showSubscriptionsData.pattern, async (ctx) => {
  await ctx.answerCallbackQuery();
  await show(ctx, await subscriptionsScreen(ctx), "edit");
});

privateChats.callbackQuery(chooseCampaignData.pattern, async (ctx) => {
  await ctx.answerCallbackQuery();
  await show(ctx, await campaignsScreen(ctx), "edit");
});

privateChats.callbackQuery(deliveryModeData.pattern, async (ctx) => {
  const [mode] = deliveryModeData.unpack(ctx.callbackQuery.data) ?? [];
  if ((mode !== "i" && mode !== "d") || !ctx.user) {
    await ctx.answerCallbackQuery({ text: ctx.t("news-stale-button"), show_alert: true });
    return;
  }
  const before = await getNewsPreferences(ctx.deps.db, ctx.user.id);
  const delivery = mode === "d" ? "digest" : "immediate";
  await setNewsDelivery(ctx.deps.db, ctx.user.id, delivery, ctx.deps.clock.now());
  const confirmation = delivery === "digest" ? "news-delivery-digest-set" : "news-delivery-immediate-set";
  await ctx.answerCallbackQuery({ text: ctx.t(confirmation, { hour: DIGEST_HOUR_UTC }) });
  ctx.logger.info({ delivery, changed: before.delivery !== delivery }, "news delivery mode");
  await show(ctx, await subscriptionsScreen(ctx), "edit");
});

privateChats.callbackQuery([followCampaignData.pattern, unfollowCampaignData.pattern], async (ctx) => {
  const data = ctx.callbackQuery.data;
  const follow = followCampaignData.unpack(data);
  const [slug] = follow ?? unfollowCampaignData.unpack(data) ?? [];
  const campaign = slug ? await getCampaignBySlug(ctx.deps.db, slug) : undefined;
  if (!campaign || !ctx.user) {
    await ctx.answerCallbackQuery({ text: ctx.t("news-stale-button"), show_alert: true });
    return;
  }
  const name = campaign.name[localeOf(ctx)];
  if (follow) {
    await followCampaign(ctx.deps.db, ctx.user.id, campaign.slug, ctx.deps.clock.now());
    await ctx.answerCallbackQuery({ text: ctx.t("news-campaign-followed", { name }) });
  } else {
    await unfollowCampaign(ctx.deps.db, ctx.user.id, campaign.slug);
    await ctx.answerCallbackQuery({ text: ctx.t("news-campaign-unfollowed", { name }) });
  }
  ctx.logger.info({ follow: follow !== undefined }, "news campaign follow changed");
  await show(ctx, await campaignsScreen(ctx), "edit");
});

privateChats.callbackQuery([unfollowPrisonerFromList.pattern, unfollowCampaignFromList.pattern], async (ctx) => {
  const data = ctx.callbackQuery.data;
  const prisonerSlug = unfollowPrisonerFromList.unpack(data)?.[0];
  const campaignSlug = unfollowCampaignFromList.unpack(data)?.[0];
  if (!ctx.user) {
    await ctx.answerCallbackQuery({ text: ctx.t("news-stale-button"), show_alert: true });
    return;
  }
  if (prisonerSlug !== undefined) {
    const prisoner = await getPrisonerBySlug(ctx.deps.db, prisonerSlug);
    if (prisoner) await unfollowPrisoner(ctx.deps.db, ctx.user.id, prisoner.slug, ctx.deps.clock.now());
  } else if (campaignSlug !== undefined) {
    await unfollowCampaign(ctx.deps.db, ctx.user.id, campaignSlug);
  }
  await ctx.answerCallbackQuery({ text: ctx.t("news-unfollowed-short") });
  await show(ctx, await subscriptionsScreen(ctx), "edit");
});

export { composer as subscriptionsFeature };
