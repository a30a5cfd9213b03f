import type { Selectable } from "kysely";
import { oneOf } from "../../domain/directory/guards.js";
import { INSTITUTION_TYPES, type InstitutionRecord, PRISON_SYSTEMS } from "../../domain/directory/types.js";
import type { InstitutionsTable } from "../tables/directory.js";
import type { DB } from "../database.js";
import { prepared } from "../prepared.js";

export type InstitutionRow = Selectable<InstitutionsTable>;

const toFlag = (value: boolean | null): 0 | 1 | null => (value === null ? null : value ? 1 : 0);
const fromFlag = (value: 0 | 1 | null): boolean | null => (value === null ? null : value === 1);

export function institutionFromRow(row: InstitutionRow): InstitutionRecord {
  return {
    slug: row.slug,
    system: oneOf(PRISON_SYSTEMS, row.system, "institution system"),
    type: oneOf(INSTITUTION_TYPES, row.type, "institution type"),
    region: row.region,
    city: row.city,
    name: row.name,
    officialName: row.official_name,
    fsinPismo: { available: fromFlag(row.fsin_pismo), region: row.fsin_pismo_region, name: row.fsin_pismo_name },
    zonatelecom: fromFlag(row.zonatelecom),
    postalAddress:
      row.postal_address !== null && row.postal_address_source_url !== null && row.postal_address_as_of !== null
        ? { text: row.postal_address, sourceUrl: row.postal_address_source_url, asOf: row.postal_address_as_of }
        : null,
    sourceUrl: row.source_url,
    note: row.note,
  };
}

function institutionColumns(record: InstitutionRecord) {
  return {
    system: record.system,
    type: record.type,
    region: record.region,
    city: record.city,
    name: record.name,
    official_name: record.officialName,
    fsin_pismo: toFlag(record.fsinPismo.available),
    fsin_pismo_region: record.fsinPismo.region,
    fsin_pismo_name: record.fsinPismo.name,
    zonatelecom: toFlag(record.zonatelecom),
    postal_address: record.postalAddress?.text ?? null,
    postal_address_source_url: record.postalAddress?.sourceUrl ?? null,
    postal_address_as_of: record.postalAddress?.asOf ?? null,
    source_url: record.sourceUrl,
    note: record.note,
  };
}

/** Inserts or replaces an institution's facts; returns whether it was new. */
export async function upsertInstitution(db: DB, record: InstitutionRecord, now: Date): Promise<"inserted" | "updated"> {
  const at = now.toISOString();
  const existing = await db.selectFrom("institutions").select("slug").where("slug", "=", record.slug).executeTakeFirst();
  const columns = institutionColumns(record);
  if (existing) {
    await db.updateTable("institutions").set({ ...columns, updated_at: at }).where("slug", "=", record.slug).execute();
    return "updated";
  }
  await db.insertInto("institutions").values({ slug: record.slug, ...columns, created_at: at, updated_at: at }).execute();
  return "inserted";
}

export async function getInstitutionBySlug(db: DB, slug: string): Promise<InstitutionRecord | undefined> {
  const row = await institutionBySlug.first(db, slug);
  return row ? institutionFromRow(row) : undefined;
}

/** Read whenever a letter flow looks up its recipient (compiled once, db/prepared.ts). */
const institutionBySlug = prepared((db: DB, slug: string) => db.selectFrom("institutions").selectAll().where("slug", "=", slug));

export async function listInstitutions(db: DB): Promise<InstitutionRecord[]> {
  const rows = await db.selectFrom("institutions").selectAll().orderBy("slug").execute();
  return rows.map(institutionFromRow);
}

/** These institutions only (the ones a list of people is held in): every install has polit-sake's 948 besides. */
export async function listInstitutionsBySlug(db: DB, slugs: Iterable<string>): Promise<InstitutionRecord[]> {
  const wanted = [...new Set(slugs)];
  if (wanted.length === 0) return [];
  const rows = await db.selectFrom("institutions").selectAll().where("slug", "in", wanted).orderBy("slug").execute();
  return rows.map(institutionFromRow);
}

export async function listInstitutionSlugs(db: DB): Promise<Set<string>> {
  const rows = await db.selectFrom("institutions").select("slug").execute();
  return new Set(rows.map((row) => row.slug));
}

/** Each institution's region, by slug (to place FSIN-pismo's departments). */
export async function listInstitutionRegions(db: DB): Promise<Map<string, string>> {
  const rows = await db.selectFrom("institutions").select(["slug", "region"]).execute();
  return new Map(rows.map((row) => [row.slug, row.region]));
}

/** Marks an institution as served by FSIN-pismo, with the region and department exactly as the form lists them. */
export async function markFsinPismoServed(db: DB, slug: string, label: { region: string; name: string }, at: string): Promise<void> {
  await db
    .updateTable("institutions")
    .set({ fsin_pismo: 1, fsin_pismo_region: label.region, fsin_pismo_name: label.name, updated_at: at })
    .where("slug", "=", slug)
    .execute();
}

/** Takes the FSIN-pismo flag from every Russian institution not in `listed`; returns how many lost it. */
export async function clearFsinPismoExcept(db: DB, listed: readonly string[], at: string): Promise<number> {
  let dropped = db.updateTable("institutions").set({ fsin_pismo: 0, updated_at: at }).where("fsin_pismo", "=", 1).where("system", "=", "ru");
  if (listed.length > 0) dropped = dropped.where("slug", "not in", listed);
  return Number((await dropped.executeTakeFirst()).numUpdatedRows);
}
