import type { Chat, Message } from "grammy/types";
import { badRequest, notEmulated, tooManyRequests } from "../api-error.js";
import { isRecord, type Params, readBoolean, readChatId, readInteger, readJson, requireChatId } from "../params.js";
import type { FakeState } from "../state/fake-state.js";
import type { ChatRecord } from "../state/world.js";

/** Message fields a send method fills in; ids, sender, chat and date are added by `postMessage`. */
export type MessageContent = Omit<Partial<Message>, "message_id" | "chat" | "date" | "from" | "sender_chat">;

/** The chat a send method targets, after the checks Telegram makes before anything is sent. */
export function writableChat(state: FakeState, params: Params, field = "chat_id"): ChatRecord {
  const record = state.world.resolveChat(requireChatId(params, field));
  state.world.assertBotCanWrite(record);
  return record;
}

/** The message being replied to, from `reply_parameters` or the older `reply_to_message_id`. */
export function replyTarget(state: FakeState, record: ChatRecord, params: Params): Message | undefined {
  const parameters = readJson(params, "reply_parameters", "reply parameters");
  let messageId: number | undefined;
  let allowWithoutReply = readBoolean(params, "allow_sending_without_reply") ?? false;
  if (parameters !== undefined) {
    if (!isRecord(parameters)) throw badRequest("can't parse reply parameters JSON object");
    if (parameters.message_id === undefined) throw badRequest('can\'t find field "message_id"');
    messageId = readInteger(parameters, "message_id");
    allowWithoutReply = readBoolean(parameters, "allow_sending_without_reply") ?? false;
    const otherChat = readChatId(parameters, "chat_id");
    if (otherChat !== undefined && otherChat !== record.chat.id) {
      throw notEmulated("replies to messages in another chat are not emulated");
    }
  } else {
    messageId = readInteger(params, "reply_to_message_id");
  }
  if (messageId === undefined) return undefined;
  const target = state.messages.findLive(record.chat.id, messageId);
  if (target === undefined) {
    if (allowWithoutReply) return undefined;
    throw badRequest("message to be replied not found");
  }
  const { reply_to_message: _nested, ...replied } = target.message;
  return replied as Message;
}

/** Applies the flood limits configured on the fake; over the limit this is Telegram's 429. */
export function takeSendToken(state: FakeState, record: ChatRecord): void {
  const { type } = record.chat;
  const retryAfter = state.limiter.acquire(record.chat.id, type === "group" || type === "supergroup");
  if (retryAfter !== undefined) throw tooManyRequests(retryAfter);
}

/** Stores a message from the bot and returns it as Telegram would. */
export function postMessage(state: FakeState, record: ChatRecord, content: MessageContent, replyTo?: Message): Message {
  const { chat } = record;
  const stored = state.messages.append(chat.id, true, (messageId) => ({
    message_id: messageId,
    // Channel posts carry the channel as sender and no `from`.
    ...(chat.type === "channel" ? { sender_chat: chat } : { from: state.world.bot }),
    chat,
    date: state.unixTime(),
    ...(replyTo === undefined ? {} : { reply_to_message: replyTo as Message & { reply_to_message: undefined } }),
    ...content,
  }));
  if (chat.type === "channel") forwardToDiscussion(state, stored.message);
  return stored.message;
}

/** Telegram user id 777000 ("Telegram") is the sender of the copies it makes of channel posts in discussion groups. */
export const TELEGRAM_SERVICE_USER = { id: 777000, is_bot: false, first_name: "Telegram" } as const;

/**
 * A post in a channel with a linked discussion group appears there too, as an automatic forward from the channel:
 * people comment on the post by replying to that copy.
 */
function forwardToDiscussion(state: FakeState, post: Message): void {
  const groupId = state.world.discussionOf(post.chat.id);
  if (groupId === undefined) return;
  const group = state.world.requireChat(groupId);
  const { message_id: _id, chat: _chat, date: _date, sender_chat: _sender, reply_markup: _markup, reply_to_message: _reply, ...content } = post;
  state.messages.append(groupId, false, (messageId) => ({
    ...content,
    message_id: messageId,
    from: TELEGRAM_SERVICE_USER,
    sender_chat: post.chat,
    chat: group.chat,
    date: post.date,
    is_automatic_forward: true,
    forward_origin: { type: "channel", chat: post.chat as Chat.ChannelChat, message_id: post.message_id, date: post.date },
  }));
}
