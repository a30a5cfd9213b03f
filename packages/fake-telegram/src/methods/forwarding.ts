import type { Message, MessageId, MessageOrigin } from "grammy/types";
import { badRequest } from "../api-error.js";
import { type Params, readChatId, readInteger, readString, requireChatId } from "../params.js";
import { readReplyMarkup } from "../reply-markup.js";
import type { FakeState } from "../state/fake-state.js";
import type { StoredMessage } from "../state/message-store.js";
import { readCaption } from "../text/formatted-text.js";
import { type MessageContent, postMessage, replyTarget, takeSendToken, writableChat } from "./delivery.js";
import type { MethodCall } from "./method.js";

/** What a copy or a forward carries over from the original. */
const CONTENT_FIELDS = [
  "text", "entities", "document", "photo", "sticker", "voice", "audio", "video", "animation", "location", "venue",
  "contact", "caption", "caption_entities",
] as const satisfies readonly (keyof Message)[];
const CAPTIONED_FIELDS = ["document", "photo", "voice", "audio", "video", "animation"] as const;

export function copyMessage({ state, params }: MethodCall): MessageId {
  requireChatId(params);
  const source = sourceMessage(state, params, "copy");
  const markup = readReplyMarkup(params);
  const record = writableChat(state, params);
  const content = contentOf(source);
  const captionOverride = readString(params, "caption") !== undefined;
  if (captionOverride && CAPTIONED_FIELDS.some((field) => field in content)) {
    delete content.caption;
    delete content.caption_entities;
    const caption = readCaption(params);
    if (caption !== undefined) {
      content.caption = caption.text;
      if (caption.entities.length > 0) content.caption_entities = caption.entities;
    }
  }
  const replyTo = replyTarget(state, record, params);
  takeSendToken(state, record);
  const copy = postMessage(state, record, {
    ...content,
    ...(markup?.kind === "inline" ? { reply_markup: markup.markup } : {}),
  }, replyTo);
  return { message_id: copy.message_id };
}

export function forwardMessage({ state, params }: MethodCall): Message {
  requireChatId(params);
  const source = sourceMessage(state, params, "forward");
  const record = writableChat(state, params);
  takeSendToken(state, record);
  return postMessage(state, record, { ...contentOf(source), forward_origin: originOf(source.message) });
}

function sourceMessage(state: FakeState, params: Params, action: "copy" | "forward"): StoredMessage {
  const fromChatId = readChatId(params, "from_chat_id");
  if (fromChatId === undefined) throw badRequest('parameter "from_chat_id" is required');
  const source = state.world.resolveChat(fromChatId);
  const stored = state.messages.findLive(source.chat.id, readInteger(params, "message_id") ?? 0);
  if (stored === undefined) throw badRequest(`message to ${action} not found`);
  if (!CONTENT_FIELDS.some((field) => field in stored.message)) throw badRequest(`message can't be ${action === "copy" ? "copied" : "forwarded"}`);
  return stored;
}

function contentOf(stored: StoredMessage): MessageContent {
  const content: Record<string, unknown> = {};
  for (const field of CONTENT_FIELDS) {
    if (stored.message[field] !== undefined) content[field] = structuredClone(stored.message[field]);
  }
  return content as MessageContent;
}

function originOf(message: Message): MessageOrigin {
  if (message.forward_origin !== undefined) return message.forward_origin;
  const { chat } = message;
  if (chat.type === "channel") {
    return { type: "channel", chat, message_id: message.message_id, date: message.date };
  }
  if (message.sender_chat !== undefined) return { type: "chat", sender_chat: message.sender_chat, date: message.date };
  if (message.from === undefined) throw badRequest("message can't be forwarded");
  return { type: "user", sender_user: message.from, date: message.date };
}
