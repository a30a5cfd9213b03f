import type { Generated } from "kysely";

/** pending → sending (leased) → sent | failed | held; sending → pending on retry, release or lease expiry. */
export type OutboxStatus = "pending" | "sending" | "sent" | "failed" | "held";

export interface OutboxTable {
  id: Generated<number>;
  /** Which feature owns the row and whose handlers run on its outcome: "relay", "news", "reminder", "notice"… */
  kind: string;
  /** The business record that caused the message, e.g. "letter:42" or "news:17:9001". */
  ref: string;
  chat_id: number;
  /** Bot API method, one of `OUTBOX_METHODS`. */
  method: string;
  /** JSON of the method's parameters without `chat_id` (and without the file when `attachment_id` is set). */
  payload: string;
  attachment_id: number | null;
  /** Higher goes first. */
  priority: Generated<number>;
  status: Generated<OutboxStatus>;
  /** Attempts that counted toward giving up: 429s and releases do not count. */
  attempts: Generated<number>;
  next_attempt_at: string;
  /** The worker instance that claimed the row, while `status` is "sending". */
  lease_owner: string | null;
  lease_until: string | null;
  sent_message_id: number | null;
  /** Error code and Telegram's short description: never message text. */
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface OutboxAttachmentsTable {
  id: Generated<number>;
  filename: string;
  bytes: Uint8Array;
  telegram_file_id: string | null;
  created_at: string;
}
