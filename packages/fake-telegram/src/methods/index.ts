import { getChat, getChatAdministrators, getChatMember, getMe, leaveChat, sendChatAction } from "./chats.js";
import { deleteMyCommands, getChatMenuButton, getMyCommands, setChatMenuButton, setMyCommands } from "./commands.js";
import { getFile, sendDocument } from "./documents.js";
import { copyMessage, forwardMessage } from "./forwarding.js";
import { deleteMessage, editMessageReplyMarkup, editMessageText, sendMessage } from "./messages.js";
import type { MethodHandler } from "./method.js";
import { answerCallbackQuery, answerInlineQuery } from "./queries.js";
import { deleteWebhook, getUpdates, getWebhookInfo, setWebhook } from "./updates.js";

const HANDLERS: Readonly<Record<string, MethodHandler>> = {
  getMe,
  getUpdates,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
  sendMessage,
  editMessageText,
  editMessageReplyMarkup,
  deleteMessage,
  copyMessage,
  forwardMessage,
  sendDocument,
  getFile,
  getChat,
  getChatMember,
  getChatAdministrators,
  sendChatAction,
  leaveChat,
  answerCallbackQuery,
  answerInlineQuery,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  setChatMenuButton,
  getChatMenuButton,
};

export interface EmulatedMethod {
  readonly name: string;
  readonly handle: MethodHandler;
}

/** Bot API method names are case-insensitive. */
const BY_LOWERCASE_NAME = new Map<string, EmulatedMethod>(
  Object.entries(HANDLERS).map(([name, handle]) => [name.toLowerCase(), { name, handle }]),
);

export function findMethod(name: string): EmulatedMethod | undefined {
  return BY_LOWERCASE_NAME.get(name.toLowerCase());
}

export const EMULATED_METHODS: readonly string[] = Object.keys(HANDLERS);
