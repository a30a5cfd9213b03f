import { GrammyError } from "grammy";
import type { InlineKeyboardMarkup, ParseMode } from "grammy/types";
import { getCampaignBySlug } from "../../../db/repositories/campaigns.js";
import { resolveLocale } from "../../../news/translator.js";
import type { Locale } from "../../../config.js";
import type { BotContext, FlowContext } from "../../context.js";

/** The locale this person reads; `loadUser` keeps it in `ctx.user`, which is also what `ctx.t` negotiates from. */
export function localeOf(ctx: FlowContext): Locale {
  return resolveLocale(ctx.user?.locale, ctx.deps.config.defaultLocale);
}

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
  try {
    await ctx.editMessageText(text, options);
  } catch (error) {
    if (error instanceof GrammyError && /message is not modified/i.test(error.description)) return;
    throw error;
  }
}
