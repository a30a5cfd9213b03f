import type { Selectable } from "kysely";
import type { CampaignRecord } from "../../domain/directory/types.js";
import type { CampaignsTable } from "../tables/directory.js";
import type { DB } from "../database.js";

type CampaignRow = Selectable<CampaignsTable>;

function campaignFromRow(row: CampaignRow): CampaignRecord {
  return {
    slug: row.slug,
    name: { uk: row.name_uk, en: row.name_en, ru: row.name_ru },
    description: { uk: row.description_uk, en: row.description_en, ru: row.description_ru },
    sourceUrl: row.source_url,
    startedOn: row.started_on,
    endedOn: row.ended_on,
  };
}

function campaignColumns(record: CampaignRecord) {
  return {
    name_uk: record.name.uk,
    name_en: record.name.en,
    name_ru: record.name.ru,
    description_uk: record.description.uk,
    description_en: record.description.en,
    description_ru: record.description.ru,
    source_url: record.sourceUrl,
    started_on: record.startedOn,
    ended_on: record.endedOn,
  };
}

/**
 * Inserts or replaces a campaign's description. `relay_chat_id` is left alone: organisers set it at run time and a
 * data file must never redirect letters.
 */
export async function upsertCampaign(db: DB, record: CampaignRecord, now: Date): Promise<"inserted" | "updated"> {
  const at = now.toISOString();
  const existing = await db.selectFrom("campaigns").select("slug").where("slug", "=", record.slug).executeTakeFirst();
  const columns = campaignColumns(record);
  if (existing) {
    await db.updateTable("campaigns").set({ ...columns, updated_at: at }).where("slug", "=", record.slug).execute();
    return "updated";
  }
  await db
    .insertInto("campaigns")
    .values({ slug: record.slug, ...columns, relay_chat_id: null, created_at: at, updated_at: at })
    .execute();
  return "inserted";
}

export async function getCampaignBySlug(db: DB, slug: string): Promise<CampaignRecord | undefined> {
  const row = await db.selectFrom("campaigns").selectAll().where("slug", "=", slug).executeTakeFirst();
  return row ? campaignFromRow(row) : undefined;
}

/** Several campaigns in one query, keyed by slug; unknown slugs are absent. */
export async function getCampaignsBySlugs(db: DB, slugs: readonly string[]): Promise<Map<string, CampaignRecord>> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom("campaigns").selectAll().where("slug", "in", unique).execute();
  return new Map(rows.map((row) => [row.slug, campaignFromRow(row)]));
}

export async function listCampaigns(db: DB): Promise<CampaignRecord[]> {
  const rows = await db.selectFrom("campaigns").selectAll().orderBy("slug").execute();
  return rows.map(campaignFromRow);
}

export async function listCampaignSlugs(db: DB): Promise<Set<string>> {
  const rows = await db.selectFrom("campaigns").select("slug").execute();
  return new Set(rows.map((row) => row.slug));
}

/** Slugs of the prisoners in a campaign, for campaign screens and organiser broadcasts. */
export async function listCampaignMembers(db: DB, campaignSlug: string): Promise<string[]> {
  const rows = await db
    .selectFrom("prisoner_campaigns")
    .select("prisoner_slug")
    .where("campaign_slug", "=", campaignSlug)
    .orderBy("prisoner_slug")
    .execute();
  return rows.map((row) => row.prisoner_slug);
}
