import type { Clock } from "../../clock.js";
import { markUserBlocked } from "../../db/repositories/users.js";
import type { ForbiddenDecision, OutboxHandlers, OutboxKindHandlers } from "../../outbox/index.js";
import { NEWS_KIND } from "./publish.js";
import { REMINDER_KIND } from "./reminders.js";

/**
 * What the outbox does when a news message or a reminder cannot be delivered. Telegram's 403 in a private chat means
 * the person blocked the bot (or deleted their account): they stop counting as a subscriber at once, so the next
 * broadcast does not try again. Writing to the bot again reactivates them (`touchUser` clears `blocked_at`).
 * Rate limits and transient failures are the worker's business (retry with back-off, give up after a bound).
 */
export function newsOutboxHandlers(clock: Clock): OutboxHandlers {
  const handlers: OutboxKindHandlers = {
    async onForbidden(db, row): Promise<ForbiddenDecision> {
      if (row.chat_id > 0) await markUserBlocked(db, row.chat_id, clock.now());
      return "failed";
    },
  };
  return { [NEWS_KIND]: handlers, [REMINDER_KIND]: handlers };
}
