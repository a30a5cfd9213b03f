import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { startPayload } from "../deep-link.js";
import { mainMenuKeyboard, menuButton } from "../keyboards/main-menu.js";
import { isGreeting } from "../../domain/search/greeting.js";

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

const greetings = new Composer<BotContext>();

/** Section 4, before the search fallback: «привіт» or «hello» is answered with a hello and what Lysty does. */
greetings.chatType("private").on("message:text", async (ctx, next) => {
  if (!isGreeting(ctx.message.text)) return next();
  await ctx.reply(`${ctx.t("start-greeting")}\n\n${ctx.t("start-welcome")}`, { reply_markup: mainMenuKeyboard(ctx) });
});

export { greetings as greetingFallback };
