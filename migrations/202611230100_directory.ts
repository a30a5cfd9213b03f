import type { Kysely } from "kysely";
import { withAutoId } from "./_portable.js";

/**
 * The prisoner directory: institutions, campaigns, prisoners with their campaign memberships, and the history of
 * every status or institution change. Dates from sources are TEXT as precise as the source («2026», «2026-02»,
 * «2026-02-16»); lists are JSON text; booleans 0/1, where NULL means nobody has checked.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("institutions")
    .addColumn("slug", "text", (c) => c.primaryKey())
    .addColumn("system", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("region", "text", (c) => c.notNull())
    .addColumn("city", "text")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("official_name", "text")
    .addColumn("fsin_pismo", "integer")
    .addColumn("fsin_pismo_region", "text")
    .addColumn("fsin_pismo_name", "text")
    .addColumn("zonatelecom", "integer")
    .addColumn("postal_address", "text")
    .addColumn("postal_address_source_url", "text")
    .addColumn("postal_address_as_of", "text")
    .addColumn("source_url", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("campaigns")
    .addColumn("slug", "text", (c) => c.primaryKey())
    .addColumn("name_uk", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("name_ru", "text", (c) => c.notNull())
    .addColumn("description_uk", "text", (c) => c.notNull())
    .addColumn("description_en", "text", (c) => c.notNull())
    .addColumn("description_ru", "text", (c) => c.notNull())
    .addColumn("source_url", "text", (c) => c.notNull())
    .addColumn("started_on", "text")
    .addColumn("ended_on", "text")
    // Where organisers receive relayed letters; set at run time by organisers, never by data files.
    .addColumn("relay_chat_id", "bigint")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("prisoners")
    .addColumn("slug", "text", (c) => c.primaryKey())
    .addColumn("surname_ru", "text", (c) => c.notNull())
    .addColumn("given_name_ru", "text", (c) => c.notNull())
    .addColumn("patronymic_ru", "text")
    .addColumn("surname_uk", "text", (c) => c.notNull())
    .addColumn("given_name_uk", "text", (c) => c.notNull())
    .addColumn("patronymic_uk", "text")
    .addColumn("surname_latin", "text", (c) => c.notNull())
    .addColumn("given_name_latin", "text", (c) => c.notNull())
    .addColumn("patronymic_latin", "text")
    .addColumn("alt_spellings", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("gender", "text", (c) => c.notNull())
    .addColumn("birth_year", "integer")
    .addColumn("birth_year_alternatives", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("birth_date", "text")
    .addColumn("birth_note", "text")
    .addColumn("system", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("status_as_of", "text", (c) => c.notNull())
    .addColumn("status_source_url", "text", (c) => c.notNull())
    .addColumn("status_confidence", "text", (c) => c.notNull())
    .addColumn("status_note", "text")
    .addColumn("institution_slug", "text", (c) => c.references("institutions.slug"))
    .addColumn("institution_as_of", "text")
    .addColumn("institution_source_url", "text")
    .addColumn("institution_believed_current", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("summary_uk", "text", (c) => c.notNull())
    .addColumn("summary_en", "text", (c) => c.notNull())
    .addColumn("summary_ru", "text", (c) => c.notNull())
    .addColumn("interests", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("interests_source_url", "text")
    .addColumn("letters_allowed", "integer", (c) => c.notNull())
    .addColumn("no_letters_reason", "text")
    .addColumn("hashtag", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("prisoners_institution_idx").on("prisoners").column("institution_slug").execute();

  await db.schema
    .createTable("prisoner_campaigns")
    .addColumn("prisoner_slug", "text", (c) => c.notNull().references("prisoners.slug").onDelete("cascade"))
    .addColumn("campaign_slug", "text", (c) => c.notNull().references("campaigns.slug").onDelete("cascade"))
    .addPrimaryKeyConstraint("prisoner_campaigns_pk", ["prisoner_slug", "campaign_slug"])
    .execute();
  await db.schema.createIndex("prisoner_campaigns_campaign_idx").on("prisoner_campaigns").column("campaign_slug").execute();

  await withAutoId(db, db.schema.createTable("prisoner_history"))
    .addColumn("prisoner_slug", "text", (c) => c.notNull().references("prisoners.slug").onDelete("cascade"))
    .addColumn("field", "text", (c) => c.notNull())
    .addColumn("old_value", "text")
    .addColumn("new_value", "text")
    .addColumn("as_of", "text")
    .addColumn("source_url", "text", (c) => c.notNull())
    // Telegram id of the organiser; NULL for imports and the shipped seed.
    .addColumn("changed_by", "bigint")
    .addColumn("changed_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("prisoner_history_prisoner_idx").on("prisoner_history").columns(["prisoner_slug", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("prisoner_history").execute();
  await db.schema.dropTable("prisoner_campaigns").execute();
  await db.schema.dropTable("prisoners").execute();
  await db.schema.dropTable("campaigns").execute();
  await db.schema.dropTable("institutions").execute();
}
