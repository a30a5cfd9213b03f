import { markUserBlocked } from "../db/repositories/users.js";
import type { Clock } from "../clock.js";
import type { OutboxHandlers } from "../outbox/types.js";

/**
 * Every outbox kind and what happens after Telegram answers. Features add their kinds here ("relay", "news",
 * "reminder"); a kind missing from this map is never sent.
 */
export function outboxHandlers(clock: Clock): OutboxHandlers {
  return {
    /** Plain messages to one person (status updates on their letter, alerts to organisers). */
    notice: {
      onForbidden: async (db, row) => {
        await markUserBlocked(db, row.chat_id, clock.now());
        return "failed" as const;
      },
    },
  };
}
