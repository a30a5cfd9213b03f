import type { Message } from "grammy/types";

export interface StoredMessage {
  /** The message as it currently is: edits are applied in place. */
  message: Message;
  readonly sentByBot: boolean;
  deleted: boolean;
}

interface ChatMessages {
  /** Index `message_id - 1`: ids are allocated per chat, so lookups need no map. */
  readonly all: StoredMessage[];
  readonly sentByBot: StoredMessage[];
}

/** Every message of every chat, the bot's and the users', with per-chat increasing message ids. */
export class MessageStore {
  private readonly chats = new Map<number, ChatMessages>();

  append(chatId: number, sentByBot: boolean, build: (messageId: number) => Message): StoredMessage {
    const messages = this.chat(chatId);
    const stored: StoredMessage = { message: build(messages.all.length + 1), sentByBot, deleted: false };
    messages.all.push(stored);
    if (sentByBot) messages.sentByBot.push(stored);
    return stored;
  }

  find(chatId: number, messageId: number): StoredMessage | undefined {
    if (!Number.isInteger(messageId) || messageId < 1) return undefined;
    return this.chats.get(chatId)?.all[messageId - 1];
  }

  /** The live, not deleted message, or undefined. */
  findLive(chatId: number, messageId: number): StoredMessage | undefined {
    const stored = this.find(chatId, messageId);
    return stored && !stored.deleted ? stored : undefined;
  }

  /** Every message of the chat, users' and the bot's, oldest first. */
  all(chatId: number): readonly StoredMessage[] {
    return this.chats.get(chatId)?.all ?? [];
  }

  sentByBot(chatId: number): readonly StoredMessage[] {
    return this.chats.get(chatId)?.sentByBot ?? [];
  }

  private chat(chatId: number): ChatMessages {
    let messages = this.chats.get(chatId);
    if (messages === undefined) {
      messages = { all: [], sentByBot: [] };
      this.chats.set(chatId, messages);
    }
    return messages;
  }
}
