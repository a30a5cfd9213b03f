/**
 * The review queue's use cases: what an organiser sees for an open item, and what accepting one side or dismissing
 * does. An accepted fact keeps its source and date; every change goes to the history with the organiser's id.
 */
import { closeReview, countOpenReviews, forgetObservationHash, getObservationById, getReview, listOpenReviews, listOpenReviewsOf, linkObservation, lockReview, type ReviewRow } from "../../db/repositories/directory-sync.js";
import { movePrisoner } from "../../db/repositories/prisoner-history.js";
import { audit } from "../../db/repositories/roles.js";
import { type DB, inTransaction } from "../../db/database.js";
import { getInstitutionBySlug } from "../../db/repositories/institutions.js";
import { getRussianName } from "../../db/repositories/prisoners.js";
import { PRISONER_STATUSES, type PrisonerStatus, type PrisonSystem } from "../../domain/directory/types.js";
import { type ConfirmingRole, readSuggestion } from "../../domain/directory/suggestion.js";
import { addSuggestedPerson, notifySuggester } from "../directory/suggestions.js";
import { applyStatus, type ReviewSide } from "./apply.js";

type Db = DB;

export interface ReviewView {
  id: number;
  kind: "status" | "institution" | "identity" | "suggestion";
  prisonerSlug: string | null;
  prisonerName: string | null;
  sides: (ReviewSide & { label: string })[];
  /** Identity: the record that may be someone already listed. */
  record: { name: string; birthYear: number | null; organisation: string; sourceUrl: string } | null;
  candidates: { slug: string; name: string; birthYear: number | null }[];
  /** Someone not listed, as a writer gave them (not checked): never shown to anyone but organisers and admins. */
  /** `institution` null: the writer said they do not know the facility, only the country (`system`). */
  suggestion: { name: string; birthYear: number | null; institution: string | null; region: string; system: PrisonSystem | null; submittedAt: string } | null;
}

async function personName(db: Db, slug: string): Promise<{ name: string; birthYear: number | null } | null> {
  const row = await getRussianName(db, slug);
  return row ? { name: [row.surname, row.given, row.patronymic].filter(Boolean).join(" "), birthYear: row.birthYear } : null;
}

async function institutionLabel(db: Db, slug: string): Promise<string> {
  const row = await getInstitutionBySlug(db, slug);
  return row ? (row.officialName ?? row.name) : slug;
}

async function describeReview(db: Db, review: ReviewRow): Promise<ReviewView> {
  const payload = JSON.parse(review.payload) as {
    sides?: ReviewSide[];
    candidates?: string[];
    record?: ReviewView["record"];
  };
  const kind = review.kind as ReviewView["kind"];
  const sides = await Promise.all(
    (payload.sides ?? []).map(async (side) => ({ ...side, label: kind === "institution" ? await institutionLabel(db, side.value) : side.value })),
  );
  const candidates = [];
  for (const slug of payload.candidates ?? []) {
    const person = await personName(db, slug);
    if (person) candidates.push({ slug, ...person });
  }
  const prisoner = review.prisoner_slug ? await personName(db, review.prisoner_slug) : null;
  const suggested = kind === "suggestion" ? readSuggestion(payload) : null;
  const place = suggested?.institution ? await getInstitutionBySlug(db, suggested.institution) : undefined;
  const suggestion = suggested
    ? {
        name: [suggested.name.surname, suggested.name.given, suggested.name.patronymic].filter(Boolean).join(" "),
        birthYear: suggested.birthYear,
        institution: place ? (place.officialName ?? place.name) : suggested.institution,
        region: place?.region ?? "",
        system: suggested.system ?? place?.system ?? null,
        submittedAt: review.created_at.slice(0, 10),
      }
    : null;
  return { id: review.id, kind, prisonerSlug: review.prisoner_slug, prisonerName: prisoner?.name ?? null, sides, record: payload.record ?? null, candidates, suggestion };
}

/** The oldest open item, and how many are waiting in all (that one included). */
export async function nextOpenReview(db: Db): Promise<{ view: ReviewView; waiting: number } | undefined> {
  const [review] = await listOpenReviews(db, 1);
  if (!review) return undefined;
  const view = await describeReview(db, review);
  return { view, waiting: await countOpenReviews(db) };
}

/** An item as it stood when a button was pressed (the id is looked up, never trusted); undefined when unknown. */
export async function reviewById(db: Db, reviewId: number): Promise<ReviewView | undefined> {
  const review = await getReview(db, reviewId);
  return review ? describeReview(db, review) : undefined;
}

/** The person's open disagreements between sources (status or institution), for their card. */
export async function openDisagreementsOf(db: Db, prisonerSlug: string): Promise<ReviewView[]> {
  const views: ReviewView[] = [];
  for (const review of await listOpenReviewsOf(db, prisonerSlug)) {
    if (review.kind !== "status" && review.kind !== "institution") continue;
    views.push(await describeReview(db, review));
  }
  return views;
}

/** `a<n>` accept side n, `m<n>` same person as candidate n, `n` a different person, `d` dismiss. */
export type ReviewAction = { kind: "accept"; side: number } | { kind: "merge"; candidate: number } | { kind: "apart" } | { kind: "dismiss" };

export function parseReviewAction(code: string): ReviewAction | undefined {
  if (code === "d") return { kind: "dismiss" };
  if (code === "n") return { kind: "apart" };
  const match = /^([am])(\d)$/.exec(code);
  if (!match) return undefined;
  return match[1] === "a" ? { kind: "accept", side: Number(match[2]) } : { kind: "merge", candidate: Number(match[2]) };
}

export type ResolveResult =
  | { ok: true; resolution: string; side?: ReviewSide & { label: string }; candidate?: { name: string }; added?: { slug: string } }
  | { ok: false; reason: "closed" | "invalid" };

/** `role`: whether the person settling it is an admin or an organiser (an accepted suggestion's card names it). */
export async function resolveReview(db: Db, input: { reviewId: number; action: ReviewAction; by: number; role: ConfirmingRole; now: Date }): Promise<ResolveResult> {
  return inTransaction(db, async (trx): Promise<ResolveResult> => {
    // Locked: two people settling it at once are taken one after the other, and the second finds it closed.
    const review = await lockReview(trx, input.reviewId);
    if (!review) return { ok: false, reason: "invalid" } as const;
    if (review.state !== "open") return { ok: false, reason: "closed" } as const;
    const view = await describeReview(trx, review);
    const at = input.now.toISOString();
    const { action } = input;
    let result: ResolveResult;
    if (action.kind === "dismiss") result = { ok: true, resolution: "dismissed" };
    else if (action.kind === "accept" && view.kind === "suggestion" && action.side === 0) {
      const added = await addSuggestedPerson(trx, { reviewId: review.id, payload: JSON.parse(review.payload), role: input.role, by: input.by, now: input.now });
      if ("problem" in added) return { ok: false, reason: "invalid" } as const;
      result = { ok: true, resolution: `added:${added.slug}`, added };
    }
    else if (action.kind === "accept" && (view.kind === "status" || view.kind === "institution") && view.prisonerSlug) {
      const side = view.sides[action.side];
      if (!side) return { ok: false, reason: "invalid" } as const;
      if (action.side > 0) {
        if (view.kind === "status") {
          const status: PrisonerStatus = (PRISONER_STATUSES as readonly string[]).includes(side.value) ? (side.value as PrisonerStatus) : "unknown";
          await applyStatus(trx, view.prisonerSlug, status, side.asOf, side.sourceUrl, at, input.by);
        } else {
          await movePrisoner(trx, view.prisonerSlug, { institution: side.value, asOf: side.asOf, sourceUrl: side.sourceUrl, changedBy: input.by, now: input.now });
        }
      }
      result = { ok: true, resolution: `accepted:${side.organisation}`, side };
    } else if (action.kind === "merge" && view.kind === "identity" && review.observation_id !== null) {
      const candidate = view.candidates[action.candidate];
      if (!candidate) return { ok: false, reason: "invalid" } as const;
      // Linked now; the next sync applies the record's facts to the card like any linked record's.
      await linkObservation(trx, review.observation_id, candidate.slug, "merged-by-review");
      await forgetObservationHash(trx, review.observation_id);
      result = { ok: true, resolution: `merged:${candidate.slug}`, candidate };
    } else if (action.kind === "apart" && view.kind === "identity" && review.observation_id !== null) {
      const observation = await getObservationById(trx, review.observation_id);
      if (!observation) return { ok: false, reason: "invalid" } as const;
      await linkObservation(trx, observation.id, null, "kept-apart");
      await forgetObservationHash(trx, observation.id);
      result = { ok: true, resolution: "kept-apart" };
    } else return { ok: false, reason: "invalid" } as const;
    const state = action.kind === "dismiss" ? "dismissed" : "accepted";
    // Cannot fail while the review is locked; if it did, the changes above must not outlive the answer "closed".
    if (!(await closeReview(trx, review.id, state, input.by, result.ok ? result.resolution : "", at))) throw new Error(`review ${review.id} was closed under its lock`);
    await audit(trx, { actorId: input.by, action: `directory-review-${state}`, target: String(review.id), details: { kind: review.kind }, at: input.now });
    if (review.kind === "suggestion" && review.submitted_by !== null) {
      await notifySuggester(trx, { userId: Number(review.submitted_by), reviewId: review.id, payload: JSON.parse(review.payload), slug: result.ok && result.added ? result.added.slug : null, now: input.now });
    }
    return result;
  });
}
