import type { Chat, Message, Update, UserFromGetMe, User } from "grammy/types";
import type { ActiveFault, FaultSpec } from "./faults.js";
import { startServer, type RunningServer } from "./http/server.js";
import type { CallListener, CallStats, RecordedCall } from "./observation/call-log.js";
import type { RateLimits } from "./rate-limiter.js";
import type { AdminRights, MemberStatus } from "./state/chat-members.js";
import { type CommandList, FakeState, type WebhookSettings } from "./state/fake-state.js";
import type { CallbackAnswer, InlineAnswer } from "./state/queries.js";
import type { NewChannel, NewGroup, NewUser } from "./state/world.js";
import {
  type BuiltUpdate,
  buildCallbackQuery,
  buildChannelPost,
  buildEditedMessage,
  buildInlineQuery,
  buildMyChatMember,
  buildUserMessage,
  type IncomingContent,
} from "./updates/update-builders.js";
import type { UpdatePayload } from "./updates/update-queue.js";

export interface FakeTelegramOptions {
  /** Defaults to a fixed well-formed token; its numeric prefix is the bot's user id. */
  readonly token?: string;
  readonly botUsername?: string;
  readonly botFirstName?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Keep every call in `calls` (default). Benchmarks turn this off; counters, waiters and listeners still work. */
  readonly recordCalls?: boolean;
  /** Group privacy mode as set in BotFather; on by default like on Telegram. */
  readonly privacyMode?: boolean;
  readonly supportsInlineQueries?: boolean;
  /** Epoch milliseconds; drives message dates and rate-limit refills. */
  readonly now?: () => number;
}

/** A message the bot sent, as it is now (edits applied), and whether it was deleted since. */
export type SentMessage = Message & { readonly deleted: boolean };

export interface SentDocument {
  readonly messageId: number;
  readonly fileId: string;
  readonly fileName?: string;
  readonly mimeType?: string;
  readonly bytes: Buffer;
  readonly caption?: string;
  readonly deleted: boolean;
}

export interface MembershipChangeInput {
  readonly chatId: number;
  readonly fromUserId: number;
  readonly status: MemberStatus;
  readonly rights?: AdminRights;
}

const DEFAULT_TOKEN = "7000000001:AAFakeLystyTokenForTestsOnly0123456789";

/**
 * A local Telegram Bot API for end-to-end tests, the playground and benchmarks: the real bot talks to it over HTTP
 * (`client: { apiRoot: fake.apiRoot }`), tests arrange users and chats, inject updates and read what the bot did.
 */
export class FakeTelegram {
  private constructor(
    private readonly state: FakeState,
    private readonly server: RunningServer,
  ) {}

  static async start(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
    const token = options.token ?? DEFAULT_TOKEN;
    const botId = Number(/^(\d+):[A-Za-z0-9_-]+$/.exec(token)?.[1]);
    if (!Number.isSafeInteger(botId)) throw new Error(`fake-telegram: "${token}" is not a bot token (<id>:<secret>)`);
    const privacyMode = options.privacyMode ?? true;
    const me: UserFromGetMe = {
      id: botId,
      is_bot: true,
      first_name: options.botFirstName ?? "Lysty",
      username: options.botUsername ?? "lysty_test_bot",
      can_join_groups: true,
      can_read_all_group_messages: !privacyMode,
      supports_inline_queries: options.supportsInlineQueries ?? true,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    };
    const state = new FakeState({
      token,
      me,
      now: options.now ?? Date.now,
      recordCalls: options.recordCalls ?? true,
      privacyMode,
    });
    return new FakeTelegram(state, await startServer(state, options.port ?? 0));
  }

  /** Closes the server; a pending long poll is answered with no updates first. */
  async stop(): Promise<void> {
    await this.server.close();
  }

  get apiRoot(): string {
    return this.server.apiRoot;
  }

  get token(): string {
    return this.state.options.token;
  }

  get botId(): number {
    return this.state.me.id;
  }

  get botUsername(): string {
    return this.state.me.username;
  }

  /** What getMe returns; pass it as grammY's `botInfo` to skip the call. */
  get botInfo(): UserFromGetMe {
    return this.state.me;
  }

  // ---- world ----

  addUser(user: NewUser): User {
    return this.state.world.addUser(user);
  }

  addGroup(group: NewGroup): Chat {
    return this.state.world.addGroup(group);
  }

  addChannel(channel: NewChannel): Chat {
    return this.state.world.addChannel(channel);
  }

  /** Makes a supergroup the channel's discussion group: every later channel post is copied there (`is_automatic_forward`). */
  linkDiscussion(channelId: number, groupId: number): void {
    this.state.world.linkDiscussion(channelId, groupId);
  }

  /** Sets a membership without telling the bot; `fake.botId` as userId changes the bot's own rights. */
  setMember(chatId: number, userId: number, status: MemberStatus, rights?: AdminRights): void {
    this.state.world.setMember(chatId, userId, status, rights);
  }

  /** The user blocks the bot, silently (use injectMyChatMember for the update Telegram sends). */
  blockBot(userId: number): void {
    this.state.world.setBotBlocked(userId, true);
  }

  unblockBot(userId: number): void {
    this.state.world.setBotBlocked(userId, false);
  }

  // ---- updates ----

  /** A user writes; in a private chat pass the user's id as chatId. Returns the update_id. */
  injectMessage(fromUserId: number, chatId: number, content: IncomingContent): number {
    const { world } = this.state;
    return this.enqueue(buildUserMessage(this.state, world.requireUser(fromUserId), world.requireChat(chatId), content));
  }

  /** A user presses an inline button carrying `data` under the bot's message. */
  injectCallbackQuery(
    fromUserId: number,
    chatId: number,
    messageId: number,
    data: string,
    options: { allowUnknownData?: boolean } = {},
  ): number {
    const { world, queries } = this.state;
    const query = queries.issueCallback(this.state.now());
    const built = buildCallbackQuery(this.state, {
      from: world.requireUser(fromUserId),
      record: world.requireChat(chatId),
      messageId,
      data,
      queryId: query.id,
      ...options,
    });
    const updateId = this.enqueue(built);
    if (built.refusal === undefined) query.bind(updateId);
    return updateId;
  }

  /** Presses the callback button labelled `buttonText` on the bot's message. */
  pressButton(fromUserId: number, chatId: number, messageId: number, buttonText: string): number {
    const stored = this.state.messages.findLive(chatId, messageId);
    const buttons = stored?.message.reply_markup?.inline_keyboard.flat() ?? [];
    const button = buttons.find((candidate) => candidate.text === buttonText);
    if (button === undefined || !("callback_data" in button)) {
      const labels = buttons.map((candidate) => candidate.text);
      throw new Error(`fake-telegram: message ${messageId} has no callback button "${buttonText}" (it has ${JSON.stringify(labels)})`);
    }
    return this.injectCallbackQuery(fromUserId, chatId, messageId, button.callback_data);
  }

  injectInlineQuery(fromUserId: number, query: string): number {
    const { world, queries } = this.state;
    const issued = queries.issueInline();
    const built = buildInlineQuery(this.state, world.requireUser(fromUserId), query, issued.id);
    const updateId = this.enqueue(built);
    if (built.refusal === undefined) issued.bind(updateId);
    return updateId;
  }

  injectChannelPost(channelId: number, text: string): number {
    return this.enqueue(buildChannelPost(this.state, this.state.world.requireChat(channelId), text));
  }

  /** Changes the bot's membership (block/unblock in private chats, added/removed/promoted in groups) and tells the bot. */
  injectMyChatMember(change: MembershipChangeInput): number {
    const { world } = this.state;
    return this.enqueue(
      buildMyChatMember(this.state, {
        from: world.requireUser(change.fromUserId),
        record: world.requireChat(change.chatId),
        status: change.status,
        ...(change.rights === undefined ? {} : { rights: change.rights }),
      }),
    );
  }

  injectEditedMessage(fromUserId: number, chatId: number, messageId: number, text: string): number {
    const { world } = this.state;
    return this.enqueue(buildEditedMessage(this.state, world.requireUser(fromUserId), world.requireChat(chatId), messageId, text));
  }

  /** Any update, as given; the fake assigns the update_id. */
  injectUpdate(update: UpdatePayload): number {
    return this.state.updates.enqueue(update);
  }

  /**
   * Webhook mode: hands over the waiting updates, as Telegram does before POSTing them to the webhook, and counts
   * them as delivered. The fake never POSTs by itself; a test or benchmark posts what this returns to the bot.
   */
  async takeUpdates(limit = 100): Promise<Update[]> {
    return this.state.updates.take(limit);
  }

  /**
   * Resolves once the bot confirmed the update (a getUpdates with a higher offset), which for grammY's polling
   * means it has finished handling it. Rejects at once for an update Telegram would not have delivered.
   */
  updateConfirmed(updateId: number): Promise<void> {
    return this.state.updates.confirmed(updateId);
  }

  private enqueue(built: BuiltUpdate): number {
    return this.state.updates.enqueue(built.payload, built.refusal);
  }

  // ---- observation ----

  get calls(): readonly RecordedCall[] {
    return this.state.log.calls;
  }

  /** Every message the bot sent to the chat, oldest first, as it is now. */
  messages(chatId: number): SentMessage[] {
    return this.state.messages.sentByBot(chatId).map((stored) => ({ ...structuredClone(stored.message), deleted: stored.deleted }));
  }

  /** The copy Telegram made of a channel post in the channel's discussion group (see `linkDiscussion`). */
  discussionCopy(channelId: number, postId: number): Message | undefined {
    const groupId = this.state.world.discussionOf(channelId);
    if (groupId === undefined) return undefined;
    const copy = this.state.messages.all(groupId).find((stored) => {
      const origin = stored.message.forward_origin;
      return stored.message.is_automatic_forward === true && origin?.type === "channel" && origin.chat.id === channelId && origin.message_id === postId;
    });
    return copy && structuredClone(copy.message);
  }

  /**
   * The newest callback button the user can press in the chat: on the bot's newest message (not deleted) that has a
   * button whose label passes `matches`. Nothing is copied (`messages()` clones every message), so a benchmark's
   * writers can look after every reply. With `keyboard: "newest"` only the newest message with an inline keyboard
   * is searched, as a person looks at the last buttons they were offered.
   */
  findButton(
    chatId: number,
    matches: (label: string) => boolean,
    options: { keyboard?: "any" | "newest" } = {},
  ): { readonly messageId: number; readonly label: string; readonly callbackData: string } | undefined {
    const sent = this.state.messages.sentByBot(chatId);
    for (let index = sent.length - 1; index >= 0; index--) {
      const stored = sent[index] as (typeof sent)[number];
      const rows = stored.deleted ? undefined : stored.message.reply_markup?.inline_keyboard;
      if (rows === undefined || rows.length === 0) continue;
      for (const row of rows) {
        for (const button of row) {
          if ("callback_data" in button && matches(button.text)) {
            return { messageId: stored.message.message_id, label: button.text, callbackData: button.callback_data };
          }
        }
      }
      if (options.keyboard === "newest") return undefined;
    }
    return undefined;
  }

  lastMessage(chatId: number): SentMessage | undefined {
    const stored = this.state.messages.sentByBot(chatId).at(-1);
    return stored && { ...structuredClone(stored.message), deleted: stored.deleted };
  }

  documents(chatId: number): SentDocument[] {
    return this.state.messages.sentByBot(chatId).flatMap((stored) => {
      const { document, caption, message_id: messageId } = stored.message;
      const file = document && this.state.files.get(document.file_id);
      if (!document || !file) return [];
      return [
        {
          messageId,
          fileId: file.fileId,
          bytes: file.bytes,
          deleted: stored.deleted,
          ...(file.fileName === undefined ? {} : { fileName: file.fileName }),
          ...(file.mimeType === undefined ? {} : { mimeType: file.mimeType }),
          ...(caption === undefined ? {} : { caption }),
        },
      ];
    });
  }

  get callbackAnswers(): readonly CallbackAnswer[] {
    return this.state.queries.callbackAnswers;
  }

  get inlineAnswers(): readonly InlineAnswer[] {
    return this.state.queries.inlineAnswers;
  }

  /** Command lists set with setMyCommands, one per scope and language. */
  get commands(): readonly CommandList[] {
    return [...this.state.commands.values()];
  }

  get webhook(): WebhookSettings | undefined {
    return this.state.webhook;
  }

  /** Updates waiting for the bot to fetch or confirm. */
  get pendingUpdateCount(): number {
    return this.state.updates.pendingCount;
  }

  /** Whether the bot has a getUpdates long poll waiting right now. */
  get longPollPending(): boolean {
    return this.state.updates.longPollPending;
  }

  /** Errors thrown inside the fake itself; a test run should end with none. */
  get internalErrors(): readonly Error[] {
    return this.state.internalErrors;
  }

  stats(): CallStats {
    return this.state.log.stats();
  }

  /** Resolves with the first call from now on that matches; register before the action that causes the call. */
  waitFor(predicate: (call: RecordedCall) => boolean, options: { timeoutMs?: number } = {}): Promise<RecordedCall> {
    return this.state.log.waitFor(predicate, options.timeoutMs ?? 5000);
  }

  on(event: "call", listener: CallListener): () => void {
    if (event !== "call") throw new Error(`fake-telegram: unknown event ${String(event)}`);
    return this.state.log.on(listener);
  }

  // ---- failure modes ----

  readonly faults = {
    add: (spec: FaultSpec): ActiveFault => this.state.faults.add(spec),
    clear: (): void => this.state.faults.clear(),
    pending: (): readonly ActiveFault[] => this.state.faults.pending,
    /**
     * A network fault below the Bot API: the next `count` requests (of `method`, or of any) get their TCP connection
     * reset before they are read (the client sees ECONNRESET; none takes effect or shows in `calls`).
     */
    resetConnections: (count: number, method?: string): void => this.state.faults.resetConnections(count, method),
    /** Requests still to be answered with a reset. */
    connectionResetsPending: (): number => this.state.faults.connectionResetsPending,
  };

  /** Flood limits on send methods, off until set; `{}` turns them off again. See TELEGRAM_LIKE_LIMITS. */
  setRateLimits(limits: RateLimits): void {
    this.state.limiter.configure(limits);
  }
}
