import type { Message } from "grammy/types";

/** Where a letter's card is: the chat it was posted to and its message id there (`relayed_letters`). */
export interface CardAddress {
  chatId: number;
  messageId: number;
  /** Answered in a channel's discussion group, where people also comment on posts that are not cards. */
  viaDiscussion: boolean;
}

/**
 * The letter card a group message answers: a reply to the bot's own card in a linked group, or, in a channel's
 * discussion group, a reply to the copy Telegram made there of a card posted in the channel (an automatic forward
 * that names the channel post). Anything else is not an answer to a card.
 */
export function answeredCard(message: Message, chatId: number, botId: number): CardAddress | undefined {
  const repliedTo = message.reply_to_message;
  if (!repliedTo) return undefined;
  if (repliedTo.from?.id === botId) return { chatId, messageId: repliedTo.message_id, viaDiscussion: false };
  const origin = repliedTo.forward_origin;
  if (repliedTo.is_automatic_forward && origin?.type === "channel") return { chatId: origin.chat.id, messageId: origin.message_id, viaDiscussion: true };
  return undefined;
}
