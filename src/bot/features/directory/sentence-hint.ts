import { InlineKeyboard } from "grammy";
import type { FlowContext } from "../../context.js";
import { menuButton } from "../../keyboards/main-menu.js";

/**
 * A sentence typed outside any flow («Дякую за допомогу!») is not searched as a name: a "nobody found for «…»" screen
 * quoting it says nothing useful. What the bot does instead, with the ways to it as buttons.
 */
export async function replySentenceHint(ctx: FlowContext): Promise<void> {
  const keyboard = new InlineKeyboard()
    .text(ctx.t("menu-find"), menuButton.pack("find"))
    .text(ctx.t("menu-browse"), menuButton.pack("browse"))
    .row()
    .text(ctx.t("menu-write"), menuButton.pack("write"))
    .text(ctx.t("menu-help"), menuButton.pack("help"));
  await ctx.reply(ctx.t("directory-bot-sentence-hint"), { reply_markup: keyboard });
}
