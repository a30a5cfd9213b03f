import { Composer } from "grammy";
import type { BotContext } from "../context.js";

const composer = new Composer<BotContext>();

composer.chatType("private").command("privacy", async (ctx) => {
  await ctx.reply(ctx.t("privacy-text"));
});

export { composer as privacyFeature };
