import type { Selectable } from "kysely";
import { oneOf, parseJsonList } from "../../domain/directory/guards.js";
import { type FewLettersEntry, type LetterCounts, writableByFewLetters } from "../../domain/directory/few-letters.js";
import {
  GENDERS,
  type InterestTag,
  NO_LETTERS_REASONS,
  PRISON_SYSTEMS,
  PRISONER_STATUSES,
  type PrisonerForLetter,
  type PrisonerRecord,
  STATUS_CONFIDENCES,
} from "../../domain/directory/types.js";
import { type SearchEntry, toSearchEntry } from "../../domain/search/entry.js";
import type { PrisonersTable } from "../tables/directory.js";
import { listInstitutionsBySlug } from "./institutions.js";
import type { DB } from "../database.js";
import { prepared } from "../prepared.js";

/**
 * Reading prisoners (with their campaigns) from the directory. Status and location change in prisoner-history.ts,
 * whole-directory imports and the seed live in directory-document.ts.
 */

export type PrisonerRow = Selectable<PrisonersTable>;

export class PrisonerNotFoundError extends Error {
  constructor(readonly slug: string) {
    super(`No prisoner with slug «${slug}» in the directory`);
    this.name = "PrisonerNotFoundError";
  }
}

/** The columns `prisonerForLetterFromRow` reads: a card without its texts for people reading it. */
export const PRISONER_FOR_LETTER_COLUMNS = [
  "slug",
  "surname_ru",
  "given_name_ru",
  "patronymic_ru",
  "surname_uk",
  "given_name_uk",
  "patronymic_uk",
  "surname_latin",
  "given_name_latin",
  "patronymic_latin",
  "gender",
  "birth_year",
  "system",
  "status",
  "status_as_of",
  "status_source_url",
  "status_confidence",
  "institution_slug",
  "institution_as_of",
  "institution_source_url",
  "institution_believed_current",
  "interests",
  "letters_allowed",
  "no_letters_reason",
] as const satisfies readonly (keyof PrisonersTable)[];

export type PrisonerForLetterRow = Pick<PrisonerRow, (typeof PRISONER_FOR_LETTER_COLUMNS)[number]>;

/** What writing a letter reads of a card (the letter flow's lookup selects only these columns, issue 14). */
export function prisonerForLetterFromRow(row: PrisonerForLetterRow, campaigns: string[]): PrisonerForLetter {
  return {
    slug: row.slug,
    names: {
      ru: { surname: row.surname_ru, given: row.given_name_ru, patronymic: row.patronymic_ru },
      uk: { surname: row.surname_uk, given: row.given_name_uk, patronymic: row.patronymic_uk },
      latin: { surname: row.surname_latin, given: row.given_name_latin, patronymic: row.patronymic_latin },
    },
    gender: oneOf(GENDERS, row.gender, "gender"),
    birthYear: row.birth_year,
    system: oneOf(PRISON_SYSTEMS, row.system, "prison system"),
    status: {
      value: oneOf(PRISONER_STATUSES, row.status, "status"),
      asOf: row.status_as_of,
      sourceUrl: row.status_source_url,
      confidence: oneOf(STATUS_CONFIDENCES, row.status_confidence, "status confidence"),
    },
    location: {
      institution: row.institution_slug,
      asOf: row.institution_as_of,
      sourceUrl: row.institution_source_url,
      believedCurrent: row.institution_believed_current === 1,
    },
    interests: { tags: parseJsonList<InterestTag>(row.interests, "interests") },
    letters: {
      allowed: row.letters_allowed === 1,
      reason: row.no_letters_reason === null ? null : oneOf(NO_LETTERS_REASONS, row.no_letters_reason, "no-letters reason"),
    },
    campaigns,
  };
}

export function prisonerFromRow(row: PrisonerRow, campaigns: string[]): PrisonerRecord {
  const forLetter = prisonerForLetterFromRow(row, campaigns);
  return {
    ...forLetter,
    altSpellings: parseJsonList<string>(row.alt_spellings, "alt_spellings"),
    birthYearAlternatives: parseJsonList<number>(row.birth_year_alternatives, "birth_year_alternatives"),
    birthDate: row.birth_date,
    birthNote: row.birth_note,
    status: { ...forLetter.status, note: row.status_note },
    summary: { uk: row.summary_uk, en: row.summary_en, ru: row.summary_ru },
    interests: { ...forLetter.interests, sourceUrl: row.interests_source_url },
    hashtag: row.hashtag,
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

/**
 * Any card by slug, a writer's own unchecked card included: for paths that start from stored data (a letter, a draft,
 * a relay). Paths that start from what a user sent (a button, a link) use `getPrisonerFor`.
 */
export async function getPrisonerBySlug(db: DB, slug: string): Promise<PrisonerRecord | undefined> {
  const row = await db.selectFrom("prisoners").selectAll().where("slug", "=", slug).executeTakeFirst();
  return row ? withCampaigns(db, row) : undefined;
}

/** A card as `viewer` may see it: a writer's own unchecked card (`private_to`) is invisible to everyone else. */
export async function getPrisonerFor(db: DB, slug: string, viewer: number | null): Promise<PrisonerRecord | undefined> {
  const row = viewer === null ? await publicPrisoner.first(db, slug) : await prisonerSeenBy.first(db, slug, viewer);
  return row ? withCampaigns(db, row) : undefined;
}

/** Read whenever a letter flow looks up its recipient (compiled once, db/prepared.ts). */
const publicPrisoner = prepared((db: DB, slug: string) => db.selectFrom("prisoners").selectAll().where("slug", "=", slug).where("private_to", "is", null));
const prisonerSeenBy = prepared((db: DB, slug: string, viewer: number) =>
  db
    .selectFrom("prisoners")
    .selectAll()
    .where("slug", "=", slug)
    .where((eb) => eb.or([eb("private_to", "is", null), eb("private_to", "=", viewer)])),
);

/** Makes a card the writer's own (their unchecked details) or, with null, public (an organiser added the person). */
export async function setPrisonerPrivateTo(db: DB, slug: string, userId: number | null): Promise<void> {
  await db.updateTable("prisoners").set({ private_to: userId }).where("slug", "=", slug).execute();
}

async function withCampaigns(db: DB, row: PrisonerRow): Promise<PrisonerRecord> {
  const slug = row.slug;
  const memberships = await campaignsBySlug(db, [slug]);
  return prisonerFromRow(row, memberships.get(slug) ?? []);
}

/** Several prisoners in one query (and one for their campaigns), keyed by slug; unknown slugs are absent. */
export async function getPrisonersBySlugs(db: DB, slugs: readonly string[]): Promise<Map<string, PrisonerRecord>> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom("prisoners").selectAll().where("slug", "in", unique).execute();
  const memberships = await campaignsBySlug(db, unique);
  return new Map(rows.map((row) => [row.slug, prisonerFromRow(row, memberships.get(row.slug) ?? [])]));
}

/** The public directory: every card except writers' own unchecked ones. */
export async function listPrisoners(db: DB): Promise<PrisonerRecord[]> {
  const rows = await db.selectFrom("prisoners").selectAll().where("private_to", "is", null).orderBy("slug").execute();
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

/** The slugs of everyone in any of these campaigns. */
export async function prisonerSlugsInCampaigns(db: DB, campaignSlugs: readonly string[]): Promise<Set<string>> {
  if (campaignSlugs.length === 0) return new Set();
  const rows = await db.selectFrom("prisoner_campaigns").select("prisoner_slug").distinct().where("campaign_slug", "in", campaignSlugs).execute();
  return new Set(rows.map((row) => row.prisoner_slug));
}

export async function setPrisonerCampaigns(db: DB, slug: string, campaigns: readonly string[]): Promise<void> {
  await db.deleteFrom("prisoner_campaigns").where("prisoner_slug", "=", slug).execute();
  if (campaigns.length === 0) return;
  await db
    .insertInto("prisoner_campaigns")
    .values(campaigns.map((campaign) => ({ prisoner_slug: slug, campaign_slug: campaign })))
    .execute();
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
  const prisoners = await listPrisoners(db);
  const institutions = await listInstitutionsBySlug(db, prisoners.flatMap((prisoner) => (prisoner.location.institution === null ? [] : [prisoner.location.institution])));
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

/** The facts a sync compares with a source record: status and location with their dates and sources, birth year. */
export async function getCardFacts(db: DB, slug: string) {
  return db
    .selectFrom("prisoners")
    .select(["status", "status_as_of", "status_source_url", "institution_slug", "institution_as_of", "institution_source_url", "birth_year"])
    .where("slug", "=", slug)
    .executeTakeFirst();
}

/** A birth year a source gives for a card that had none (a known year is never overwritten here). */
export async function setBirthYearIfUnknown(db: DB, slug: string, birthYear: number, now: string): Promise<void> {
  await db.updateTable("prisoners").set({ birth_year: birthYear, updated_at: now }).where("slug", "=", slug).where("birth_year", "is", null).execute();
}

/** Someone free or dead: no letter button, with the status as the reason. */
export async function closeLettersFor(db: DB, slug: string, reason: "released" | "deceased" | "exchanged"): Promise<void> {
  await db.updateTable("prisoners").set({ letters_allowed: 0, no_letters_reason: reason }).where("slug", "=", slug).execute();
}

/** The Russian name and birth year of a card (how review items name people), without reading the whole card. */
export async function getRussianName(db: DB, slug: string): Promise<{ surname: string; given: string; patronymic: string | null; birthYear: number | null } | undefined> {
  const row = await db
    .selectFrom("prisoners")
    .select(["surname_ru", "given_name_ru", "patronymic_ru", "birth_year"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row ? { surname: row.surname_ru, given: row.given_name_ru, patronymic: row.patronymic_ru, birthYear: row.birth_year } : undefined;
}

/** A writer's own unchecked cards (someone not in the list, before an organiser added them), for /mydata. */
export async function listPrivatePrisonersOf(db: DB, userId: number) {
  return db
    .selectFrom("prisoners")
    .select(["slug", "surname_ru", "given_name_ru", "patronymic_ru", "gender", "birth_year", "institution_slug", "created_at"])
    .where("private_to", "=", userId)
    .orderBy("slug")
    .execute();
}

/**
 * Deletes a writer's own unchecked cards that no remaining letter names (/forget runs after the writer's letters are
 * deleted; a letter organisers still hold keeps its card until it is printed or returned). Returns how many.
 */
export async function deletePrivatePrisonersOf(db: DB, userId: number): Promise<number> {
  const result = await db
    .deleteFrom("prisoners")
    .where("private_to", "=", userId)
    .where((eb) => eb.not(eb.exists(eb.selectFrom("letters").select("letters.id").whereRef("letters.prisoner_slug", "=", "prisoners.slug"))))
    .executeTakeFirst();
  return Number(result.numDeletedRows ?? 0n);
}
