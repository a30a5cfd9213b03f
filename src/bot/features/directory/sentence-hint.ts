import { InlineKeyboard } from "grammy";
import type { BotContext } from "../../context.js";
import { menuButton } from "../../keyboards/main-menu.js";
import { offerDrafts } from "../letter/drafts.js";

/**
 * A sentence typed outside any flow («Дякую за допомогу!») is not searched as a name: a "nobody found for «…»" screen
 * quoting it says nothing useful. What the bot does instead, with the ways to it as buttons, and the writer's
 * unfinished letters, which the sentence may have been meant for (a writer who left the letter with /language).
 */
export async function replySentenceHint(ctx: BotContext): Promise<void> {
  const keyboard = new InlineKeyboard()
    .text(ctx.t("menu-find"), menuButton.pack("find"))
    .text(ctx.t("menu-browse"), menuButton.pack("browse"))
    .row()
    .text(ctx.t("menu-write"), menuButton.pack("write"))
    .text(ctx.t("menu-help"), menuButton.pack("help"));
  await ctx.reply(ctx.t("directory-bot-sentence-hint"), { reply_markup: keyboard });
  await offerDrafts(ctx, "text");
}
