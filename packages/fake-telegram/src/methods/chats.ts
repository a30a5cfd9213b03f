import type { ChatFullInfo, ChatMember, UserFromGetMe } from "grammy/types";
import { badRequest } from "../api-error.js";
import { readInteger, readString, requireChatId } from "../params.js";
import { buildMyChatMember } from "../updates/update-builders.js";
import type { MethodCall } from "./method.js";

const CHAT_ACTIONS = new Set([
  "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
  "choose_sticker", "find_location", "record_video_note", "upload_video_note",
]);

export function getMe({ state }: MethodCall): UserFromGetMe {
  return state.me;
}

export function getChat({ state, params }: MethodCall): ChatFullInfo {
  const record = state.world.resolveChat(requireChatId(params));
  if (record.chat.type !== "private") state.world.assertBotIsPresent(record);
  return state.world.fullInfo(record);
}

export function getChatMember({ state, params }: MethodCall): ChatMember {
  const chatId = requireChatId(params);
  const userId = readInteger(params, "user_id");
  if (userId === undefined) throw badRequest("invalid user_id specified");
  return state.world.memberObject(state.world.resolveChat(chatId), userId);
}

export function getChatAdministrators({ state, params }: MethodCall): ChatMember[] {
  return state.world.administrators(state.world.resolveChat(requireChatId(params)));
}

export function sendChatAction({ state, params }: MethodCall): true {
  const chatId = requireChatId(params);
  const action = readString(params, "action");
  if (action === undefined || !CHAT_ACTIONS.has(action)) throw badRequest("wrong parameter action in request");
  state.world.assertBotCanWrite(state.world.resolveChat(chatId));
  return true;
}

export function leaveChat({ state, params }: MethodCall): true {
  const record = state.world.resolveChat(requireChatId(params));
  // The wording client libraries' live test suites assert for a private chat.
  if (record.chat.type === "private") throw badRequest("chat member status can't be changed in private chats");
  state.world.assertBotIsPresent(record);
  const change = buildMyChatMember(state, { from: state.world.bot, record, status: "left" });
  state.updates.enqueue(change.payload);
  return true;
}
