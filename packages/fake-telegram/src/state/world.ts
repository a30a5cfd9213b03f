import type { Chat, ChatFullInfo, ChatMember, User } from "grammy/types";
import { badRequest, forbidden } from "../api-error.js";
import type { ChatIdParam } from "../params.js";
import { type AdminRights, chatMemberObject, hasRight, type Membership, type MemberStatus } from "./chat-members.js";

export interface NewUser {
  readonly id: number;
  readonly first_name: string;
  readonly last_name?: string;
  readonly username?: string;
  readonly language_code?: string;
  /** False models a user who never pressed Start: the bot cannot write first. Defaults to true. */
  readonly hasStartedBot?: boolean;
}

export interface NewGroup {
  readonly id: number;
  readonly title: string;
  readonly type: "group" | "supergroup";
  readonly username?: string;
}

export interface NewChannel {
  readonly id: number;
  readonly title: string;
  readonly username?: string;
}

export interface ChatRecord {
  readonly chat: Chat;
  readonly members: Map<number, Membership>;
  /** Private chats: the user blocked the bot. */
  botBlocked: boolean;
  /** Private chats: the user has written to the bot at least once. */
  startedByUser: boolean;
}

/** Users, chats and memberships: what decides whether the bot may see or write to a chat. */
export class World {
  private readonly users = new Map<number, User>();
  private readonly chats = new Map<number, ChatRecord>();
  private readonly usernames = new Map<string, number>();
  /** A channel's linked discussion group, where Telegram copies every channel post (`is_automatic_forward`). */
  private readonly discussions = new Map<number, number>();

  constructor(readonly bot: User) {}

  addUser(input: NewUser): User {
    if (!Number.isSafeInteger(input.id) || input.id <= 0) throw new Error(`user ids are positive integers, got ${input.id}`);
    const user: User = {
      id: input.id,
      is_bot: false,
      first_name: input.first_name,
      ...(input.last_name === undefined ? {} : { last_name: input.last_name }),
      ...(input.username === undefined ? {} : { username: input.username }),
      ...(input.language_code === undefined ? {} : { language_code: input.language_code }),
    };
    this.users.set(user.id, user);
    const chat: Chat.PrivateChat = {
      id: user.id,
      type: "private",
      first_name: user.first_name,
      ...(user.last_name === undefined ? {} : { last_name: user.last_name }),
      ...(user.username === undefined ? {} : { username: user.username }),
    };
    const existing = this.chats.get(user.id);
    this.register(chat, {
      members: new Map(),
      botBlocked: existing?.botBlocked ?? false,
      startedByUser: input.hasStartedBot ?? true,
    });
    return user;
  }

  addGroup(input: NewGroup): Chat {
    if (!Number.isSafeInteger(input.id) || input.id >= 0) throw new Error(`group ids are negative, got ${input.id}`);
    const chat: Chat =
      input.type === "group"
        ? { id: input.id, type: "group", title: input.title }
        : {
            id: input.id,
            type: "supergroup",
            title: input.title,
            ...(input.username === undefined ? {} : { username: input.username }),
          };
    this.register(chat, { members: new Map([[this.bot.id, { status: "member", rights: {} }]]) });
    return chat;
  }

  addChannel(input: NewChannel): Chat {
    if (!Number.isSafeInteger(input.id) || input.id >= 0) throw new Error(`channel ids are negative, got ${input.id}`);
    const chat: Chat = {
      id: input.id,
      type: "channel",
      title: input.title,
      ...(input.username === undefined ? {} : { username: input.username }),
    };
    // A bot is only useful in a channel as an administrator allowed to post, so that is the default.
    this.register(chat, { members: new Map([[this.bot.id, { status: "administrator", rights: {} }]]) });
    return chat;
  }

  private register(chat: Chat, record: Partial<ChatRecord> & Pick<ChatRecord, "members">): void {
    this.chats.set(chat.id, { botBlocked: false, startedByUser: true, ...record, chat });
    if (chat.username !== undefined) this.usernames.set(chat.username.toLowerCase(), chat.id);
  }

  user(id: number): User | undefined {
    return id === this.bot.id ? this.bot : this.users.get(id);
  }

  /** For test helpers: a misconfigured test should fail loudly, not look like a Telegram error. */
  requireUser(id: number): User {
    const user = this.user(id);
    if (user === undefined) throw new Error(`fake-telegram: user ${id} was not added (call addUser first)`);
    return user;
  }

  requireChat(id: number): ChatRecord {
    const record = this.chats.get(id);
    if (record === undefined) throw new Error(`fake-telegram: chat ${id} was not added`);
    return record;
  }

  /** Finds the chat a Bot API call names, by id or `@username`, as Telegram resolves it for the bot. */
  resolveChat(chatId: ChatIdParam): ChatRecord {
    const id = typeof chatId === "number" ? chatId : chatId.startsWith("@") ? this.usernames.get(chatId.slice(1).toLowerCase()) : undefined;
    const record = id === undefined ? undefined : this.chats.get(id);
    if (record === undefined) throw badRequest("chat not found");
    return record;
  }

  setMember(chatId: number, userId: number, status: MemberStatus, rights: AdminRights = {}): void {
    const record = this.requireChat(chatId);
    if (record.chat.type === "private") throw new Error("fake-telegram: private chats have no memberships to set");
    if (userId !== this.bot.id) this.requireUser(userId);
    record.members.set(userId, { status, rights });
  }

  membership(record: ChatRecord, userId: number): Membership | undefined {
    if (record.chat.type === "private") {
      if (userId === this.bot.id) return { status: record.botBlocked ? "kicked" : "member", rights: {} };
      return userId === record.chat.id ? { status: "member", rights: {} } : undefined;
    }
    return record.members.get(userId);
  }

  memberObject(record: ChatRecord, userId: number): ChatMember {
    const user = this.user(userId);
    if (user === undefined) throw badRequest("member not found");
    return chatMemberObject(record.chat, user, this.membership(record, userId) ?? { status: "left", rights: {} });
  }

  administrators(record: ChatRecord): ChatMember[] {
    if (record.chat.type === "private") throw badRequest("there are no administrators in the private chat");
    return [...record.members]
      .filter(([, membership]) => membership.status === "creator" || membership.status === "administrator")
      .map(([userId]) => this.memberObject(record, userId));
  }

  botHasRight(record: ChatRecord, right: keyof AdminRights): boolean {
    return hasRight(record.chat, this.membership(record, this.bot.id), right);
  }

  setBotBlocked(userId: number, blocked: boolean): void {
    this.requireUser(userId);
    this.requireChat(userId).botBlocked = blocked;
  }

  /** Throws the error Telegram gives when the bot may not post into the chat. */
  assertBotCanWrite(record: ChatRecord): void {
    this.assertBotIsPresent(record);
    if (record.chat.type === "private" && !record.startedByUser) throw forbidden("bot can't initiate conversation with a user");
    if (record.chat.type === "channel" && !this.botHasRight(record, "can_post_messages")) {
      throw badRequest("need administrator rights in the channel chat");
    }
  }

  /** Throws the error Telegram gives when the bot has no access to the chat at all (blocked, kicked, not a member). */
  assertBotIsPresent(record: ChatRecord): void {
    const { chat } = record;
    if (chat.type === "private") {
      if (record.botBlocked) throw forbidden("bot was blocked by the user");
      return;
    }
    const status = this.membership(record, this.bot.id)?.status ?? "left";
    if (status === "kicked") throw forbidden(`bot was kicked from the ${chat.type} chat`);
    if (status === "left") throw forbidden(`bot is not a member of the ${chat.type} chat`);
  }

  /** Links a channel to its discussion group (both ways in getChat's `linked_chat_id`). */
  linkDiscussion(channelId: number, groupId: number): void {
    const channel = this.requireChat(channelId);
    const group = this.requireChat(groupId);
    if (channel.chat.type !== "channel") throw new Error(`fake-telegram: chat ${channelId} is not a channel`);
    if (group.chat.type !== "supergroup") throw new Error(`fake-telegram: a discussion group must be a supergroup, ${groupId} is ${group.chat.type}`);
    this.discussions.set(channelId, groupId);
  }

  discussionOf(channelId: number): number | undefined {
    return this.discussions.get(channelId);
  }

  private linkedChatId(chatId: number): number | undefined {
    const group = this.discussions.get(chatId);
    if (group !== undefined) return group;
    for (const [channel, linkedGroup] of this.discussions) if (linkedGroup === chatId) return channel;
    return undefined;
  }

  fullInfo(record: ChatRecord): ChatFullInfo {
    const linked = this.linkedChatId(record.chat.id);
    return {
      ...record.chat,
      ...(linked === undefined ? {} : { linked_chat_id: linked }),
      accent_color_id: 0,
      max_reaction_count: 11,
      accepted_gift_types: {
        unlimited_gifts: false,
        limited_gifts: false,
        unique_gifts: false,
        premium_subscription: false,
        gifts_from_channels: false,
      },
    } as ChatFullInfo;
  }
}
