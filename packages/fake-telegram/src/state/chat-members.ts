import type { Chat, ChatMember, ChatMemberAdministrator, User } from "grammy/types";

export type MemberStatus = "creator" | "administrator" | "member" | "left" | "kicked";

/** Administrator rights to override; everything not given is granted. */
export type AdminRights = Partial<Omit<ChatMemberAdministrator, "status" | "user">>;

export interface Membership {
  readonly status: MemberStatus;
  readonly rights: AdminRights;
}

/** The ChatMember object Telegram returns for a membership. */
export function chatMemberObject(chat: Chat, user: User, membership: Membership): ChatMember {
  switch (membership.status) {
    case "creator":
      return { status: "creator", user, is_anonymous: membership.rights.is_anonymous ?? false };
    case "administrator":
      return { status: "administrator", user, ...defaultAdminRights(chat), ...membership.rights };
    case "member":
      return { status: "member", user };
    case "left":
      return { status: "left", user };
    case "kicked":
      return { status: "kicked", user, until_date: 0 };
  }
}

function defaultAdminRights(chat: Chat): Omit<ChatMemberAdministrator, "status" | "user"> {
  const common = {
    can_be_edited: false,
    is_anonymous: false,
    can_manage_chat: true,
    can_delete_messages: true,
    can_manage_video_chats: true,
    can_restrict_members: true,
    can_promote_members: false,
    can_change_info: true,
    can_invite_users: true,
    can_post_stories: true,
    can_edit_stories: true,
    can_delete_stories: true,
    can_send_welcome_messages: false,
  };
  return chat.type === "channel"
    ? { ...common, can_post_messages: true, can_edit_messages: true }
    : { ...common, can_pin_messages: true, can_manage_topics: false };
}

/** Whether a membership lets its holder do something that needs an administrator right. */
export function hasRight(chat: Chat, membership: Membership | undefined, right: keyof AdminRights): boolean {
  if (membership === undefined) return false;
  if (membership.status === "creator") return true;
  if (membership.status !== "administrator") return false;
  return { ...defaultAdminRights(chat), ...membership.rights }[right] === true;
}
