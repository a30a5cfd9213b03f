import { escapeHtml } from "../../telegram/html.js";
import type { DB } from "../../db/database.js";
import { heldCardsShowingWriter, setCardHtml } from "../../db/repositories/relay.js";
import type { LetterStatus } from "../../domain/letters/status.js";
import { enqueueCardUpdate } from "../relay/status-change.js";
import { translator } from "../../telegram/i18n.js";
import { STORED_LOCALE_FALLBACK } from "../../telegram/locale.js";

/**
 * A writer who had let organisers see their Telegram account asked to be forgotten while organisers still hold a
 * letter: the card's writer line (a `tg://user?id=` link) becomes "not shared", in the stored card and, through the
 * outbox, in the card already posted in the organisers' chat. Returns how many cards changed.
 */
export async function hideWriterFromOrganisers(trx: DB, userId: number, now: Date): Promise<number> {
  const cards = await heldCardsShowingWriter(trx, userId);
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
    await setCardHtml(trx, card.id, html);
    await enqueueCardUpdate(trx, card.id, card.status as LetterStatus, now);
    changed += 1;
  }
  return changed;
}
