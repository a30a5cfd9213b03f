import { Composer, InlineKeyboard } from "grammy";
import { organisersByCampaign, revokeOrganiserRole } from "../../../services/organisers/revoke.js";
import { resolveLocale } from "../../../telegram/locale.js";
import type { BotContext, FlowContext } from "../../context.js";
import { escapeHtml } from "../../../telegram/html.js";
import { isAdmin } from "../../roles.js";
import { revokeOrganiserButton } from "./callbacks.js";
import { refreshMenuFor } from "./discoverability.js";
import { ignoreNotModified } from "../../../telegram/api-errors.js";

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

/** Every active organiser by campaign, with a revoke button each. Ids only: Lysty keeps no names. */
async function organiserOverview(ctx: FlowContext): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const locale = resolveLocale(ctx.user?.locale, ctx.deps.config.defaultLocale);
  const { names, organisers } = await organisersByCampaign(ctx.deps.db, locale);
  const keyboard = new InlineKeyboard();
  if (organisers.length === 0) return { text: ctx.t("organisers-list-empty"), keyboard };
  const lines = [ctx.t("organisers-list-title")];
  let campaign = "";
  for (const organiser of organisers) {
    if (organiser.campaign_slug !== campaign) {
      campaign = organiser.campaign_slug;
      lines.push("", `<b>${escapeHtml(names.get(campaign) ?? campaign)}</b>`);
    }
    const since = organiser.granted_at.slice(0, 10);
    lines.push(ctx.t("organisers-list-entry", { user: `<a href="tg://user?id=${organiser.user_id}">${organiser.user_id}</a>`, since }));
    keyboard
      .text(
        ctx.t("organisers-list-revoke", { user: String(organiser.user_id), campaign: names.get(campaign) ?? campaign }),
        revokeOrganiserButton.pack(organiser.user_id, campaign),
      )
      .row();
  }
  return { text: lines.join("\n"), keyboard };
}

privateChats.command("organisers", async (ctx) => {
  if (!isAdmin(ctx)) {
    await ctx.reply(ctx.t("organisers-admin-only"));
    return;
  }
  const { text, keyboard } = await organiserOverview(ctx);
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
});

privateChats.callbackQuery(revokeOrganiserButton.pattern, async (ctx) => {
  if (!isAdmin(ctx)) {
    await ctx.answerCallbackQuery({ text: ctx.t("organisers-admin-only"), show_alert: true });
    return;
  }
  const [userIdText, campaignSlug = ""] = revokeOrganiserButton.unpack(ctx.callbackQuery.data) ?? [];
  const userId = Number(userIdText);
  const revoked = Number.isSafeInteger(userId) ? await revokeOrganiserRole(ctx.deps, ctx.from.id, userId, campaignSlug) : undefined;
  await ctx.answerCallbackQuery({ text: ctx.t(revoked ? "organisers-revoked" : "organisers-revoke-nothing"), show_alert: !revoked });
  if (revoked) await refreshMenuFor(ctx, userId, revoked.locale);
  const { text, keyboard } = await organiserOverview(ctx);
  await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard }).catch(ignoreNotModified);
});

export { composer as organiserListFeature };
