/**
 * How long letter text is kept (docs/letters.md). Rows stay without text so that counts and a writer's history
 * survive; the text itself is the most sensitive thing Lysty holds.
 */

/** A finished letter's text: long enough to download the .txt again, resend, or fix a returned letter. */
export const LETTER_TEXT_RETENTION_DAYS = 30;

/** A draft nobody touched for this long is discarded with its text. */
export const DRAFT_RETENTION_DAYS = 60;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The ISO timestamp `days` before `now`: rows last changed at or before it are due. */
export function retentionCutoff(now: Date, days: number): string {
  if (!Number.isFinite(days) || days < 0) throw new RangeError("retention days must be a non-negative number");
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}
