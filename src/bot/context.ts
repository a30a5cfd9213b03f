import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Update } from "grammy/types";
import type { User } from "../db/schema.js";
import type { Logger } from "../logger.js";
import type { ServiceDeps } from "../services/deps.js";

/** Told about every update once its handling ends; tests wait on it and metrics count it. */
export interface UpdateObserver {
  handled(update: Update, error?: unknown): void;
  /** The update was ignored because its sender exceeded RATE_LIMIT_PER_MINUTE (`handled` still follows). */
  limited?(update: Update): void;
}

/** The services' dependencies plus the observer that hears when each update's handling ends. */
export interface BotDeps extends ServiceDeps {
  observer?: UpdateObserver;
}

interface LystyFlavor {
  deps: BotDeps;
  /** Per-update logger carrying the update id; never pass message text or names to it. */
  logger: Logger;
  /** The database row of the person who sent the update (undefined for channel posts and the like). */
  user: User | undefined;
  /** Set by the error handler so the observer can report the update as failed. */
  failure?: unknown;
}

/** Context inside conversations: the same plugins, without `ctx.conversation`. */
export type FlowContext = Context & I18nFlavor & LystyFlavor;
/** Context in ordinary middleware. */
export type BotContext = ConversationFlavor<FlowContext>;
export type Flow = Conversation<BotContext, FlowContext>;
