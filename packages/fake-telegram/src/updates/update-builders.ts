import type { ChatMemberUpdated, Message, MessageEntity, PhotoSize, User } from "grammy/types";
import { callbackDataOf, hasCallbackData } from "../reply-markup.js";
import type { AdminRights, MemberStatus } from "../state/chat-members.js";
import type { FakeState } from "../state/fake-state.js";
import { documentObject, mimeTypeForFileName } from "../state/file-store.js";
import type { ChatRecord } from "../state/world.js";
import type { UpdatePayload } from "./update-queue.js";

/** What a user sends; each field becomes the matching Message field with realistic ids and sizes. */
export interface IncomingContent {
  readonly text?: string;
  readonly caption?: string;
  readonly photo?: { readonly width?: number; readonly height?: number; readonly bytes?: Buffer };
  readonly document?: { readonly fileName: string; readonly mimeType?: string; readonly bytes: Buffer | string };
  readonly sticker?: { readonly emoji?: string };
  readonly voice?: { readonly duration?: number; readonly bytes?: Buffer };
  readonly location?: { readonly latitude: number; readonly longitude: number };
  readonly contact?: { readonly phone_number: string; readonly first_name: string; readonly last_name?: string; readonly user_id?: number };
  /** Makes the message a reply to this message of the same chat. */
  readonly replyToMessageId?: number;
}

/** An update ready to queue, and why Telegram would not deliver it (if it would not). */
export interface BuiltUpdate {
  readonly payload: UpdatePayload;
  readonly refusal?: string;
}

/**
 * `bot_command` entities as Telegram marks them in incoming text: `/name` or `/name@botname` at the start or after
 * whitespace. Offsets and lengths are UTF-16 code units.
 */
export function botCommandEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  for (const match of text.matchAll(/(?<!\S)\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_@])/g)) {
    entities.push({ type: "bot_command", offset: match.index, length: match[0].length });
  }
  return entities;
}

export function buildUserMessage(state: FakeState, from: User, record: ChatRecord, content: IncomingContent): BuiltUpdate {
  if (record.chat.type === "private" && record.chat.id !== from.id) {
    throw new Error(`fake-telegram: user ${from.id} cannot write in the private chat of user ${record.chat.id}`);
  }
  const refusal = messageRefusal(state, record, content);
  if (record.chat.type === "private") record.startedByUser = true;
  const replyTo = content.replyToMessageId === undefined ? undefined : repliedMessage(state, record, content.replyToMessageId);
  const stored = state.messages.append(record.chat.id, false, (messageId) => ({
    message_id: messageId,
    from,
    chat: record.chat,
    date: state.unixTime(),
    ...(replyTo === undefined ? {} : { reply_to_message: replyTo }),
    ...messageBody(state, content),
  }));
  return { payload: { message: stored.message } as UpdatePayload, ...(refusal === undefined ? {} : { refusal }) };
}

export function buildEditedMessage(state: FakeState, from: User, record: ChatRecord, messageId: number, text: string): BuiltUpdate {
  const stored = state.messages.findLive(record.chat.id, messageId);
  if (stored === undefined || stored.sentByBot || stored.message.from?.id !== from.id) {
    throw new Error(`fake-telegram: user ${from.id} has no message ${messageId} in chat ${record.chat.id} to edit`);
  }
  const entities = botCommandEntities(text);
  const { entities: _old, ...rest } = stored.message;
  stored.message = { ...rest, text, ...(entities.length > 0 ? { entities } : {}), edit_date: state.unixTime() };
  const refusal = messageRefusal(state, record, { text });
  return { payload: { edited_message: stored.message } as UpdatePayload, ...(refusal === undefined ? {} : { refusal }) };
}

export function buildChannelPost(state: FakeState, record: ChatRecord, text: string): BuiltUpdate {
  if (record.chat.type !== "channel") throw new Error(`fake-telegram: chat ${record.chat.id} is not a channel`);
  const stored = state.messages.append(record.chat.id, false, (messageId) => ({
    message_id: messageId,
    sender_chat: record.chat,
    chat: record.chat,
    date: state.unixTime(),
    text,
  }));
  const botStatus = state.world.membership(record, state.world.bot.id)?.status;
  const isAdmin = botStatus === "administrator" || botStatus === "creator";
  return {
    payload: { channel_post: stored.message } as UpdatePayload,
    ...(isAdmin ? {} : { refusal: "bots only receive channel posts in channels where they are administrators" }),
  };
}

export interface CallbackPress {
  readonly from: User;
  readonly record: ChatRecord;
  readonly messageId: number;
  readonly data: string;
  readonly queryId: string;
  /** Skip the check that the message has a button with this data (for tests of forged callback data). */
  readonly allowUnknownData?: boolean;
}

export function buildCallbackQuery(state: FakeState, press: CallbackPress): BuiltUpdate {
  const { record, messageId, data } = press;
  const stored = state.messages.findLive(record.chat.id, messageId);
  if (stored === undefined || !stored.sentByBot) {
    throw new Error(`fake-telegram: no message ${messageId} from the bot in chat ${record.chat.id} to press a button on`);
  }
  if (!press.allowUnknownData && !hasCallbackData(stored.message.reply_markup, data)) {
    throw new Error(
      `fake-telegram: message ${messageId} has no button with callback_data ${JSON.stringify(data)} ` +
        `(it has ${JSON.stringify(callbackDataOf(stored.message.reply_markup))}); pass allowUnknownData to forge one`,
    );
  }
  return {
    payload: {
      callback_query: {
        id: press.queryId,
        from: press.from,
        // The message as it is now. A shallow copy is a snapshot: the store never changes a message object, an edit
        // replaces it (a deep structuredClone per press copied its text, entities and keyboard once more).
        message: { ...stored.message },
        chat_instance: chatInstance(record.chat.id),
        data,
      },
    },
  };
}

export function buildInlineQuery(state: FakeState, from: User, query: string, queryId: string): BuiltUpdate {
  return {
    payload: { inline_query: { id: queryId, from, query, offset: "", chat_type: "sender" } },
    ...(state.me.supports_inline_queries ? {} : { refusal: "inline mode is off for this bot" }),
  };
}

export interface MembershipChange {
  readonly from: User;
  readonly record: ChatRecord;
  readonly status: MemberStatus;
  readonly rights?: AdminRights;
}

/** Applies a change of the bot's own membership and describes it as Telegram's my_chat_member update. */
export function buildMyChatMember(state: FakeState, change: MembershipChange): BuiltUpdate {
  const { record, status } = change;
  const bot = state.world.bot;
  const before = state.world.memberObject(record, bot.id);
  if (record.chat.type === "private") {
    if (status !== "member" && status !== "kicked") throw new Error("fake-telegram: in a private chat the bot is member or kicked (blocked)");
    record.botBlocked = status === "kicked";
    if (status === "member") record.startedByUser = true;
  } else {
    record.members.set(bot.id, { status, rights: change.rights ?? {} });
  }
  const update: ChatMemberUpdated = {
    chat: record.chat,
    from: change.from,
    date: state.unixTime(),
    old_chat_member: before,
    new_chat_member: state.world.memberObject(record, bot.id),
  };
  return { payload: { my_chat_member: update } };
}

function messageBody(state: FakeState, content: IncomingContent): Partial<Message> {
  const body: Partial<Message> = {};
  if (content.text !== undefined) {
    body.text = content.text;
    const entities = botCommandEntities(content.text);
    if (entities.length > 0) body.entities = entities;
  }
  if (content.caption !== undefined) {
    body.caption = content.caption;
    const entities = botCommandEntities(content.caption);
    if (entities.length > 0) body.caption_entities = entities;
  }
  if (content.photo !== undefined) body.photo = photoSizes(state, content.photo);
  if (content.document !== undefined) {
    const { fileName, mimeType, bytes } = content.document;
    const file = state.files.add("document", typeof bytes === "string" ? Buffer.from(bytes) : bytes, {
      fileName,
      mimeType: mimeType ?? mimeTypeForFileName(fileName) ?? "application/octet-stream",
    });
    body.document = documentObject(file);
  }
  if (content.sticker !== undefined) {
    const file = state.files.add("sticker", Buffer.from("RIFF-fake-sticker"));
    body.sticker = {
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      type: "regular",
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
      emoji: content.sticker.emoji ?? "👍",
    };
  }
  if (content.voice !== undefined) {
    const file = state.files.add("voice", content.voice.bytes ?? Buffer.from("OggS-fake-voice"));
    body.voice = {
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      duration: content.voice.duration ?? 3,
      mime_type: "audio/ogg",
      file_size: file.bytes.length,
    };
  }
  if (content.location !== undefined) body.location = { ...content.location };
  if (content.contact !== undefined) body.contact = { ...content.contact };
  if (Object.keys(body).length === 0) throw new Error("fake-telegram: an injected message needs some content");
  return body;
}

function photoSizes(state: FakeState, photo: NonNullable<IncomingContent["photo"]>): PhotoSize[] {
  const width = photo.width ?? 1280;
  const height = photo.height ?? 960;
  const file = state.files.add("photo", photo.bytes ?? Buffer.from("fake-jpeg"), { fileName: "photo.jpg", mimeType: "image/jpeg" });
  // Telegram sends several sizes, the largest last; the fake stores one file and describes a thumbnail beside it.
  const scale = Math.min(1, 90 / Math.max(width, height));
  return [
    { file_id: `${file.fileId}-s`, file_unique_id: `${file.fileUniqueId}-s`, width: Math.round(width * scale), height: Math.round(height * scale) },
    { file_id: file.fileId, file_unique_id: file.fileUniqueId, width, height, file_size: file.bytes.length },
  ];
}

function repliedMessage(state: FakeState, record: ChatRecord, messageId: number): Message & { reply_to_message: undefined } {
  const target = state.messages.findLive(record.chat.id, messageId);
  if (target === undefined) throw new Error(`fake-telegram: no message ${messageId} in chat ${record.chat.id} to reply to`);
  const { reply_to_message: _nested, ...replied } = target.message;
  return replied as Message & { reply_to_message: undefined };
}

/** Why Telegram would not deliver this user message to the bot, if it would not. */
function messageRefusal(state: FakeState, record: ChatRecord, content: IncomingContent): string | undefined {
  const { chat } = record;
  if (chat.type === "private") return record.botBlocked ? "the user has blocked the bot" : undefined;
  const botStatus = state.world.membership(record, state.world.bot.id)?.status ?? "left";
  if (botStatus === "left" || botStatus === "kicked") return "the bot is not a member of this chat";
  if (chat.type === "channel") return "users do not send messages into channels";
  if (!state.options.privacyMode || botStatus === "administrator" || botStatus === "creator") return undefined;
  if (addressesBot(state, content)) return undefined;
  if (content.replyToMessageId !== undefined && state.messages.find(chat.id, content.replyToMessageId)?.sentByBot) return undefined;
  return "privacy mode: in groups the bot only receives commands and replies to its own messages";
}

function addressesBot(state: FakeState, content: IncomingContent): boolean {
  const text = content.text ?? content.caption ?? "";
  const username = state.world.bot.username?.toLowerCase();
  return botCommandEntities(text).some((entity) => {
    const command = text.slice(entity.offset, entity.offset + entity.length);
    const at = command.indexOf("@");
    return at === -1 || command.slice(at + 1).toLowerCase() === username;
  });
}

const chatInstance = (chatId: number): string => String(BigInt(chatId) * 7_919n + 104_729n);
