import type { BotCommand, BotCommandScope, MenuButton } from "grammy/types";
import { badRequest } from "../api-error.js";
import { isRecord, type Params, readChatId, readInteger, readJson, readString } from "../params.js";
import { commandListKey, type FakeState } from "../state/fake-state.js";
import type { MethodCall } from "./method.js";

const SCOPE_TYPES = new Set([
  "default", "all_private_chats", "all_group_chats", "all_chat_administrators", "chat", "chat_administrators",
  "chat_member",
]);
const MAX_COMMANDS = 100;

export function setMyCommands({ state, params }: MethodCall): true {
  const commands = readCommands(params);
  const scope = readScope(state, params);
  const languageCode = readLanguageCode(params);
  const key = commandListKey(scope, languageCode);
  // An empty list is how Telegram clears commands for the scope.
  if (commands.length === 0) state.commands.delete(key);
  else state.commands.set(key, { scope, languageCode, commands });
  return true;
}

export function getMyCommands({ state, params }: MethodCall): BotCommand[] {
  const key = commandListKey(readScope(state, params), readLanguageCode(params));
  return [...(state.commands.get(key)?.commands ?? [])];
}

export function deleteMyCommands({ state, params }: MethodCall): true {
  state.commands.delete(commandListKey(readScope(state, params), readLanguageCode(params)));
  return true;
}

export function setChatMenuButton({ state, params }: MethodCall): true {
  const chatId = readInteger(params, "chat_id");
  if (chatId !== undefined) state.world.resolveChat(chatId);
  const button = readJson(params, "menu_button", "menu button") ?? { type: "default" };
  state.menuButtons.set(chatId ?? "default", validateMenuButton(button));
  return true;
}

export function getChatMenuButton({ state, params }: MethodCall): MenuButton {
  const chatId = readInteger(params, "chat_id");
  return state.menuButtons.get(chatId ?? "default") ?? (chatId === undefined ? { type: "commands" } : { type: "default" });
}

function readCommands(params: Params): BotCommand[] {
  const value = readJson(params, "commands", "commands");
  if (!Array.isArray(value)) throw badRequest('field "commands" must be of type Array');
  if (value.length > MAX_COMMANDS) throw badRequest("too many commands specified");
  return value.map((item) => {
    if (!isRecord(item)) throw badRequest("can't parse BotCommand: BotCommand must be an Object");
    const command = readString(item, "command") ?? "";
    const description = readString(item, "description") ?? "";
    if (command === "") throw badRequest("command must be non-empty");
    if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest("BOT_COMMAND_INVALID");
    if (description.trim() === "") throw badRequest("command description must be non-empty");
    if (description.length > 256) throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    return { command, description };
  });
}

function readScope(state: FakeState, params: Params): BotCommandScope {
  const value = readJson(params, "scope", "BotCommandScope") ?? { type: "default" };
  if (!isRecord(value) || typeof value.type !== "string") throw badRequest("can't parse BotCommandScope: Can't find field \"type\"");
  if (!SCOPE_TYPES.has(value.type)) throw badRequest("can't parse BotCommandScope: Unsupported type specified");
  if (value.type !== "chat" && value.type !== "chat_administrators" && value.type !== "chat_member") {
    return { type: value.type } as BotCommandScope;
  }
  const chatId = readChatId(value, "chat_id");
  if (chatId === undefined) throw badRequest('can\'t parse BotCommandScope: Can\'t find field "chat_id"');
  const chat = state.world.resolveChat(chatId).chat;
  if (value.type !== "chat_member") return { type: value.type, chat_id: chat.id };
  const userId = readInteger(value, "user_id");
  if (userId === undefined) throw badRequest('can\'t parse BotCommandScope: Can\'t find field "user_id"');
  return { type: "chat_member", chat_id: chat.id, user_id: userId };
}

function readLanguageCode(params: Params): string {
  const code = readString(params, "language_code") ?? "";
  if (code !== "" && !/^[a-z]{2}$/.test(code)) throw badRequest("invalid language code specified");
  return code;
}

function validateMenuButton(value: unknown): MenuButton {
  if (!isRecord(value)) throw badRequest("can't parse menu button JSON object");
  switch (value.type) {
    case "default":
    case "commands":
      return { type: value.type };
    case "web_app": {
      const webApp = isRecord(value.web_app) ? value.web_app : {};
      if (typeof value.text !== "string" || value.text === "") throw badRequest("can't parse MenuButton: Can't find field \"text\"");
      if (typeof webApp.url !== "string" || !webApp.url.startsWith("https://")) {
        throw badRequest("menu button Web App URL is invalid: Only HTTPS links are allowed");
      }
      return { type: "web_app", text: value.text, web_app: { url: webApp.url } };
    }
    default:
      throw badRequest("can't parse MenuButton: Unsupported type specified");
  }
}
