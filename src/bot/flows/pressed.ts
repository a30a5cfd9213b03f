import type { Context } from "grammy";
import type { MessageRef } from "../../db/message-ref.js";

/**
 * The message whose inline button this update pressed, or `undefined` when there is none: a press on a message sent in
 * inline mode carries `inline_message_id` instead of the message, and an update that is no press has none either.
 * An action that must be done once per press (Telegram delivers a press again after a death) is keyed to this; with no
 * message it has no key, and two such presses are two actions, never one press delivered again.
 */
export function pressedMessage(ctx: Context): MessageRef | undefined {
  const message = ctx.callbackQuery?.message;
  return message === undefined ? undefined : { chatId: message.chat.id, messageId: message.message_id };
}

/** The id of the pressed message (`pressedMessage`) in its chat, or `undefined` when the press has no message. */
export function pressedMessageId(ctx: Context): number | undefined {
  return ctx.callbackQuery?.message?.message_id;
}
