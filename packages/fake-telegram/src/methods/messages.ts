import type { Message } from "grammy/types";
import { badRequest, notEmulated } from "../api-error.js";
import { type Params, readInteger, readString, requireChatId } from "../params.js";
import { readInlineMarkupForEdit, readReplyMarkup } from "../reply-markup.js";
import type { FakeState } from "../state/fake-state.js";
import type { StoredMessage } from "../state/message-store.js";
import { checkMessageText, type FormattedText, parseMessageText } from "../text/formatted-text.js";
import { type MessageContent, postMessage, replyTarget, takeSendToken, writableChat } from "./delivery.js";
import type { MethodCall } from "./method.js";

function textContent(formatted: FormattedText): MessageContent {
  return { text: formatted.text, ...(formatted.entities.length > 0 ? { entities: formatted.entities } : {}) };
}

export function sendMessage({ state, params }: MethodCall): Message {
  requireChatId(params);
  const parsed = parseMessageText(params);
  const record = writableChat(state, params);
  const text = checkMessageText(parsed, "message is too long");
  const markup = readReplyMarkup(params);
  const replyTo = replyTarget(state, record, params);
  takeSendToken(state, record);
  return postMessage(state, record, {
    ...textContent(text),
    ...(markup?.kind === "inline" ? { reply_markup: markup.markup } : {}),
  }, replyTo);
}

export function editMessageText({ state, params }: MethodCall): Message {
  rejectInlineMessages(params);
  requireChatId(params);
  const parsed = parseMessageText(params);
  const stored = editableMessage(state, params);
  const text = checkMessageText(parsed, "MESSAGE_TOO_LONG");
  const markup = readInlineMarkupForEdit(params);
  if (stored.message.text === undefined) throw badRequest("there is no text in the message to edit");
  const unchanged =
    stored.message.text === text.text &&
    sameJson(stored.message.entities ?? [], text.entities) &&
    sameJson(stored.message.reply_markup, markup);
  if (unchanged) throw notModified();
  // Omitting reply_markup in an edit removes the inline keyboard, as on Telegram.
  return applyEdit(state, stored, { ...textContent(text), ...(markup === undefined ? {} : { reply_markup: markup }) }, [
    "text",
    "entities",
    "reply_markup",
  ]);
}

export function editMessageReplyMarkup({ state, params }: MethodCall): Message {
  rejectInlineMessages(params);
  const markup = readInlineMarkupForEdit(params);
  const stored = editableMessage(state, params);
  if (sameJson(stored.message.reply_markup, markup)) throw notModified();
  return applyEdit(state, stored, markup === undefined ? {} : { reply_markup: markup }, ["reply_markup"]);
}

export function deleteMessage({ state, params }: MethodCall): true {
  const record = state.world.resolveChat(requireChatId(params));
  state.world.assertBotIsPresent(record);
  const stored = state.messages.findLive(record.chat.id, readInteger(params, "message_id") ?? 0);
  if (stored === undefined) throw badRequest("message to delete not found");
  const othersMessageInSharedChat = !stored.sentByBot && record.chat.type !== "private";
  if (othersMessageInSharedChat && !state.world.botHasRight(record, "can_delete_messages")) {
    throw badRequest("message can't be deleted");
  }
  stored.deleted = true;
  return true;
}

function rejectInlineMessages(params: Params): void {
  if (readString(params, "inline_message_id") !== undefined) throw notEmulated("inline messages are not emulated");
}

function editableMessage(state: FakeState, params: Params): StoredMessage {
  const record = state.world.resolveChat(requireChatId(params));
  state.world.assertBotIsPresent(record);
  const stored = state.messages.findLive(record.chat.id, readInteger(params, "message_id") ?? 0);
  if (stored === undefined) throw badRequest("message to edit not found");
  if (!stored.sentByBot) throw badRequest("message can't be edited");
  return stored;
}

function applyEdit(
  state: FakeState,
  stored: StoredMessage,
  changes: MessageContent,
  replacedFields: readonly (keyof Message)[],
): Message {
  const next: Record<string, unknown> = { ...stored.message };
  for (const field of replacedFields) delete next[field];
  stored.message = { ...next, ...changes, edit_date: state.unixTime() } as Message;
  return stored.message;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const notModified = () =>
  badRequest(
    "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
  );
