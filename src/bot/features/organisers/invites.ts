import { Composer, InlineKeyboard } from "grammy";
import { browseCampaigns } from "../../../services/directory/browse.js";
import { type InviteRequest, inviteOrganiser, joinAsOrganiser } from "../../../services/organisers/invites.js";
import { resolveLocale } from "../../../telegram/locale.js";
import type { BotContext, FlowContext } from "../../context.js";
import { deepLinkUrl, isDeepLink, startPayload } from "../../deep-link.js";
import { escapeHtml } from "../../../telegram/html.js";
import { isAdmin } from "../../roles.js";
import { commandArgs } from "./access.js";
import { inviteForCampaign } from "./callbacks.js";
import { refreshMenuFor } from "./discoverability.js";

/** Long enough to pass a link on, short enough that a leaked one soon stops working. */
const INVITE_VALID_HOURS = 72;
const INVITE_PREFIX = "org_";

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

async function campaignKeyboard(ctx: FlowContext): Promise<InlineKeyboard> {
  const keyboard = new InlineKeyboard();
  const locale = resolveLocale(ctx.user?.locale, ctx.deps.config.defaultLocale);
  for (const campaign of await browseCampaigns(ctx.deps.db)) keyboard.text(campaign.name[locale], inviteForCampaign.pack(campaign.slug)).row();
  return keyboard;
}

/**
 * Creates the one-time link; the role is checked here, whatever showed the button. `request`: the typed
 * `/invite <campaign>` or the press of a campaign's button, either of which Telegram may deliver again after a death
 * (a refused answer to the press no longer stops this handler): the same request is sent the same link again.
 */
async function sendInvite(ctx: FlowContext, campaignSlug: string, request: InviteRequest): Promise<void> {
  const invite = await inviteOrganiser(ctx.deps, { adminId: ctx.from?.id ?? 0, campaignSlug, validForHours: INVITE_VALID_HOURS, request });
  if (!invite) {
    await ctx.reply(ctx.t("organisers-unknown-campaign", { campaign: escapeHtml(campaignSlug) }), { parse_mode: "HTML" });
    return;
  }
  const { campaign, token } = invite;
  await ctx.reply(
    ctx.t("organisers-invite-created", {
      campaign: escapeHtml(campaign.name[resolveLocale(ctx.user?.locale, ctx.deps.config.defaultLocale)]),
      hours: INVITE_VALID_HOURS,
      link: deepLinkUrl(ctx.me.username, INVITE_PREFIX + token),
    }),
    { parse_mode: "HTML", link_preview_options: { is_disabled: true } },
  );
}

privateChats.command("invite", async (ctx) => {
  if (!isAdmin(ctx)) {
    await ctx.reply(ctx.t("organisers-admin-only"));
    return;
  }
  const [campaignSlug] = commandArgs(ctx);
  if (campaignSlug) return sendInvite(ctx, campaignSlug, { messageId: ctx.message.message_id });
  await ctx.reply(ctx.t("organisers-invite-choose"), { reply_markup: await campaignKeyboard(ctx) });
});

privateChats.callbackQuery(inviteForCampaign.pattern, async (ctx) => {
  if (!isAdmin(ctx)) {
    await ctx.answerCallbackQuery({ text: ctx.t("organisers-admin-only"), show_alert: true });
    return;
  }
  const [campaignSlug] = inviteForCampaign.unpack(ctx.callbackQuery.data) ?? [];
  await ctx.answerCallbackQuery();
  // The press, not its message: a second press of the same button is a second one-time link asked for.
  await sendInvite(ctx, campaignSlug ?? "", { pressId: ctx.callbackQuery.id });
});

privateChats.command("start").filter(isDeepLink(INVITE_PREFIX), async (ctx) => {
  await ctx.conversation.exitAll();
  const token = startPayload(ctx).slice(INVITE_PREFIX.length);
  const result = await joinAsOrganiser(ctx.deps, token, ctx.from.id);
  if (!result.ok) {
    await ctx.reply(ctx.t(`organisers-invite-${result.reason}`));
    return;
  }
  const locale = resolveLocale(ctx.user?.locale, ctx.deps.config.defaultLocale);
  const campaignName = escapeHtml(result.campaign?.name[locale] ?? result.campaignSlug);
  if (result.already) {
    return void (await ctx.reply(ctx.t("organisers-invite-already", { campaign: campaignName, id: escapeHtml(result.campaignSlug) }), { parse_mode: "HTML" }));
  }
  await ctx.reply(ctx.t("organisers-invite-welcome", { campaign: campaignName, id: escapeHtml(result.campaignSlug) }), { parse_mode: "HTML" });
  await refreshMenuFor(ctx, ctx.from.id, ctx.user?.locale);
});

export { composer as invitesFeature };
