import type { OutboxError, OutboxRow } from "./types.js";

/** What became of a claimed row; the worker collects these and records them in batches. */
export type Outcome =
  | { type: "sent"; row: OutboxRow; messageId: number | null; telegramFileId?: string }
  /**
   * Back to pending at `at`, and the chat's other pending rows with it, so they cannot overtake this one.
   * `counted` adds an attempt (5xx, network); 429s do not.
   */
  | { type: "retry"; row: OutboxRow; at: Date; counted: boolean; error: OutboxError }
  /** Handed back unsent (stop, long rate-limit wait, held chat): not an attempt. `toChatId` after a migration. */
  | { type: "release"; row: OutboxRow; at: Date; toChatId?: number }
  | { type: "failed"; row: OutboxRow; error: OutboxError }
  | { type: "forbidden"; row: OutboxRow; error: OutboxError }
  /** Due again at `at` under the new chat id; the chat's other rows get the same time, so their order holds. */
  | { type: "migrated"; row: OutboxRow; toChatId: number; at: Date; error: OutboxError };

export type OutcomeType = Outcome["type"];
