import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { mainMenuKeyboard } from "../keyboards/main-menu.js";

const composer = new Composer<BotContext>();

/** Registered before any conversation runs, so a flow waiting for text cannot swallow it. */
composer.chatType("private").command("cancel", async (ctx) => {
  const active = Object.values(ctx.conversation.active()).reduce((sum, count) => sum + count, 0);
  await ctx.conversation.exitAll();
  await ctx.reply(ctx.t(active > 0 ? "cancel-done" : "cancel-nothing"), { reply_markup: mainMenuKeyboard(ctx) });
});

export { composer as cancelFeature };
