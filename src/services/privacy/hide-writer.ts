import { escapeHtml } from "../../telegram/html.js";
import type { DB } from "../../db/database.js";
import type { LetterStatus } from "../../domain/letters/status.js";
import { AWAITING_ORGANISERS } from "../../domain/letters/status.js";
import { enqueueCardUpdate } from "../relay/status-change.js";
import { translator } from "../../telegram/i18n.js";
import { STORED_LOCALE_FALLBACK } from "../../telegram/locale.js";

/**
 * A writer who had let organisers see their Telegram account asked to be forgotten while organisers still hold a
 * letter: the card's writer line (a `tg://user?id=` link) becomes "not shared", in the stored card and, through the
 * outbox, in the card already posted in the organisers' chat. Returns how many cards changed.
 */
export async function hideWriterFromOrganisers(trx: DB, userId: number, now: Date): Promise<number> {
  const cards = await trx
    .selectFrom("relayed_letters")
    .innerJoin("letters", "letters.id", "relayed_letters.letter_id")
    .select(["letters.id", "letters.status", "relayed_letters.card_html", "relayed_letters.card_locale"])
    .where("letters.writer_id", "=", userId)
    .where("letters.share_identity", "=", 1)
    .where("letters.status", "in", [...AWAITING_ORGANISERS])
    .execute();
  const t = translator(STORED_LOCALE_FALLBACK);
  const link = `tg://user?id=${userId}"`;
  let changed = 0;
  for (const card of cards) {
    const hidden = escapeHtml(t(card.card_locale, "organisers-card-writer-hidden"));
    const html = card.card_html
      .split("\n")
      .map((line) => (line.includes(link) ? hidden : line))
      .join("\n");
    if (html === card.card_html) continue;
    await trx.updateTable("relayed_letters").set({ card_html: html }).where("letter_id", "=", card.id).execute();
    await enqueueCardUpdate(trx, card.id, card.status as LetterStatus, now);
    changed += 1;
  }
  return changed;
}
