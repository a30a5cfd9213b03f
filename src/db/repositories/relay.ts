import { sql } from "kysely";
import { AWAITING_ORGANISERS, type LetterStatus } from "../../domain/letters/status.js";
import type { DB } from "../database.js";
import type { OutboxStatus } from "../tables/outbox.js";
import type { PrintBatch, RelayedLetter } from "../tables/organisers.js";
import { notifyOutboxEnqueued } from "../../outbox/signal.js";
import { parseRelayRef } from "../../domain/letters/relay-refs.js";

/** Records (or, for a returned letter sent again, re-records) where a letter was relayed. */
export async function recordRelay(
  db: DB,
  relay: { letterId: number; campaignSlug: string; chatId: number; cardHtml: string; cardLocale: string; now: Date },
): Promise<void> {
  const values = {
    campaign_slug: relay.campaignSlug,
    chat_id: relay.chatId,
    card_message_id: null,
    card_html: relay.cardHtml,
    card_locale: relay.cardLocale,
    relayed_at: relay.now.toISOString(),
  };
  await db
    .insertInto("relayed_letters")
    .values({ letter_id: relay.letterId, ...values })
    .onConflict((oc) => oc.column("letter_id").doUpdateSet(values))
    .execute();
}

export async function getRelay(db: DB, letterId: number): Promise<RelayedLetter | undefined> {
  return db.selectFrom("relayed_letters").selectAll().where("letter_id", "=", letterId).executeTakeFirst();
}

/** A relayed letter with its letter's current status (for the card's buttons); undefined when either is gone. */
export async function getRelayWithStatus(db: DB, letterId: number): Promise<(RelayedLetter & { status: LetterStatus }) | undefined> {
  return db
    .selectFrom("relayed_letters")
    .innerJoin("letters", "letters.id", "relayed_letters.letter_id")
    .selectAll("relayed_letters")
    .select("letters.status")
    .where("relayed_letters.letter_id", "=", letterId)
    .executeTakeFirst();
}

/** Telegram accepted the card: keep its id so status changes can edit it. Only for the chat it was sent to. */
export async function setCardMessageId(db: DB, letterId: number, chatId: number, messageId: number): Promise<void> {
  await db
    .updateTable("relayed_letters")
    .set({ card_message_id: messageId })
    .where("letter_id", "=", letterId)
    .where("chat_id", "=", chatId)
    .execute();
}

export async function moveRelayedLetters(db: DB, fromChatId: number, toChatId: number): Promise<void> {
  await db.updateTable("relayed_letters").set({ chat_id: toChatId }).where("chat_id", "=", fromChatId).execute();
}

/**
 * A campaign was linked to a new chat while some of its letters sat held for the old one (bot removed, chat gone):
 * those posts are re-addressed to the new chat and queued again, in their original order. Card edits stay behind:
 * they only update messages in the old chat. This updates the outbox's rows in place, as the outbox itself does when
 * a group becomes a supergroup. Returns the number of messages redirected.
 */
export async function redirectHeldRelays(db: DB, campaignSlug: string, toChatId: number, now: Date): Promise<number> {
  const held = await db
    .selectFrom("outbox")
    .select(["id", "ref"])
    .where("kind", "=", "relay")
    .where("status", "=", sql.lit<OutboxStatus>("held"))
    .where("chat_id", "!=", toChatId)
    .execute();
  const posts = held.flatMap((row) => {
    const ref = parseRelayRef(row.ref);
    return ref && ref.part !== "edit" ? [{ id: row.id, letterId: ref.letterId }] : [];
  });
  if (posts.length === 0) return 0;
  const ofCampaign = await db
    .selectFrom("relayed_letters")
    .select("letter_id")
    .where("campaign_slug", "=", campaignSlug)
    .where("letter_id", "in", [...new Set(posts.map((post) => post.letterId))])
    .execute();
  const letterIds = new Set(ofCampaign.map((row) => row.letter_id));
  const rowIds = posts.filter((post) => letterIds.has(post.letterId)).map((post) => post.id);
  if (rowIds.length === 0) return 0;
  await db
    .updateTable("outbox")
    .set({ chat_id: toChatId, status: "pending", attempts: 0, next_attempt_at: now.toISOString(), last_error: null })
    .where("id", "in", rowIds)
    .where("status", "=", sql.lit<OutboxStatus>("held"))
    .execute();
  await db
    .updateTable("relayed_letters")
    .set({ chat_id: toChatId, card_message_id: null })
    .where("letter_id", "in", [...letterIds])
    .execute();
  notifyOutboxEnqueued();
  return rowIds.length;
}

/** Everything the print sheet and the organisers' card need about one relayed letter. */
export interface RelayedLetterDetails {
  letterId: number;
  reference: string | null;
  status: LetterStatus;
  writerId: number;
  text: string | null;
  signatureName: string | null;
  signatureCity: string | null;
  prisonerSlug: string;
  campaignSlug: string;
  finishedAt: string | null;
}

/** Accepted letters not yet printed, of the given campaigns (all campaigns for `undefined`), oldest first. */
export async function acceptedLettersToPrint(db: DB, campaignSlugs: readonly string[] | undefined): Promise<RelayedLetterDetails[]> {
  if (campaignSlugs && campaignSlugs.length === 0) return [];
  let query = db
    .selectFrom("letters")
    .innerJoin("relayed_letters", "relayed_letters.letter_id", "letters.id")
    // A letter that asked for a translation is printed in the organiser's Russian text, and only once it has one.
    .leftJoin("letter_translations", "letter_translations.letter_id", "letters.id")
    .where((eb) => eb.or([eb("letter_translations.letter_id", "is", null), eb("letter_translations.text", "is not", null)]))
    .select((eb) => eb.fn.coalesce("letter_translations.text", "letters.text").as("text"))
    .select([
      "letters.id as letterId",
      "letters.reference as reference",
      "letters.status as status",
      "letters.writer_id as writerId",
      "letters.signature_name as signatureName",
      "letters.signature_city as signatureCity",
      "letters.prisoner_slug as prisonerSlug",
      "relayed_letters.campaign_slug as campaignSlug",
      "letters.finished_at as finishedAt",
    ])
    .where("letters.status", "=", "accepted")
    // Always true of an accepted letter (only finishing makes a letter relayed, and it sets the date; nothing clears
    // it): said so that the plan can use `letters_finished`, which holds finished letters only (migrations/202612072020_letter_finish_indexes.ts).
    .where("letters.finished_at", "is not", null);
  if (campaignSlugs) query = query.where("relayed_letters.campaign_slug", "in", campaignSlugs);
  return query.orderBy("letters.finished_at").orderBy("letters.id").execute();
}

export async function createPrintBatch(db: DB, batch: { createdBy: number; letterIds: readonly number[]; now: Date }): Promise<number> {
  const row = await db
    .insertInto("print_batches")
    .values({ created_by: batch.createdBy, created_at: batch.now.toISOString(), letter_ids: JSON.stringify(batch.letterIds) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function getPrintBatch(db: DB, batchId: number): Promise<(PrintBatch & { letterIdList: number[] }) | undefined> {
  const row = await db.selectFrom("print_batches").selectAll().where("id", "=", batchId).executeTakeFirst();
  if (!row) return undefined;
  const parsed: unknown = JSON.parse(row.letter_ids);
  const letterIdList = Array.isArray(parsed) ? parsed.filter((id): id is number => Number.isSafeInteger(id)) : [];
  return { ...row, letterIdList };
}

/** True only for the first press: a batch is marked printed once. */
export async function markPrintBatchPrinted(db: DB, batchId: number, by: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("print_batches")
    .set({ marked_printed_at: now.toISOString(), marked_printed_by: by })
    .where("id", "=", batchId)
    .where("marked_printed_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The relayed letter whose card is `cardMessageId` in the organisers' chat `chatId`, with what answering it needs. */
export async function relayByCard(db: DB, chatId: number, cardMessageId: number) {
  return db
    .selectFrom("relayed_letters")
    .innerJoin("letters", "letters.id", "relayed_letters.letter_id")
    .select(["letters.id", "letters.writer_id", "letters.status", "letters.reference", "letters.prisoner_slug", "relayed_letters.campaign_slug", "relayed_letters.card_locale"])
    .where("relayed_letters.chat_id", "=", chatId)
    .where("relayed_letters.card_message_id", "=", cardMessageId)
    .executeTakeFirst();
}

/** Cards of the writer's letters organisers still hold that show who wrote them. */
export async function heldCardsShowingWriter(db: DB, writerId: number) {
  return db
    .selectFrom("relayed_letters")
    .innerJoin("letters", "letters.id", "relayed_letters.letter_id")
    .select(["letters.id", "letters.status", "relayed_letters.card_html", "relayed_letters.card_locale"])
    .where("letters.writer_id", "=", writerId)
    .where("letters.share_identity", "=", 1)
    .where("letters.status", "in", [...AWAITING_ORGANISERS])
    .execute();
}

export async function setCardHtml(db: DB, letterId: number, html: string): Promise<void> {
  await db.updateTable("relayed_letters").set({ card_html: html }).where("letter_id", "=", letterId).execute();
}
