import type { BotCommand, BotCommandScope, MenuButton, UserFromGetMe } from "grammy/types";
import { Faults } from "../faults.js";
import { CallLog } from "../observation/call-log.js";
import { RateLimiter } from "../rate-limiter.js";
import { UpdateQueue } from "../updates/update-queue.js";
import { FileStore } from "./file-store.js";
import { MessageStore } from "./message-store.js";
import { QueryRegistry } from "./queries.js";
import { World } from "./world.js";

export interface CommandList {
  readonly scope: BotCommandScope;
  readonly languageCode: string;
  readonly commands: readonly BotCommand[];
}

export interface WebhookSettings {
  readonly url: string;
  readonly allowedUpdates?: readonly string[];
  readonly secretToken?: string;
  readonly maxConnections?: number;
}

export interface StateOptions {
  readonly token: string;
  readonly me: UserFromGetMe;
  readonly now: () => number;
  readonly recordCalls: boolean;
  /** Bots have privacy mode on unless BotFather turned it off: in groups they see only what concerns them. */
  readonly privacyMode: boolean;
}

/** Everything the Bot API methods read and change. */
export class FakeState {
  readonly world: World;
  readonly messages = new MessageStore();
  readonly files = new FileStore();
  readonly updates = new UpdateQueue();
  readonly queries = new QueryRegistry();
  readonly faults = new Faults();
  readonly limiter: RateLimiter;
  readonly log: CallLog;
  /** Keyed by scope and language, as setMyCommands stores them. */
  readonly commands = new Map<string, CommandList>();
  /** Keyed by chat id; `default` for the bot-wide button. */
  readonly menuButtons = new Map<number | "default", MenuButton>();
  webhook: WebhookSettings | undefined;
  /** Exceptions thrown by the fake itself (bugs), answered with 500; tests should expect none. */
  readonly internalErrors: Error[] = [];

  constructor(readonly options: StateOptions) {
    this.world = new World({
      id: options.me.id,
      is_bot: true,
      first_name: options.me.first_name,
      username: options.me.username,
    });
    this.limiter = new RateLimiter(options.now);
    this.log = new CallLog(options.recordCalls);
  }

  get me(): UserFromGetMe {
    return this.options.me;
  }

  now(): number {
    return this.options.now();
  }

  /** Telegram dates are Unix seconds. */
  unixTime(): number {
    return Math.floor(this.options.now() / 1000);
  }
}

export function commandListKey(scope: BotCommandScope, languageCode: string): string {
  const { type } = scope;
  const chatId = "chat_id" in scope ? String(scope.chat_id) : "";
  const userId = "user_id" in scope ? String(scope.user_id) : "";
  return [type, chatId, userId, languageCode].join("|");
}
