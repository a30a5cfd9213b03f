/**
 * Applies one candidate record to the directory, inside the caller's transaction: stores the observation with its
 * provenance, finds or creates the card, applies newer facts from the same source, and queues disagreements for
 * review instead of choosing a side. A record seen before with the same hash changes nothing (resumable, idempotent).
 */
import {
  addReview,
  setObservationOutcome,
  findOpenReview,
  getObservation,
  listPeopleForMatching,
  type NewObservation,
  saveObservation,
  updateReviewPayload,
} from "../../db/repositories/directory-sync.js";
import { upsertPrisoner } from "../../db/repositories/directory-document.js";
import { upsertIntermediary } from "../../db/repositories/intermediaries.js";
import { movePrisoner, updatePrisonerStatus } from "../../db/repositories/prisoner-history.js";
import type { DB } from "../../db/database.js";
import { closeLettersFor, getCardFacts, setBirthYearIfUnknown } from "../../db/repositories/prisoners.js";
import { claimedStatus, decideIdentity, type KnownPerson, prisonerFromCandidate, shortNameKey } from "../../domain/directory-sources/identity.js";
import { type CandidateRecord, SOURCE_ORGANISATION } from "../../domain/directory-sources/types.js";
import { comparePartialDates } from "../../domain/directory/partial-date.js";
import type { PrisonerStatus } from "../../domain/directory/types.js";
import { type InstitutionIndex, matchInstitution } from "../../domain/institutions/match.js";

type Db = DB;

export type ApplyOutcome = "added" | "updated" | "unchanged" | "conflict" | "review" | `skipped:${string}`;

/** Namesake lookup kept in memory for a whole run: one query at the start, none per record. */
export class PeopleIndex {
  private readonly byKey = new Map<string, KnownPerson[]>();

  static async load(db: Db): Promise<PeopleIndex> {
    const index = new PeopleIndex();
    for (const row of await listPeopleForMatching(db)) {
      const years = [row.birth_year, ...(JSON.parse(row.birth_year_alternatives) as number[])].filter((year): year is number => typeof year === "number");
      const person = { slug: row.slug, surname: row.surname_ru, given: row.given_name_ru, patronymic: row.patronymic_ru, birthYears: years };
      index.add(person);
      for (const spelling of JSON.parse(row.alt_spellings) as string[]) {
        const [surname = "", given = "", ...rest] = spelling.split(/\s+/);
        index.add({ ...person, surname, given, patronymic: rest.length > 0 ? rest.join(" ") : null });
      }
    }
    return index;
  }

  add(person: KnownPerson): void {
    const key = shortNameKey(person.surname, person.given);
    const list = this.byKey.get(key) ?? [];
    if (!list.some((known) => known.slug === person.slug && known.patronymic === person.patronymic)) list.push(person);
    this.byKey.set(key, list);
  }

  namesakes(record: CandidateRecord): KnownPerson[] {
    const keys = [shortNameKey(record.name.surname, record.name.given)];
    const found = new Map<string, KnownPerson>();
    for (const key of keys) for (const person of this.byKey.get(key) ?? []) found.set(person.slug, person);
    return [...found.values()];
  }
}

export interface ApplyContext {
  db: Db;
  now: string;
  institutions: InstitutionIndex;
  people: PeopleIndex;
}

/** One side of a disagreement, as `/review` shows it and as it is applied when accepted. */
export interface ReviewSide {
  organisation: string;
  value: string;
  asOf: string;
  sourceUrl: string;
}

function organisationOf(url: string): string {
  if (url.includes("memopzk")) return SOURCE_ORGANISATION.memorial;
  if (url.includes("repression") || url.includes("ovd.info") || url.includes("ovdinfo")) return SOURCE_ORGANISATION.ovd;
  if (url.includes("spring96")) return SOURCE_ORGANISATION.viasna;
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

export async function applyCandidate(ctx: ApplyContext, record: CandidateRecord): Promise<ApplyOutcome> {
  const { db } = ctx;
  const { provenance } = record;
  const existing = await getObservation(db, provenance.source, provenance.sourceRecordId);
  // (An empty stored hash means /review asked for the record to be applied again.)
  if (existing && existing.raw_sha256 === provenance.rawSha256 && existing.parser_version === provenance.parserVersion) return "unchanged";

  const match = record.institutionRaw ? matchInstitution(ctx.institutions, record.institutionRaw, { postcode: record.postcode }) : { kind: "none" as const };
  const institution = match.kind === "exact" ? match.slug : null;
  const row: NewObservation = {
    source: provenance.source,
    source_record_id: provenance.sourceRecordId,
    prisoner_slug: existing?.prisoner_slug ?? null,
    source_url: provenance.sourceUrl,
    display_name: record.name.display,
    birth_year: record.birthYear,
    status: record.custody,
    status_raw: record.statusRaw,
    recognition: record.recognition,
    status_as_of: record.statusAsOf,
    institution_raw: record.institutionRaw,
    institution_slug: institution,
    address_state: record.addressState,
    facts: JSON.stringify({
      name: record.name,
      gender: record.gender,
      birthDate: record.birthDate,
      system: record.system,
      stage: record.stage,
      region: record.region,
      postalAddress: record.postalAddress,
      postcode: record.postcode,
      institutionCandidates: match.kind === "candidates" ? match.slugs : [],
    }),
    outcome: existing?.outcome === "kept-apart" ? "kept-apart" : "pending",
    fetched_at: provenance.fetchedAt,
    source_modified_at: provenance.sourceModifiedAt,
    parser_version: provenance.parserVersion,
    raw_sha256: provenance.rawSha256,
    updated_at: ctx.now,
  };
  const observationId = await saveObservation(db, row);
  const finish = async (outcome: ApplyOutcome, prisonerSlug: string | null) => {
    await setObservationOutcome(db, observationId, outcome, prisonerSlug);
    // A service the source itself names for this person: recorded with the source's page and its own date.
    if (prisonerSlug !== null && record.intermediary && !outcome.startsWith("skipped")) {
      const { service, url } = record.intermediary;
      const asOf = (record.provenance.sourceModifiedAt ?? record.statusAsOf).slice(0, 10);
      await upsertIntermediary(db, { prisoner_slug: prisonerSlug, service, url, as_of: asOf, source: record.provenance.sourceUrl });
    }
    return outcome;
  };

  let slug = row.prisoner_slug ?? null;
  if (slug === null) {
    // An organiser said in /review that this record is not anyone already listed.
    const keptApart = existing?.outcome === "kept-apart";
    const decision = keptApart ? ({ kind: "new" } as const) : decideIdentity(record, ctx.people.namesakes(record));
    if (decision.kind === "ambiguous") {
      const payload = { candidates: decision.slugs, record: { name: record.name.display, birthYear: record.birthYear, organisation: SOURCE_ORGANISATION[provenance.source], sourceUrl: provenance.sourceUrl } };
      const open = await findOpenReview(db, "identity", observationId);
      if (open) await updateReviewPayload(db, open.id, payload);
      else await addReview(db, { kind: "identity", prisonerSlug: decision.slugs[0] ?? null, observationId, payload, at: ctx.now });
      return finish("review", null);
    }
    if (decision.kind === "same") slug = decision.slug;
    else {
      // Only a source's own recognition puts a new person in the public directory; OVD-Info designates nobody.
      if (record.recognition !== "political_prisoner") return finish(`skipped:${provenance.source === "ovd" ? "no-card-to-check" : "not-recognised"}`, null);
      const card = prisonerFromCandidate(record, institution);
      if ("skip" in card) return finish(`skipped:${card.skip}`, null);
      await upsertPrisoner(db, card, { changedBy: null, now: new Date(ctx.now) });
      ctx.people.add({ slug: card.slug, surname: record.name.surname, given: record.name.given, patronymic: record.name.patronymic, birthYears: record.birthYear === null ? [] : [record.birthYear] });
      return finish("added", card.slug);
    }
  }
  return finish(await reconcile(ctx, slug, record, institution, observationId), slug);
}

/** Compares a linked record with its card: same-source newer facts are applied, other sources' differences reviewed. */
async function reconcile(ctx: ApplyContext, slug: string, record: CandidateRecord, institution: string | null, observationId: number): Promise<ApplyOutcome> {
  const { db } = ctx;
  const card = await getCardFacts(db, slug);
  if (!card) return "skipped:card-removed";
  const url = record.provenance.sourceUrl;
  const organisation = SOURCE_ORGANISATION[record.provenance.source];
  const current = card.status as PrisonerStatus;
  const claim = claimedStatus(record, current);
  const olderThanCard = comparePartialDates(record.statusAsOf, card.status_as_of) < 0;
  let outcome: ApplyOutcome = "unchanged";
  const conflict = async (kind: "status" | "institution", ours: ReviewSide, theirs: ReviewSide) => {
    const payload = { sides: [ours, theirs] };
    const open = await findOpenReview(db, kind, observationId);
    if (open) await updateReviewPayload(db, open.id, payload);
    else await addReview(db, { kind, prisonerSlug: slug, observationId, payload, at: ctx.now });
    outcome = "conflict";
  };

  const inCustodyCard = current === "pretrial" || current === "sentenced";
  const disagrees = (claim !== null && claim !== current && claim !== "unknown") || (record.custody === "not_in_custody" && inCustodyCard);
  if (disagrees && !olderThanCard) {
    const theirs = { organisation, value: claim ?? record.custody, asOf: record.statusAsOf, sourceUrl: url };
    if (card.status_source_url === url && claim !== null) {
      await applyStatus(db, slug, claim, record.statusAsOf, url, ctx.now, null);
      outcome = "updated";
    } else {
      await conflict("status", { organisation: organisationOf(card.status_source_url), value: current, asOf: card.status_as_of, sourceUrl: card.status_source_url }, theirs);
    }
  }
  const stillHeld = record.custody === "in_custody";
  if (stillHeld && institution !== null && institution !== card.institution_slug) {
    const cardAsOf = card.institution_as_of ?? "0000";
    if (card.institution_slug === null || (card.institution_source_url === url && comparePartialDates(record.statusAsOf, cardAsOf) >= 0)) {
      await movePrisoner(db, slug, { institution, asOf: record.statusAsOf, sourceUrl: url, changedBy: null, now: new Date(ctx.now) });
      if (outcome === "unchanged") outcome = "updated";
    } else if (comparePartialDates(record.statusAsOf, cardAsOf) >= 0) {
      await conflict(
        "institution",
        { organisation: organisationOf(card.institution_source_url ?? ""), value: card.institution_slug, asOf: cardAsOf, sourceUrl: card.institution_source_url ?? "" },
        { organisation, value: institution, asOf: record.statusAsOf, sourceUrl: url },
      );
    }
  }
  if (card.birth_year === null && record.birthYear !== null) {
    await setBirthYearIfUnknown(db, slug, record.birthYear, ctx.now);
    if (outcome === "unchanged") outcome = "updated";
  }
  return outcome;
}

/** A status change with its history row; free or dead people lose the letter button with the reason. */
export async function applyStatus(db: Db, slug: string, status: PrisonerStatus, asOf: string, sourceUrl: string, now: string, changedBy: number | null): Promise<void> {
  await updatePrisonerStatus(db, slug, { status, asOf, sourceUrl, changedBy, now: new Date(now) });
  if (status === "released" || status === "deceased" || status === "exchanged") {
    await closeLettersFor(db, slug, status);
  }
}
