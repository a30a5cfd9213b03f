import type { InlineKeyboardMarkup, ParseMode } from "grammy/types";
import type { BotContext } from "../../context.js";
import { ignoreNotModified } from "../../../telegram/api-errors.js";

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
