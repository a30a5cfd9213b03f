import type { Update } from "grammy/types";

let updateId = 0;

/** The next update id (unique in the process), for an update a test builds beside these. */
export function nextUpdateId(): number {
  updateId += 1;
  return updateId;
}

/**
 * A text message from `userId` in their private chat with the bot, as Telegram sends it, for tests and benches that
 * hand updates to `bot.handleUpdate` themselves (the fake Telegram server builds its own). A leading command gets its
 * `bot_command` entity (the command alone, not its payload); every call takes the next update and message id.
 */
export function privateTextUpdate(userId: number, text: string, options: { languageCode?: string; date?: number } = {}): Update {
  const command = text.startsWith("/") ? (text.split(" ")[0] ?? "") : "";
  const id = nextUpdateId();
  return {
    update_id: id,
    message: {
      message_id: id,
      date: options.date ?? 0,
      chat: { id: userId, type: "private", first_name: "W" },
      from: { id: userId, is_bot: false, first_name: "W", ...(options.languageCode ? { language_code: options.languageCode } : {}) },
      text,
      ...(command ? { entities: [{ type: "bot_command" as const, offset: 0, length: command.length }] } : {}),
    },
  };
}

/**
 * A press of an inline button with `data` under message `messageId` of `userId`'s private chat with the bot, as
 * Telegram sends it (English client), for benches that press the buttons the bot last sent.
 */
export function privateButtonPressUpdate(userId: number, messageId: number, data: string): Update {
  const id = nextUpdateId();
  return {
    update_id: id,
    callback_query: {
      id: String(id),
      from: { id: userId, is_bot: false, first_name: "W", language_code: "en" },
      chat_instance: String(userId),
      data,
      message: { message_id: messageId, date: 0, chat: { id: userId, type: "private", first_name: "W" }, text: "…" },
    },
  };
}
