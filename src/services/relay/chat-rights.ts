import type { ChatMember } from "grammy/types";
import type { RelayChatType } from "../../db/tables/organisers.js";

/** What keeps the bot from posting relayed letters in a chat; each has `organisers-rights-<problem>` words. */
export type RightsProblem = "not-member" | "not-admin" | "no-post-right" | "cannot-send";

/**
 * Whether the bot's own membership lets it post letters: in a channel only an administrator with
 * can_post_messages may post; in a group any member may, unless restricted from sending messages.
 */
export function relayRightsProblem(chatType: RelayChatType, bot: ChatMember): RightsProblem | undefined {
  if (bot.status === "left" || bot.status === "kicked") return "not-member";
  if (chatType === "channel") {
    if (bot.status === "creator") return undefined;
    if (bot.status !== "administrator") return "not-admin";
    return bot.can_post_messages ? undefined : "no-post-right";
  }
  if (bot.status === "restricted") return bot.is_member && bot.can_send_messages ? undefined : "cannot-send";
  return undefined;
}

/** Only people who run the chat may point letters at it: its creator and administrators. */
export function runsChat(member: ChatMember): boolean {
  return member.status === "creator" || member.status === "administrator";
}

export function isRelayChatType(type: string): type is RelayChatType {
  return type === "group" || type === "supergroup" || type === "channel";
}

/** Anyone can read a channel's or a public group's history: a letter posted there is no longer private. */
export function isPublicChat(chat: { type: string; username?: string }): boolean {
  return chat.type === "channel" || Boolean(chat.username);
}
