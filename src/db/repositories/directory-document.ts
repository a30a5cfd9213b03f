import { readDirectorySeed } from "../../domain/directory/seed-files.js";
import type { DirectoryDocument, PrisonerRecord } from "../../domain/directory/types.js";
import { type DB, inTransaction } from "../database.js";
import { lockForTransaction } from "./advisory-lock.js";
import { listCampaigns, upsertCampaign } from "./campaigns.js";
import { listInstitutions, upsertInstitution } from "./institutions.js";
import { type ChangeOutcome, movePrisoner, updatePrisonerStatus } from "./prisoner-history.js";
import { listPrisoners, setPrisonerCampaigns } from "./prisoners.js";
import { systemClock } from "../../clock.js";

/** The directory as a whole document: imports and the shipped seed (with history), and the export. */

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
    // Instances starting together each load the seed: one at a time, so the second finds the rows and updates nothing.
    await lockForTransaction(trx, "lysty:directory-import");
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
  return importDirectoryDocument(db, document, { changedBy: null, now: options.now ?? systemClock.now() });
}
