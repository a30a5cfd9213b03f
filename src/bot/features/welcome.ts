import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { startPayload } from "../deep-link.js";
import { mainMenuKeyboard, menuButton } from "../keyboards/main-menu.js";

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

/**
 * Plain `/start`, and any deep link no feature claimed (an old or mistyped link): say what Lysty does and show the
 * menu. Features register their own `/start <prefix>` handlers before this one.
 */
privateChats.command("start", async (ctx) => {
  await ctx.conversation.exitAll();
  if (startPayload(ctx) !== "") await ctx.reply(ctx.t("start-unknown-link"));
  await ctx.reply(ctx.t("start-welcome"), { reply_markup: mainMenuKeyboard(ctx) });
});

privateChats.command("help", async (ctx) => {
  await ctx.reply(ctx.t("help-text"), { reply_markup: mainMenuKeyboard(ctx) });
});

privateChats.callbackQuery(menuButton.pack("help"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("help-text"), { reply_markup: mainMenuKeyboard(ctx) });
});

export { composer as welcomeFeature };
