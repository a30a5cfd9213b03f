import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { recordBotBlocked } from "../../services/users/settings.js";

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

/**
 * A person blocked or unblocked the bot. Blocking marks them so news, reminders and digests stop at once instead of
 * failing with 403 one by one; unblocking clears the mark. Only an existing row changes: blocking never creates one
 * (someone who asked to be forgotten and then blocks the bot stays forgotten).
 */
privateChats.on("my_chat_member", async (ctx) => {
  const status = ctx.myChatMember.new_chat_member.status;
  const changed = await recordBotBlocked(ctx.deps, ctx.from.id, status === "kicked");
  if (changed) ctx.deps.logger.info({ user_id: ctx.from.id, status }, "bot membership changed in a private chat");
});

const fallback = new Composer<BotContext>();

/**
 * Telegram sends edits of messages the person sent earlier. No flow reads them (a letter keeps the text as it was
 * received), so the person is told to send the corrected text again instead of believing the edit counted.
 */
fallback.chatType("private").on("edited_message", async (ctx) => {
  await ctx.reply(ctx.t("privacy-edit-not-seen"));
});

export { composer as membershipFeature, fallback as editedMessageFallback };
