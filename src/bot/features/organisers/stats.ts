import { Composer } from "grammy";
import { splitForTelegram } from "../../../domain/letters/split-for-telegram.js";
import { campaignReport } from "../../../services/organisers/stats.js";
import { resolveLocale } from "../../../telegram/locale.js";
import type { BotContext, FlowContext } from "../../context.js";
import { escapeHtml } from "../../../telegram/html.js";
import { campaignsInScope } from "./access.js";
import { prisonerName } from "../../../domain/directory/names.js";

/** One campaign's block: totals, then each prisoner with week / month counts and followers, then who got nothing. */
async function campaignSection(ctx: FlowContext, campaignSlug: string, now: Date): Promise<string> {
  const locale = resolveLocale(ctx.user?.locale, ctx.deps.config.defaultLocale);
  const { campaign, stats, prisoners: bySlug, forgotten } = await campaignReport(ctx.deps.db, campaignSlug, now);
  const name = (slug: string) => {
    const prisoner = bySlug.get(slug);
    return escapeHtml(prisoner ? prisonerName(prisoner.names, locale, "prose") : slug);
  };
  const lines = [
    `<b>${escapeHtml(campaign?.name[locale] ?? campaignSlug)}</b>`,
    ctx.t("organisers-stats-totals", { week: stats.lastWeek, month: stats.lastMonth, followers: stats.campaignFollowers }),
  ];
  for (const entry of stats.prisoners) {
    lines.push(ctx.t("organisers-stats-prisoner", { prisoner: name(entry.prisonerSlug), week: entry.lastWeek, month: entry.lastMonth, followers: entry.followers }));
  }
  lines.push(
    forgotten.length > 0
      ? ctx.t("organisers-stats-no-letters", { prisoners: forgotten.map(name).join(", ") })
      : ctx.t("organisers-stats-no-letters-none"),
  );
  return lines.join("\n");
}

const composer = new Composer<BotContext>();

composer.chatType("private").command("stats", async (ctx) => {
  const scope = await campaignsInScope(ctx);
  if (scope.campaigns.length === 0) {
    await ctx.reply(ctx.t(scope.admin ? "organisers-stats-no-campaigns" : "organisers-not-organiser"));
    return;
  }
  const now = ctx.deps.clock.now();
  const sections: string[] = [ctx.t("organisers-stats-title")];
  for (const slug of scope.campaigns) sections.push(await campaignSection(ctx, slug, now));
  // No tag spans a line break, and cuts fall between lines, so long statistics split without breaking the HTML.
  for (const message of splitForTelegram(sections.join("\n\n"), 4000)) await ctx.reply(message, { parse_mode: "HTML" });
});

export { composer as statsFeature };
