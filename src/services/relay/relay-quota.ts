import type { DB } from "../../db/database.js";
import { organiserRelayTimesSince } from "../../db/repositories/letters.js";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RelayQuota {
  allowed: boolean;
  /** Letters relayed in the last 24 hours. */
  used: number;
  limit: number;
  /** When the oldest counted relay leaves the 24-hour window (set when not allowed and a relay counted). */
  nextAt: Date | undefined;
}

/**
 * How many letters a writer may still hand to organisers: at most `limit` (MAX_RELAYS_PER_DAY) in any 24 hours, so
 * one account cannot bury a campaign's volunteers in letters. Counts every letter finished for the organisers'
 * route in the window, withdrawn ones too. The letter flow calls this before offering "send via organisers" and
 * again inside the transaction that finishes the letter.
 */
export async function relayQuota(db: DB, writerId: number, now: Date, limit: number): Promise<RelayQuota> {
  const since = new Date(now.getTime() - DAY_MS).toISOString();
  const rows = await organiserRelayTimesSince(db, writerId, since);
  const used = rows.length;
  const allowed = used < limit;
  const oldest = rows[0];
  return {
    allowed,
    used,
    limit,
    nextAt: !allowed && oldest ? new Date(Date.parse(oldest) + DAY_MS) : undefined,
  };
}
