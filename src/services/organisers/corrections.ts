import type { Locale } from "../../config.js";
import { inTransaction } from "../../db/database.js";
import { getInstitutionBySlug, listInstitutions, listInstitutionsBySlug } from "../../db/repositories/institutions.js";
import { searchInstitutions } from "../../db/repositories/institution-aliases.js";
import { PENITENTIARY_SOURCE_URL } from "../../domain/institutions/penitentiary-xml.js";
import { movePrisoner, updatePrisonerStatus } from "../../db/repositories/prisoner-history.js";
import { getPrisonerBySlug } from "../../db/repositories/prisoners.js";
import { audit, auditOfPress } from "../../db/repositories/roles.js";
import { prisonerName } from "../../domain/directory/names.js";
import type { PrisonerStatus } from "../../domain/directory/types.js";
import type { ServiceDeps } from "../deps.js";
import { findChoicesInScope, type ScopedChoices } from "../directory/lookup.js";
import { type Actor, campaignsInScope, mayActForAnyOf } from "./roles.js";

/** The two corrections an organiser makes from Telegram: `/setstatus` and `/move`. */
export type CorrectionKind = "status" | "move";

/** What the correction flow shows and checks; JSON-safe (it is stored in the flow's replay log). */
export interface CorrectionTarget {
  slug: string;
  name: string;
  status: PrisonerStatus;
  statusAsOf: string;
  institution: string | null;
  system: string;
  campaigns: string[];
}

export type CorrectionAccess = { kind: "ok"; target: CorrectionTarget } | { kind: "unknown" } | { kind: "refused" };

/** Whether `who` may correct this prisoner now: admins, and organisers of any of the prisoner's campaigns. */
export async function correctionAccess(deps: ServiceDeps, who: Actor, slug: string, locale: Locale): Promise<CorrectionAccess> {
  const prisoner = await getPrisonerBySlug(deps.db, slug);
  if (!prisoner) return { kind: "unknown" };
  if (!(await mayActForAnyOf(deps.db, who, prisoner.campaigns))) return { kind: "refused" };
  return {
    kind: "ok",
    target: {
      slug,
      name: prisonerName(prisoner.names, locale, "prose"),
      status: prisoner.status.value,
      statusAsOf: prisoner.status.asOf,
      institution: prisoner.location.institution,
      system: prisoner.system,
      campaigns: prisoner.campaigns,
    },
  };
}

export type CorrectionCandidates = ScopedChoices;

/**
 * The prisoners `/setstatus <name>` or `/move <name>` may mean, a page at a time: a card shows names, not ids, so the
 * organiser types a name in any spelling (as in `/news`), among the people of campaigns `who` acts for.
 */
export async function correctionCandidates(deps: ServiceDeps, who: Actor, query: string, locale: Locale, page: number): Promise<CorrectionCandidates> {
  return findChoicesInScope(deps, await campaignsInScope(deps.db, who), query, locale, page);
}

/**
 * The institutions `/move` offers as buttons: the directory's own (the seed's, imported ones) and the current one.
 * polit-sake's 948 are too many for a keyboard: they are found by `searchInstitutionChoices`.
 */
export async function institutionChoices(deps: ServiceDeps, system: string, current: string | null): Promise<{ id: string; name: string }[]> {
  return (await listInstitutions(deps.db))
    .filter((institution) => institution.system === system && (institution.sourceUrl !== PENITENTIARY_SOURCE_URL || institution.slug === current))
    .map(({ slug, name }) => ({ id: slug, name }));
}

/** Institutions of this system whose name or alias holds every word typed (at most 8, as a keyboard). */
export async function searchInstitutionChoices(deps: ServiceDeps, system: string, query: string): Promise<{ id: string; name: string }[]> {
  const found = await searchInstitutions(deps.db, query, 50);
  // Both lists come in slug order: the first 8 of this system, as the search ranked them.
  const institutions = await listInstitutionsBySlug(deps.db, found.map(({ slug }) => slug));
  return institutions
    .filter((institution) => institution.system === system)
    .slice(0, 8)
    .map(({ slug, name, region }) => ({ id: slug, name: `${name}, ${region}` }));
}

/** A button's institution looked up again (button data is untrusted): only one of the prisoner's system. */
export async function institutionChoice(deps: ServiceDeps, system: string, slug: string): Promise<{ id: string; name: string } | undefined> {
  const institution = await getInstitutionBySlug(deps.db, slug);
  return institution?.system === system ? { id: institution.slug, name: institution.name } : undefined;
}

export type CorrectionChange = { kind: "status"; status: PrisonerStatus } | { kind: "move"; institution: string | null };

export interface Correction {
  target: Pick<CorrectionTarget, "slug" | "campaigns" | "status" | "institution">;
  change: CorrectionChange;
  asOf: string;
  sourceUrl: string;
  /**
   * The organiser's summary message whose Save was pressed. Telegram delivers that press again when the process died
   * after the correction was stored and before the flow's end was: the outcome it saved is answered again, nothing saved.
   * `undefined` when the press had no message (one on a message sent in inline mode): the correction has no key, and
   * is saved as a correction of its own.
   */
  pressMessageId: number | undefined;
}

const OUTCOMES = ["changed", "confirmed", "kept"] as const;
type Outcome = (typeof OUTCOMES)[number];

/** What the press's first delivery saved and told: written by `saveCorrection` below, so anything else is a bug. */
function savedOutcome(details: Record<string, unknown>): Outcome {
  const outcome = OUTCOMES.find((candidate) => candidate === details.outcome);
  if (outcome === undefined) throw new Error("a correction's audit entry without its outcome");
  return outcome;
}

/**
 * Saves a correction with its history row and an audit entry, after checking the role again inside the transaction
 * (it may have been revoked while the organiser was typing).
 */
export async function saveCorrection(deps: ServiceDeps, who: Actor, correction: Correction): Promise<"refused" | Outcome> {
  const { target, change, asOf, sourceUrl } = correction;
  const now = deps.clock.now();
  const changedBy = who.id ?? null;
  // Keyed only for a person: the audit's actor 0 (no id) is shared.
  const press = who.id === undefined ? undefined : correction.pressMessageId;
  return inTransaction(deps.db, async (trx) => {
    if (press !== undefined) {
      const saved = await auditOfPress(trx, who.id ?? 0, press);
      if (saved !== undefined) return savedOutcome(saved);
    }
    if (!(await mayActForAnyOf(trx, who, target.campaigns))) return "refused" as const;
    const result =
      change.kind === "status"
        ? await updatePrisonerStatus(trx, target.slug, { status: change.status, asOf, sourceUrl, changedBy, confidence: "confirmed", now })
        : await movePrisoner(trx, target.slug, { institution: change.institution, asOf, sourceUrl, changedBy, now });
    const [action, from, to] =
      change.kind === "status" ? ["prisoner.status", target.status, change.status] : ["prisoner.move", target.institution, change.institution];
    await audit(trx, { actorId: who.id ?? 0, action, target: `prisoner:${target.slug}`, details: { from, to, as_of: asOf, outcome: result }, at: now, pressMessageId: press });
    return result;
  });
}
