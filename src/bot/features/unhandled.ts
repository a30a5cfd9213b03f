import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { mainMenuKeyboard } from "../keyboards/main-menu.js";
import { looksLikeSentences } from "./directory/search.js";
import { offerDrafts } from "./letter/drafts.js";

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

/** Registered last: whatever no feature understood gets a short hint instead of silence. */
privateChats.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("unhandled-stale-button"), show_alert: true });
});

privateChats.on("message:text", async (ctx) => {
  if (ctx.message.text.startsWith("/")) {
    await ctx.reply(ctx.t("unhandled-command"), { reply_markup: mainMenuKeyboard(ctx) });
    return;
  }
  // Sentences here are mostly a letter pasted before choosing whom it is for (or after leaving it), or a question how
  // to write one: the writer's unfinished letters follow.
  const sentences = looksLikeSentences(ctx.message.text);
  await ctx.reply(ctx.t(sentences ? "unhandled-sentences" : "unhandled-text"), { reply_markup: mainMenuKeyboard(ctx) });
  if (sentences) await offerDrafts(ctx, "text");
});

privateChats.on("message", async (ctx) => {
  await ctx.reply(ctx.t("unhandled-media"), { reply_markup: mainMenuKeyboard(ctx) });
});

export { composer as unhandledFeature };
