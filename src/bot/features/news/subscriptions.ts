import { Composer } from "grammy";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { COMMON_TIME_ZONES, DIGEST_LOCAL_HOUR, REMINDER_LOCAL_HOUR } from "../../../domain/news/time-zone.js";
import {
  chooseCampaignData,
  deliveryModeData,
  followCampaignData,
  showRemindersData,
  showSubscriptionsData,
  unfollowCampaignData,
  chooseTimeZoneData,
  showTimeZonesData,
  unfollowCampaignFromListData as unfollowCampaignFromList,
  unfollowPrisonerFromListData as unfollowPrisonerFromList,
  resumeMutedFromListData as resumeMutedFromList,
} from "../../../services/news/callbacks.js";
import {
  campaignChoices,
  chooseNewsDelivery,
  setCampaignFollowed,
  subscriptionsOf,
  unfollowFromList,
  resumeMuted,
  chooseTimeZone,
  timeZoneOf,
} from "../../../services/news/follows.js";
import type { BotContext, FlowContext } from "../../context.js";
import { escapeHtml } from "../../../telegram/html.js";
import { menuButton } from "../../keyboards/main-menu.js";
import { editOrKeep } from "./shared.js";
import { localeOf } from "../../locale.js";
import { prisonerName } from "../../../domain/directory/names.js";
import type { PrisonerRecord } from "../../../domain/directory/types.js";

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
  const locale = localeOf(ctx);
  const { campaigns, prisoners, muted, delivery } = await subscriptionsOf(ctx.deps, userId, locale, MAX_LISTED);
  const lines = [`<b>${escapeHtml(ctx.t("news-subscriptions-title"))}</b>`, ""];
  const rows: InlineKeyboardButton[][] = [];
  if (campaigns.length === 0 && prisoners.length === 0) lines.push(escapeHtml(ctx.t("news-subscriptions-empty")));
  /** A titled list, one line and one button per entry. */
  const section = (titleKey: string, entries: { name: string; button: InlineKeyboardButton }[]) => {
    if (entries.length === 0) return;
    lines.push(escapeHtml(ctx.t(titleKey)), ...entries.map(({ name }) => `• ${escapeHtml(name)}`), "");
    rows.push(...entries.map(({ button }) => [button]));
  };
  const named = ({ slug, names }: { slug: string; names: PrisonerRecord["names"] | null }) => ({ slug, name: names ? prisonerName(names, locale, "list") : slug });
  const unfollow = (name: string, data: string) => ({ name, button: { text: ctx.t("news-button-unfollow-named", { name }), callback_data: data } });
  section("news-subscriptions-campaigns", campaigns.map(({ slug, name }) => unfollow(name, unfollowCampaignFromList.pack(slug))));
  section("news-subscriptions-prisoners", prisoners.map(named).map(({ slug, name }) => unfollow(name, unfollowPrisonerFromList.pack(slug))));
  // People stopped within a followed campaign: without this line nothing said why their news stopped.
  section(
    "news-subscriptions-muted",
    muted.map(named).map(({ slug, name }) => ({ name, button: { text: ctx.t("news-button-resume-named", { name }), callback_data: resumeMutedFromList.pack(slug) } })),
  );
  const digest = delivery === "digest";
  const zone = await timeZoneOf(ctx.deps, userId);
  lines.push(escapeHtml(ctx.t(digest ? "news-delivery-digest-chosen" : "news-delivery-immediate-chosen", { hour: DIGEST_LOCAL_HOUR, zone })));
  const mark = (chosen: boolean) => (chosen ? "✓ " : "");
  rows.push([
    { text: mark(!digest) + ctx.t("news-delivery-immediate"), callback_data: deliveryModeData.pack("i") },
    { text: mark(digest) + ctx.t("news-delivery-digest"), callback_data: deliveryModeData.pack("d") },
  ]);
  rows.push([{ text: ctx.t("news-button-follow-campaign"), callback_data: chooseCampaignData.pack() }]);
  rows.push([{ text: ctx.t("news-button-reminders"), callback_data: showRemindersData.pack() }]);
  rows.push([{ text: ctx.t("news-button-timezone", { zone }), callback_data: showTimeZonesData.pack() }]);
  return { text: lines.join("\n"), keyboard: { inline_keyboard: rows } };
}

/** The person's zone and the hours it sets, with common zones as buttons; any other is typed after /timezone. */
async function timeZonesScreen(ctx: FlowContext): Promise<Screen> {
  const zone = await timeZoneOf(ctx.deps, ctx.user?.id ?? 0);
  const text = escapeHtml(ctx.t("news-timezone-title", { zone, digest: DIGEST_LOCAL_HOUR, reminder: REMINDER_LOCAL_HOUR }));
  const rows = COMMON_TIME_ZONES.map((name) => [{ text: `${name === zone ? "✓ " : ""}${name}`, callback_data: chooseTimeZoneData.pack(name) }]);
  rows.push([{ text: ctx.t("news-button-back"), callback_data: showSubscriptionsData.pack() }]);
  return { text, keyboard: { inline_keyboard: rows } };
}

privateChats.command("timezone", async (ctx) => {
  const name = ctx.match.trim();
  if (name === "" || !ctx.user) return void (await show(ctx, await timeZonesScreen(ctx), "reply"));
  const zone = await chooseTimeZone(ctx.deps, ctx.user.id, name);
  if (zone === undefined) {
    const { keyboard } = await timeZonesScreen(ctx);
    return void (await ctx.reply(escapeHtml(ctx.t("news-timezone-unknown", { name: name.slice(0, 64) })), { parse_mode: "HTML", reply_markup: keyboard }));
  }
  ctx.logger.info("news time zone chosen");
  await ctx.reply(escapeHtml(ctx.t("news-timezone-set", { zone, digest: DIGEST_LOCAL_HOUR, reminder: REMINDER_LOCAL_HOUR })), { parse_mode: "HTML" });
});

privateChats.callbackQuery(showTimeZonesData.pattern, async (ctx) => {
  await ctx.answerCallbackQuery();
  await show(ctx, await timeZonesScreen(ctx), "edit");
});

privateChats.callbackQuery(chooseTimeZoneData.pattern, async (ctx) => {
  const [name] = chooseTimeZoneData.unpack(ctx.callbackQuery.data) ?? [];
  const zone = name && ctx.user ? await chooseTimeZone(ctx.deps, ctx.user.id, name) : undefined;
  if (zone === undefined) return void (await ctx.answerCallbackQuery({ text: ctx.t("news-stale-button"), show_alert: true }));
  await ctx.answerCallbackQuery({ text: ctx.t("news-timezone-set", { zone, digest: DIGEST_LOCAL_HOUR, reminder: REMINDER_LOCAL_HOUR }) });
  ctx.logger.info("news time zone chosen");
  await show(ctx, await timeZonesScreen(ctx), "edit");
});

async function campaignsScreen(ctx: FlowContext): Promise<Screen> {
  const userId = ctx.user?.id ?? 0;
  const locale = localeOf(ctx);
  const rows: InlineKeyboardButton[][] = [];
  for (const { slug, name, following } of await campaignChoices(ctx.deps, userId, locale)) {
    rows.push([
      following
        ? { text: `✓ ${name}`, callback_data: unfollowCampaignData.pack(slug) }
        : { text: `➕ ${name}`, callback_data: followCampaignData.pack(slug) },
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
  const delivery = mode === "d" ? "digest" : "immediate";
  const { changed } = await chooseNewsDelivery(ctx.deps, ctx.user.id, delivery);
  const confirmation = delivery === "digest" ? "news-delivery-digest-set" : "news-delivery-immediate-set";
  await ctx.answerCallbackQuery({ text: ctx.t(confirmation, { hour: DIGEST_LOCAL_HOUR, zone: await timeZoneOf(ctx.deps, ctx.user.id) }) });
  ctx.logger.info({ delivery, changed }, "news delivery mode");
  await show(ctx, await subscriptionsScreen(ctx), "edit");
});

privateChats.callbackQuery([followCampaignData.pattern, unfollowCampaignData.pattern], async (ctx) => {
  const data = ctx.callbackQuery.data;
  const follow = followCampaignData.unpack(data);
  const [slug] = follow ?? unfollowCampaignData.unpack(data) ?? [];
  const name =
    slug && ctx.user
      ? await setCampaignFollowed(ctx.deps, { userId: ctx.user.id, campaignSlug: slug, follow: follow !== undefined, locale: localeOf(ctx) })
      : undefined;
  if (name === undefined) {
    await ctx.answerCallbackQuery({ text: ctx.t("news-stale-button"), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery({ text: ctx.t(follow ? "news-campaign-followed" : "news-campaign-unfollowed", { name }) });
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
  if (prisonerSlug !== undefined) await unfollowFromList(ctx.deps, ctx.user.id, { prisonerSlug });
  else if (campaignSlug !== undefined) await unfollowFromList(ctx.deps, ctx.user.id, { campaignSlug });
  await ctx.answerCallbackQuery({ text: ctx.t("news-unfollowed-short") });
  await show(ctx, await subscriptionsScreen(ctx), "edit");
});

privateChats.callbackQuery(resumeMutedFromList.pattern, async (ctx) => {
  const [slug] = resumeMutedFromList.unpack(ctx.callbackQuery.data) ?? [];
  if (!slug || !ctx.user || !(await resumeMuted(ctx.deps, ctx.user.id, slug))) {
    return void (await ctx.answerCallbackQuery({ text: ctx.t("news-stale-button"), show_alert: true }));
  }
  await ctx.answerCallbackQuery({ text: ctx.t("news-resumed-short") });
  await show(ctx, await subscriptionsScreen(ctx), "edit");
});

export { composer as subscriptionsFeature };
