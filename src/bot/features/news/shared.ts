import type { InlineKeyboardMarkup, ParseMode } from "grammy/types";
import { getCampaignBySlug } from "../../../db/repositories/campaigns.js";
import type { BotContext, FlowContext } from "../../context.js";
import { localeOf } from "../../locale.js";
import { ignoreNotModified } from "../../../telegram/api-errors.js";

/** Campaign names in the reader's language, slugs for campaigns that no longer exist. */
export async function campaignNames(ctx: FlowContext, slugs: readonly string[]): Promise<string[]> {
  const locale = localeOf(ctx);
  const names: string[] = [];
  for (const slug of slugs) names.push((await getCampaignBySlug(ctx.deps.db, slug))?.name[locale] ?? slug);
  return names;
}

/**
 * Redraws the message the pressed button belongs to. Pressing a button whose screen would not change (the option
 * already chosen, an old list) makes Telegram refuse the edit as "not modified": the screen is already right.
 */
export async function editOrKeep(
  ctx: BotContext,
  text: string,
  options: { parse_mode?: ParseMode; reply_markup?: InlineKeyboardMarkup },
): Promise<void> {
  await ctx.editMessageText(text, options).catch(ignoreNotModified);
}
