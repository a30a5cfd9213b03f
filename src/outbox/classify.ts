import { GrammyError, HttpError } from "grammy";
import type { OutboxError } from "./types.js";
import { isNotModified } from "../telegram/api-errors.js";

/** What to do with a row after its call failed. */
export type FailureClass =
  /** 429: wait `retryAfterMs`, not counted toward giving up. */
  | { type: "rate-limited"; retryAfterMs: number; error: OutboxError }
  /** An edit that changed nothing: Telegram already shows what we wanted. */
  | { type: "not-modified"; error: OutboxError }
  /** A group became a supergroup: resend to the new id. */
  | { type: "migrated"; toChatId: number; error: OutboxError }
  /** Blocked, kicked, chat gone or no rights: retrying cannot help until a person acts. */
  | { type: "forbidden"; error: OutboxError }
  /** A 400 about the request itself: the same request would be refused again. */
  | { type: "rejected"; error: OutboxError }
  /** 5xx, network, timeout or anything unexpected: back off and retry, up to `maxAttempts`. */
  | { type: "transient"; error: OutboxError };

/** Telegram reports some lost-access cases as 400 rather than 403. */
const FORBIDDEN_400 =
  /chat not found|peer_id_invalid|user not found|not enough rights|need administrator rights|have no rights|chat_write_forbidden|chat_restricted|bot was kicked|bot is not a member|user is deactivated|topic_closed/i;

const DEFAULT_RETRY_AFTER_S = 5;
const MAX_DESCRIPTION = 200;

export function classifyFailure(error: unknown, isEdit: boolean): FailureClass {
  if (error instanceof GrammyError) {
    const described: OutboxError = { code: error.error_code, description: error.description.slice(0, MAX_DESCRIPTION) };
    if (error.error_code === 429) {
      const seconds = error.parameters.retry_after ?? DEFAULT_RETRY_AFTER_S;
      return { type: "rate-limited", retryAfterMs: Math.max(1, seconds) * 1000, error: described };
    }
    if (error.error_code === 403) return { type: "forbidden", error: described };
    if (error.error_code === 400) {
      if (error.parameters.migrate_to_chat_id !== undefined) {
        return { type: "migrated", toChatId: error.parameters.migrate_to_chat_id, error: described };
      }
      if (isEdit && isNotModified(error)) return { type: "not-modified", error: described };
      if (FORBIDDEN_400.test(error.description)) return { type: "forbidden", error: described };
      return { type: "rejected", error: described };
    }
    return { type: "transient", error: described };
  }
  // HttpError covers refused connections, resets and grammY's own timeout; the message may or may not have arrived.
  const name = error instanceof HttpError ? "network error" : error instanceof Error ? error.name : "unknown error";
  return { type: "transient", error: { code: 0, description: name } };
}

export function formatError(error: OutboxError): string {
  return `${error.code}: ${error.description}`;
}
