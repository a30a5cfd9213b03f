import { Composer } from "grammy";
import { isRelayChatType } from "../../../services/relay/chat-rights.js";
import { MAX_REPLY_BYTES, receiveOrganiserReply } from "../../../services/relay/letter-replies.js";
import type { BotContext } from "../../context.js";
import { mayActFor } from "../../roles.js";
import { answeredCard } from "./answered-card.js";

const composer = new Composer<BotContext>();

/**
 * The prisoner's answer comes back: an organiser replies to a relayed letter's card, in the chat it was posted to,
 * with a photo or a document (for a card in a channel: in the channel's discussion group, where Telegram copies it).
 * The writer receives it in private with the reference and the prisoner's name.
 * Anything else (no reply, a reply to another message, a forward) passes through untouched or is explained.
 */
composer.chatType(["group", "supergroup"]).on(["message:photo", "message:document"], async (ctx, next) => {
  const message = ctx.message;
  const card = answeredCard(message, ctx.chat.id, ctx.me.id);
  if (!card || !isRelayChatType(ctx.chat.type)) return next();
  const answer = (key: string, args?: Record<string, string>) => ctx.reply(ctx.t(key, args), { reply_parameters: { message_id: message.message_id, allow_sending_without_reply: true } });
  // A forward hides who took the photo and where it came from: organisers post the scan they received themselves.
  if (message.forward_origin) return void (await answer("routes-reply-forwarded"));
  const photo = message.photo?.at(-1);
  const file = photo ?? message.document;
  if (!file) return next();
  if ((file.file_size ?? 0) > MAX_REPLY_BYTES) return void (await answer("routes-reply-too-large"));
  const { db, clock, logger } = ctx.deps;
  const result = await receiveOrganiserReply(db, {
    chatId: card.chatId,
    cardMessageId: card.messageId,
    replyChatId: ctx.chat.id,
    messageId: message.message_id,
    organiserId: ctx.from.id,
    kind: photo ? "photo" : "document",
    fileId: file.file_id,
    now: clock.now(),
    mayAct: mayActFor(ctx),
  });
  // A photo commenting on some other channel post in a discussion group is ordinary conversation there.
  if (!result.ok && result.reason === "not-a-card" && card.viaDiscussion) return next();
  if (!result.ok) {
    logger.info({ chat_id: ctx.chat.id, user_id: ctx.from.id, refused: result.reason }, "letter reply not forwarded");
    return void (await answer(`routes-reply-refused-${result.reason}`));
  }
  logger.info({ letter_id: result.letterId, reply_id: result.replyId }, "letter reply forwarded to the writer");
  await answer("routes-reply-forwarded-ok", { reference: result.reference });
});

export { composer as repliesFeature };
