import type { Selectable } from "kysely";
import { oneOf, parseJsonList } from "../../domain/directory/guards.js";
import { type FewLettersEntry, type LetterCounts, writableByFewLetters } from "../../domain/directory/few-letters.js";
import { comparePartialDates } from "../../domain/directory/partial-date.js";
import { readDirectorySeed } from "../../domain/directory/seed-files.js";
import {
  type DirectoryDocument,
  GENDERS,
  type InterestTag,
  NO_LETTERS_REASONS,
  type PartialDate,
  PRISON_SYSTEMS,
  PRISONER_STATUSES,
  type PrisonerRecord,
  type PrisonerStatus,
  STATUS_CONFIDENCES,
  type StatusConfidence,
} from "../../domain/directory/types.js";
import { type SearchEntry, toSearchEntry } from "../../domain/search/entry.js";
import type { PrisonersTable } from "../tables/directory.js";
import { listCampaigns, upsertCampaign } from "./campaigns.js";
import { listInstitutions, upsertInstitution } from "./institutions.js";
import { type DB, inTransaction } from "../database.js";

type PrisonerRow = Selectable<PrisonersTable>;

export class PrisonerNotFoundError extends Error {
  constructor(readonly slug: string) {
    super(`No prisoner with slug «${slug}» in the directory`);
    this.name = "PrisonerNotFoundError";
  }
}

export function prisonerFromRow(row: PrisonerRow, campaigns: string[]): PrisonerRecord {
  return {
    slug: row.slug,
    names: {
      ru: { surname: row.surname_ru, given: row.given_name_ru, patronymic: row.patronymic_ru },
      uk: { surname: row.surname_uk, given: row.given_name_uk, patronymic: row.patronymic_uk },
      latin: { surname: row.surname_latin, given: row.given_name_latin, patronymic: row.patronymic_latin },
    },
    altSpellings: parseJsonList<string>(row.alt_spellings, "alt_spellings"),
    gender: oneOf(GENDERS, row.gender, "gender"),
    birthYear: row.birth_year,
    birthYearAlternatives: parseJsonList<number>(row.birth_year_alternatives, "birth_year_alternatives"),
    birthDate: row.birth_date,
    birthNote: row.birth_note,
    system: oneOf(PRISON_SYSTEMS, row.system, "prison system"),
    status: {
      value: oneOf(PRISONER_STATUSES, row.status, "status"),
      asOf: row.status_as_of,
      sourceUrl: row.status_source_url,
      confidence: oneOf(STATUS_CONFIDENCES, row.status_confidence, "status confidence"),
      note: row.status_note,
    },
    location: {
      institution: row.institution_slug,
      asOf: row.institution_as_of,
      sourceUrl: row.institution_source_url,
      believedCurrent: row.institution_believed_current === 1,
    },
    summary: { uk: row.summary_uk, en: row.summary_en, ru: row.summary_ru },
    interests: {
      tags: parseJsonList<InterestTag>(row.interests, "interests"),
      sourceUrl: row.interests_source_url,
    },
    letters: {
      allowed: row.letters_allowed === 1,
      reason: row.no_letters_reason === null ? null : oneOf(NO_LETTERS_REASONS, row.no_letters_reason, "no-letters reason"),
    },
    hashtag: row.hashtag,
    campaigns,
  };
}

/** Everything but status and location, which only change through the history-keeping paths below. */
function descriptiveColumns(record: PrisonerRecord) {
  return {
    surname_ru: record.names.ru.surname,
    given_name_ru: record.names.ru.given,
    patronymic_ru: record.names.ru.patronymic,
    surname_uk: record.names.uk.surname,
    given_name_uk: record.names.uk.given,
    patronymic_uk: record.names.uk.patronymic,
    surname_latin: record.names.latin.surname,
    given_name_latin: record.names.latin.given,
    patronymic_latin: record.names.latin.patronymic,
    alt_spellings: JSON.stringify(record.altSpellings),
    gender: record.gender,
    birth_year: record.birthYear,
    birth_year_alternatives: JSON.stringify(record.birthYearAlternatives),
    birth_date: record.birthDate,
    birth_note: record.birthNote,
    system: record.system,
    summary_uk: record.summary.uk,
    summary_en: record.summary.en,
    summary_ru: record.summary.ru,
    interests: JSON.stringify(record.interests.tags),
    interests_source_url: record.interests.sourceUrl,
    letters_allowed: record.letters.allowed ? (1 as const) : (0 as const),
    no_letters_reason: record.letters.reason,
    hashtag: record.hashtag,
  };
}

async function campaignsBySlug(db: DB, slugs?: string[]): Promise<Map<string, string[]>> {
  if (slugs?.length === 0) return new Map();
  let query = db.selectFrom("prisoner_campaigns").select(["prisoner_slug", "campaign_slug"]).orderBy("campaign_slug");
  if (slugs) query = query.where("prisoner_slug", "in", slugs);
  const memberships = new Map<string, string[]>();
  for (const row of await query.execute()) {
    const list = memberships.get(row.prisoner_slug) ?? [];
    list.push(row.campaign_slug);
    memberships.set(row.prisoner_slug, list);
  }
  return memberships;
}

export async function getPrisonerBySlug(db: DB, slug: string): Promise<PrisonerRecord | undefined> {
  const row = await db.selectFrom("prisoners").selectAll().where("slug", "=", slug).executeTakeFirst();
  if (!row) return undefined;
  const memberships = await campaignsBySlug(db, [slug]);
  return prisonerFromRow(row, memberships.get(slug) ?? []);
}

export async function listPrisoners(db: DB): Promise<PrisonerRecord[]> {
  const rows = await db.selectFrom("prisoners").selectAll().orderBy("slug").execute();
  const memberships = await campaignsBySlug(db);
  return rows.map((row) => prisonerFromRow(row, memberships.get(row.slug) ?? []));
}

export async function listPrisonersInCampaign(db: DB, campaignSlug: string): Promise<PrisonerRecord[]> {
  const rows = await db
    .selectFrom("prisoners")
    .innerJoin("prisoner_campaigns", "prisoner_campaigns.prisoner_slug", "prisoners.slug")
    .selectAll("prisoners")
    .where("prisoner_campaigns.campaign_slug", "=", campaignSlug)
    .orderBy("prisoners.slug")
    .execute();
  const memberships = await campaignsBySlug(db, rows.map((row) => row.slug));
  return rows.map((row) => prisonerFromRow(row, memberships.get(row.slug) ?? []));
}

export async function setPrisonerCampaigns(db: DB, slug: string, campaigns: readonly string[]): Promise<void> {
  await db.deleteFrom("prisoner_campaigns").where("prisoner_slug", "=", slug).execute();
  if (campaigns.length === 0) return;
  await db
    .insertInto("prisoner_campaigns")
    .values(campaigns.map((campaign) => ({ prisoner_slug: slug, campaign_slug: campaign })))
    .execute();
}

export interface StatusChange {
  status: PrisonerStatus;
  asOf: PartialDate;
  sourceUrl: string;
  /** Telegram id of the organiser; null for imports and the seed. */
  changedBy: number | null;
  confidence?: StatusConfidence;
  note?: string | null;
  /**
   * Leave the record alone when it already holds a status confirmed on the same day or later. Imports and the seed
   * set this so that shipping an old list never undoes an organiser's newer update.
   */
  onlyIfNewer?: boolean;
  now?: Date;
}

export interface LocationChange {
  /** Institution slug, or null when the person is no longer held anywhere we know of. */
  institution: string | null;
  asOf: PartialDate;
  sourceUrl: string;
  changedBy: number | null;
  believedCurrent?: boolean;
  onlyIfNewer?: boolean;
  now?: Date;
}

/** `changed`: a new value, written to history; `confirmed`: same value, newer date or source; `kept`: ours is newer. */
export type ChangeOutcome = "changed" | "confirmed" | "kept";

/**
 * Sets a prisoner's status and records the change in `prisoner_history` in the same transaction. Called by the
 * organiser tools and the case-news feature as well as by imports.
 */
export async function updatePrisonerStatus(db: DB, slug: string, change: StatusChange): Promise<ChangeOutcome> {
  return inTransaction(db, async (trx) => {
    const current = await trx
      .selectFrom("prisoners")
      .select(["status", "status_as_of"])
      .where("slug", "=", slug)
      .executeTakeFirst();
    if (!current) throw new PrisonerNotFoundError(slug);
    const newer = comparePartialDates(change.asOf, current.status_as_of);
    if (change.onlyIfNewer && (newer < 0 || (newer === 0 && current.status !== change.status))) return "kept";
    const at = (change.now ?? new Date()).toISOString();
    await trx
      .updateTable("prisoners")
      .set({
        status: change.status,
        status_as_of: change.asOf,
        status_source_url: change.sourceUrl,
        ...(change.confidence !== undefined ? { status_confidence: change.confidence } : {}),
        ...(change.note !== undefined ? { status_note: change.note } : {}),
        updated_at: at,
      })
      .where("slug", "=", slug)
      .execute();
    if (current.status === change.status) return "confirmed";
    await trx
      .insertInto("prisoner_history")
      .values({
        prisoner_slug: slug,
        field: "status",
        old_value: current.status,
        new_value: change.status,
        as_of: change.asOf,
        source_url: change.sourceUrl,
        changed_by: change.changedBy,
        changed_at: at,
      })
      .execute();
    return "changed";
  });
}

/** Records a transfer (or that the location is no longer known) with its history row, in one transaction. */
export async function movePrisoner(db: DB, slug: string, move: LocationChange): Promise<ChangeOutcome> {
  return inTransaction(db, async (trx) => {
    const current = await trx
      .selectFrom("prisoners")
      .select(["institution_slug", "institution_as_of"])
      .where("slug", "=", slug)
      .executeTakeFirst();
    if (!current) throw new PrisonerNotFoundError(slug);
    if (move.onlyIfNewer && current.institution_as_of !== null) {
      const newer = comparePartialDates(move.asOf, current.institution_as_of);
      if (newer < 0 || (newer === 0 && current.institution_slug !== move.institution)) return "kept";
    }
    const at = (move.now ?? new Date()).toISOString();
    await trx
      .updateTable("prisoners")
      .set({
        institution_slug: move.institution,
        institution_as_of: move.asOf,
        institution_source_url: move.sourceUrl,
        // A transfer reported now is current unless the caller says otherwise; "no institution" is never current.
        institution_believed_current: move.institution !== null && (move.believedCurrent ?? true) ? 1 : 0,
        updated_at: at,
      })
      .where("slug", "=", slug)
      .execute();
    if (current.institution_slug === move.institution) return "confirmed";
    await trx
      .insertInto("prisoner_history")
      .values({
        prisoner_slug: slug,
        field: "institution",
        old_value: current.institution_slug,
        new_value: move.institution,
        as_of: move.asOf,
        source_url: move.sourceUrl,
        changed_by: move.changedBy,
        changed_at: at,
      })
      .execute();
    return "changed";
  });
}

export interface HistoryEntry {
  field: "status" | "institution";
  oldValue: string | null;
  newValue: string | null;
  asOf: PartialDate | null;
  sourceUrl: string;
  changedBy: number | null;
  changedAt: string;
}

/** Oldest first: the order in which the person's situation changed as far as the directory learned it. */
export async function getPrisonerHistory(db: DB, slug: string): Promise<HistoryEntry[]> {
  const rows = await db.selectFrom("prisoner_history").selectAll().where("prisoner_slug", "=", slug).orderBy("id").execute();
  return rows.map((row) => ({
    field: oneOf(["status", "institution"] as const, row.field, "history field"),
    oldValue: row.old_value,
    newValue: row.new_value,
    asOf: row.as_of,
    sourceUrl: row.source_url,
    changedBy: row.changed_by,
    changedAt: row.changed_at,
  }));
}

export interface UpsertOutcome {
  record: "inserted" | "updated";
  status: ChangeOutcome;
  location: ChangeOutcome;
}

/**
 * Writes a record from a data file or import. Names, summaries and the like are replaced; status and location go
 * through the history-keeping paths and are only applied when the record's as-of date is newer than what we hold.
 */
export async function upsertPrisoner(
  db: DB,
  record: PrisonerRecord,
  options: { changedBy: number | null; now: Date },
): Promise<UpsertOutcome> {
  return inTransaction(db, async (trx) => {
    const exists = await trx.selectFrom("prisoners").select("slug").where("slug", "=", record.slug).executeTakeFirst();
    if (!exists) return insertPrisoner(trx, record, options);
    await trx
      .updateTable("prisoners")
      .set({ ...descriptiveColumns(record), updated_at: options.now.toISOString() })
      .where("slug", "=", record.slug)
      .execute();
    await setPrisonerCampaigns(trx, record.slug, record.campaigns);
    const status = await updatePrisonerStatus(trx, record.slug, {
      status: record.status.value,
      asOf: record.status.asOf,
      sourceUrl: record.status.sourceUrl,
      confidence: record.status.confidence,
      note: record.status.note,
      changedBy: options.changedBy,
      onlyIfNewer: true,
      now: options.now,
    });
    const location = await applyLocation(trx, record, options);
    return { record: "updated", status, location };
  });
}

/** A new record starts its history: where the directory first learned its status and institution from. */
async function insertPrisoner(
  trx: DB,
  record: PrisonerRecord,
  options: { changedBy: number | null; now: Date },
): Promise<UpsertOutcome> {
  const at = options.now.toISOString();
  const { status, location } = record;
  await trx
    .insertInto("prisoners")
    .values({
      slug: record.slug,
      ...descriptiveColumns(record),
      status: status.value,
      status_as_of: status.asOf,
      status_source_url: status.sourceUrl,
      status_confidence: status.confidence,
      status_note: status.note,
      institution_slug: location.institution,
      institution_as_of: location.asOf,
      institution_source_url: location.sourceUrl,
      institution_believed_current: location.believedCurrent ? 1 : 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await setPrisonerCampaigns(trx, record.slug, record.campaigns);
  const firstEntries = [
    { field: "status", new_value: status.value, as_of: status.asOf, source_url: status.sourceUrl },
    ...(location.institution !== null && location.sourceUrl !== null
      ? [{ field: "institution", new_value: location.institution, as_of: location.asOf, source_url: location.sourceUrl }]
      : []),
  ];
  await trx
    .insertInto("prisoner_history")
    .values(
      firstEntries.map((entry) => ({
        prisoner_slug: record.slug,
        ...entry,
        old_value: null,
        changed_by: options.changedBy,
        changed_at: at,
      })),
    )
    .execute();
  return { record: "inserted", status: "changed", location: location.institution !== null ? "changed" : "kept" };
}

async function applyLocation(
  trx: DB,
  record: PrisonerRecord,
  options: { changedBy: number | null; now: Date },
): Promise<ChangeOutcome> {
  const { institution, asOf, sourceUrl, believedCurrent } = record.location;
  // A record without a dated location says nothing new about where the person is.
  if (asOf === null || sourceUrl === null) return "kept";
  return movePrisoner(trx, record.slug, {
    institution,
    asOf,
    sourceUrl,
    believedCurrent,
    changedBy: options.changedBy,
    onlyIfNewer: true,
    now: options.now,
  });
}

export interface ImportReport {
  institutions: { inserted: number; updated: number };
  campaigns: { inserted: number; updated: number };
  prisoners: {
    inserted: number;
    updated: number;
    statusChanged: number;
    /** Records whose status in the file was older than the one already held (an organiser's newer update). */
    statusKeptNewer: number;
    moved: number;
    locationKeptNewer: number;
  };
}

/**
 * Upserts a validated document in one transaction: institutions and campaigns first (prisoners refer to them), then
 * prisoners with history for every status or institution change. A failure leaves the database as it was.
 */
export async function importDirectoryDocument(
  db: DB,
  document: DirectoryDocument,
  options: { changedBy: number | null; now: Date },
): Promise<ImportReport> {
  return inTransaction(db, async (trx) => {
    const report: ImportReport = {
      institutions: { inserted: 0, updated: 0 },
      campaigns: { inserted: 0, updated: 0 },
      prisoners: { inserted: 0, updated: 0, statusChanged: 0, statusKeptNewer: 0, moved: 0, locationKeptNewer: 0 },
    };
    for (const institution of document.institutions) {
      report.institutions[await upsertInstitution(trx, institution, options.now)] += 1;
    }
    for (const campaign of document.campaigns) {
      report.campaigns[await upsertCampaign(trx, campaign, options.now)] += 1;
    }
    for (const prisoner of document.prisoners) {
      const outcome = await upsertPrisoner(trx, prisoner, options);
      report.prisoners[outcome.record] += 1;
      if (outcome.status === "changed") report.prisoners.statusChanged += 1;
      if (outcome.status === "kept") report.prisoners.statusKeptNewer += 1;
      if (outcome.location === "changed") report.prisoners.moved += 1;
      if (outcome.location === "kept" && prisoner.location.asOf !== null) report.prisoners.locationKeptNewer += 1;
    }
    return report;
  });
}

/** The whole directory as a document, for export and for building the search index. */
export async function readDirectoryDocument(db: DB): Promise<DirectoryDocument> {
  const [institutions, campaigns, prisoners] = await Promise.all([listInstitutions(db), listCampaigns(db), listPrisoners(db)]);
  return { institutions, campaigns, prisoners };
}

/**
 * Loads the shipped `data/directory` files at start-up. Idempotent: running it again changes nothing, and a status
 * or location an organiser confirmed later than the seed's date is kept.
 */
export async function seedDirectory(
  db: DB,
  options: { now?: Date; folder?: string } = {},
): Promise<ImportReport> {
  const document = readDirectorySeed(options.folder);
  return importDirectoryDocument(db, document, { changedBy: null, now: options.now ?? new Date() });
}

/**
 * The "few letters" browse list. `letterCounts` maps a prisoner slug to the letters sent to them in the last 30 days
 * (the letters feature computes it from its own table); `isRelayed` says whether organisers relay letters for a person.
 */
export async function browsePrisonersByFewestLetters(
  db: DB,
  options: {
    letterCounts: LetterCounts;
    today: Date;
    isRelayed?: (prisoner: PrisonerRecord) => boolean;
    limit?: number;
    offset?: number;
  },
): Promise<FewLettersEntry[]> {
  const [prisoners, institutions] = await Promise.all([listPrisoners(db), listInstitutions(db)]);
  const bySlug = new Map(institutions.map((institution) => [institution.slug, institution]));
  const entries = writableByFewLetters(prisoners, bySlug, options.letterCounts, {
    today: options.today,
    isRelayed: options.isRelayed ?? (() => false),
  });
  const offset = options.offset ?? 0;
  return entries.slice(offset, offset + (options.limit ?? entries.length));
}

/**
 * A fingerprint that changes whenever a prisoner is added, removed or updated, so a running bot notices an import
 * made by another process and rebuilds its search index.
 */
export async function directoryVersion(db: DB): Promise<string> {
  const row = await db
    .selectFrom("prisoners")
    .select((eb) => [eb.fn.countAll<number>().as("count"), eb.fn.max("updated_at").as("latest")])
    .executeTakeFirst();
  return `${row?.count ?? 0}:${row?.latest ?? ""}`;
}

/** Search entries for every prisoner, for `DirectorySearch`. */
export async function loadSearchEntries(db: DB): Promise<SearchEntry[]> {
  return (await listPrisoners(db)).map(toSearchEntry);
}
