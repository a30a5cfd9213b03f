/**
 * "Someone not listed": a writer's details about a person the directory does not know become a `suggestion` item in
 * the review queue, with who submitted it. Nothing enters the directory until an organiser or admin accepts it; then
 * the card is built from the writer's facts (status unknown, source "submitted by a user, confirmed by …") and the
 * writer hears about it, with a button to write. A dismissed suggestion is told honestly too.
 */
import type { InlineKeyboardMarkup } from "grammy/types";
import type { DB } from "../../db/database.js";
import { addReview, countOpenSuggestionsBy } from "../../db/repositories/directory-sync.js";
import { searchInstitutions } from "../../db/repositories/institution-aliases.js";
import { getInstitutionBySlug } from "../../db/repositories/institutions.js";
import { upsertPrisoner } from "../../db/repositories/directory-document.js";
import { getPrisonerBySlug } from "../../db/repositories/prisoners.js";
import { findUser } from "../../db/repositories/users.js";
import { type ConfirmingRole, prisonerFromSuggestion, readSuggestion, type Suggestion } from "../../domain/directory/suggestion.js";
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

export type SubmitResult = { ok: true; reviewId: number } | { ok: false; reason: "too-many" | "no-institution" };

export async function submitSuggestion(db: DB, input: { by: number; suggestion: Suggestion; now: Date }): Promise<SubmitResult> {
  if (!(await getInstitutionBySlug(db, input.suggestion.institution))) return { ok: false, reason: "no-institution" };
  if ((await countOpenSuggestionsBy(db, input.by)) >= OPEN_SUGGESTIONS_PER_USER) return { ok: false, reason: "too-many" };
  const reviewId = await addReview(db, {
    kind: "suggestion",
    prisonerSlug: null,
    observationId: null,
    payload: input.suggestion,
    submittedBy: input.by,
    at: input.now.toISOString(),
  });
  return { ok: true, reviewId };
}

/** Accepting a suggestion (inside the review's transaction): the card, or why there is none. */
export async function addSuggestedPerson(
  db: DB,
  input: { reviewId: number; payload: unknown; role: ConfirmingRole; by: number; now: Date },
): Promise<{ slug: string } | { problem: "invalid" | "no-institution" }> {
  const suggestion = readSuggestion(input.payload);
  if (!suggestion) return { problem: "invalid" };
  const institution = await getInstitutionBySlug(db, suggestion.institution);
  if (!institution) return { problem: "no-institution" };
  const record = prisonerFromSuggestion(suggestion, {
    reviewId: input.reviewId,
    role: input.role,
    system: institution.system,
    confirmedOn: input.now.toISOString().slice(0, 10),
  });
  await upsertPrisoner(db, record, { changedBy: input.by, now: input.now });
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
