/**
 * "Someone not listed": a writer's details about a person the directory does not know become a `suggestion` item in
 * the review queue, with who submitted it, and a card only that writer sees (`private_to`, source
 * `lysty:suggestion/<id>/writer`: «details you gave, not checked»), so they can write at once. Nothing enters the
 * public directory until an organiser or admin accepts it; then the same card (same slug: drafts and letters keep
 * working) is rebuilt from the writer's facts (status unknown, source "submitted by a user, confirmed by …"), made
 * public, and the writer hears about it. A dismissed suggestion is told honestly; the writer's own card stays theirs.
 */
import type { InlineKeyboardMarkup } from "grammy/types";
import type { DB } from "../../db/database.js";
import { addReview, countOpenSuggestionsBy, reviewOfRequest } from "../../db/repositories/directory-sync.js";
import { searchInstitutions } from "../../db/repositories/institution-aliases.js";
import { getInstitutionBySlug } from "../../db/repositories/institutions.js";
import { upsertPrisoner } from "../../db/repositories/directory-document.js";
import { getPrisonerBySlug, setPrisonerPrivateTo } from "../../db/repositories/prisoners.js";
import { inTransaction } from "../../db/database.js";
import { recordConfirmation } from "../../db/repositories/prisoner-history.js";
import { findUser } from "../../db/repositories/users.js";
import { type ConfirmingRole, prisonerFromSuggestion, readSuggestion, type Suggestion, suggestedSlug } from "../../domain/directory/suggestion.js";
import type { PrisonSystem } from "../../domain/directory/types.js";
import { enqueue } from "../../outbox/index.js";
import { escapeHtml } from "../../telegram/html.js";
import { translator } from "../../telegram/i18n.js";
import { resolveLocale, STORED_LOCALE_FALLBACK } from "../../telegram/locale.js";
import { writeLetterData } from "../letters/buttons.js";

/** Open suggestions one writer may have waiting at once: enough for a family, not a flood for the organisers. */
export const OPEN_SUGGESTIONS_PER_USER = 5;

export interface FacilityChoice {
  slug: string;
  name: string;
  region: string;
}

export function findFacilities(db: DB, query: string): Promise<FacilityChoice[]> {
  return searchInstitutions(db, query, 8);
}

/** `slug`: the writer's own card for these details, to write to at once. */
export type SubmitResult = { ok: true; reviewId: number; slug: string } | { ok: false; reason: "too-many" | "no-institution" };

/**
 * `requestMessageId`: the writer's confirmation message whose "Send to organisers" was pressed. Telegram delivers that
 * press again when the process died after the review was stored; the review it sent is answered again, not a second one.
 * `undefined` when the press had no message (one on a message sent in inline mode): the suggestion is one of its own.
 */
export async function submitSuggestion(db: DB, input: { by: number; suggestion: Suggestion; now: Date; requestMessageId: number | undefined }): Promise<SubmitResult> {
  return inTransaction(db, async (trx): Promise<SubmitResult> => {
    const sent = input.requestMessageId === undefined ? undefined : await reviewOfRequest(trx, input.by, input.requestMessageId);
    if (sent !== undefined) return { ok: true, reviewId: sent, slug: suggestedSlug(input.suggestion.name, sent) };
    const system = await suggestedSystem(trx, input.suggestion);
    if (!system) return { ok: false, reason: "no-institution" };
    if ((await countOpenSuggestionsBy(trx, input.by)) >= OPEN_SUGGESTIONS_PER_USER) return { ok: false, reason: "too-many" };
    const reviewId = await addReview(trx, {
      kind: "suggestion",
      prisonerSlug: null,
      observationId: null,
      payload: input.suggestion,
      submittedBy: input.by,
      requestMessageId: input.requestMessageId,
      at: input.now.toISOString(),
    });
    const record = prisonerFromSuggestion(input.suggestion, {
      reviewId,
      role: "writer",
      system,
      confirmedOn: input.now.toISOString().slice(0, 10),
    });
    // The history names nobody: the writer's id stays in the review row only (to answer them).
    await upsertPrisoner(trx, record, { changedBy: null, now: input.now });
    await setPrisonerPrivateTo(trx, record.slug, input.by);
    return { ok: true, reviewId, slug: record.slug };
  });
}

/** The facility's system, the country the writer named when they did not know the facility, or null: the facility is gone. */
async function suggestedSystem(db: DB, suggestion: Suggestion): Promise<PrisonSystem | null> {
  if (suggestion.institution === null) return suggestion.system ?? null;
  return (await getInstitutionBySlug(db, suggestion.institution))?.system ?? null;
}

/** Accepting a suggestion (inside the review's transaction): the card, or why there is none. */
export async function addSuggestedPerson(
  db: DB,
  input: { reviewId: number; payload: unknown; role: ConfirmingRole; by: number; now: Date },
): Promise<{ slug: string } | { problem: "invalid" | "no-institution" }> {
  const suggestion = readSuggestion(input.payload);
  if (!suggestion) return { problem: "invalid" };
  const system = await suggestedSystem(db, suggestion);
  if (!system) return { problem: "no-institution" };
  const record = prisonerFromSuggestion(suggestion, {
    reviewId: input.reviewId,
    role: input.role,
    system,
    confirmedOn: input.now.toISOString().slice(0, 10),
  });
  // The writer's own card, when there is one, has this slug: it is rebuilt with the confirmed source and made public,
  // and its history says who confirmed the (unchanged) facts.
  const outcome = await upsertPrisoner(db, record, { changedBy: input.by, now: input.now });
  if (outcome.record === "updated") {
    const { status, location } = record;
    await recordConfirmation(db, record.slug, { field: "status", value: status.value, asOf: status.asOf, sourceUrl: status.sourceUrl, changedBy: input.by, now: input.now });
    if (location.asOf !== null && location.sourceUrl !== null) {
      await recordConfirmation(db, record.slug, { field: "institution", value: location.institution, asOf: location.asOf, sourceUrl: location.sourceUrl, changedBy: input.by, now: input.now });
    }
  }
  await setPrisonerPrivateTo(db, record.slug, null);
  return { slug: record.slug };
}

/** Tells the writer what became of their suggestion, in their language, through the outbox. */
export async function notifySuggester(db: DB, input: { userId: number; reviewId: number; payload: unknown; slug: string | null; now: Date }): Promise<void> {
  const suggestion = readSuggestion(input.payload);
  if (!suggestion) return;
  const locale = resolveLocale((await findUser(db, input.userId))?.locale, STORED_LOCALE_FALLBACK);
  const t = translator(STORED_LOCALE_FALLBACK);
  const name = escapeHtml([suggestion.name.surname, suggestion.name.given, suggestion.name.patronymic].filter(Boolean).join(" "));
  let reply_markup: InlineKeyboardMarkup | undefined;
  if (input.slug !== null && (await getPrisonerBySlug(db, input.slug))) {
    const data = writeLetterData(input.slug);
    if (data) reply_markup = { inline_keyboard: [[{ text: t(locale, "letter-ui-button-write"), callback_data: data }]] };
  }
  const text = t(locale, input.slug === null ? "suggest-notice-dismissed" : "suggest-notice-accepted", { name });
  await enqueue(
    db,
    [
      {
        kind: "notice",
        ref: `suggestion:${input.reviewId}`,
        chatId: input.userId,
        method: "sendMessage" as const,
        payload: { text, parse_mode: "HTML" as const, ...(reply_markup ? { reply_markup } : {}) },
      },
    ],
    { now: input.now },
  );
}

/** A facility the writer picked by its button, looked up again (button data is untrusted). */
export async function facilityChoice(db: DB, slug: string): Promise<FacilityChoice | null> {
  const institution = await getInstitutionBySlug(db, slug);
  return institution ? { slug: institution.slug, name: institution.officialName ?? institution.name, region: institution.region } : null;
}
