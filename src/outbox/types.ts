import type { Selectable } from "kysely";
import type { DB } from "../db/database.js";
import type { OutboxTable } from "../db/tables/outbox.js";
import type { OutboxMethod, OutboxPayload } from "./methods.js";

export type OutboxRow = Selectable<OutboxTable>;

/** Bytes to upload as the method's file (`document` of sendDocument, `photo` of sendPhoto). */
export interface OutboxAttachmentInput {
  bytes: Uint8Array;
  filename: string;
}

interface OutboxItemBase {
  kind: string;
  ref: string;
  chatId: number;
  /** Higher goes first; default 0. Relays to organisers should outrank broadcasts. */
  priority?: number;
  /** Not before this time (reminders); default now. */
  sendAt?: Date;
  /**
   * Inline bytes (deduplicated by object identity within one `enqueue` call) or the id returned by
   * `storeAttachment`, for a broadcast that sends one file to many chats.
   */
  attachment?: OutboxAttachmentInput | number;
}

/** One message to send. `method` narrows `payload` to that method's parameters. */
export type OutboxItem = {
  [M in OutboxMethod]: OutboxItemBase & { method: M; payload: OutboxPayload<M> };
}[OutboxMethod];

/** What Telegram's answer says about a failed call, for logs, `last_error` and handlers. No message text. */
export interface OutboxError {
  /** Telegram's error_code, or 0 for network errors and timeouts. */
  code: number;
  description: string;
}

/** The row's decision after 403: give up on it, or keep it until `releaseHeld` (the organiser fixed the chat). */
export type ForbiddenDecision = "failed" | "held";

/**
 * Per-kind callbacks. Each runs inside the transaction that records the row's outcome, with `db` bound to it, so a
 * feature's bookkeeping (message id on the letter, subscriber deactivated) commits together with the row.
 */
export interface OutboxKindHandlers {
  onSent?(db: DB, row: OutboxRow, sent: { messageId: number | null }): Promise<void> | void;
  /** Gave up: a permanent 400, or `maxAttempts` transient failures. */
  onFailed?(db: DB, row: OutboxRow, error: OutboxError): Promise<void> | void;
  /**
   * 403 or its 400 equivalents (chat not found, no rights). Without this handler the row fails. Async only: with a
   * `T | Promise<T>` return type TypeScript would widen an async handler's "held" to string.
   */
  onForbidden?(db: DB, row: OutboxRow, error: OutboxError): Promise<ForbiddenDecision>;
  /** A group became a supergroup: the outbox follows it; the feature should update its stored chat id. */
  onChatMigrated?(db: DB, row: OutboxRow, toChatId: number): Promise<void> | void;
}

/** Handlers by kind. A kind must be registered (even as `{}`) for the worker to send its rows. */
export type OutboxHandlers = Readonly<Record<string, OutboxKindHandlers>>;
