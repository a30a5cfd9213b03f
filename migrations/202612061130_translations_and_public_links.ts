import type { Kysely } from "kysely";

/**
 * Issue 12, second part. Writers may ask the organisers for a Russian translation of a letter written in Ukrainian or
 * English (`letter_translations`: the request, then the organiser's text); a chat offers it only when its organisers
 * said so (`offers_translation`). `public` records whether anyone can read a linked chat: 1 or 0 when the link was made
 * (the link flow asks), null for links made before this version until start-up has checked them once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ["campaign_chats", "organisation_desk"]) {
    await db.schema.alterTable(table).addColumn("offers_translation", "integer", (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable(table).addColumn("public", "integer").execute();
  }
  await db.schema
    .createTable("letter_translations")
    .addColumn("letter_id", "bigint", (c) => c.primaryKey().references("letters.id").onDelete("cascade"))
    .addColumn("writer_id", "bigint", (c) => c.notNull())
    .addColumn("source_language", "text", (c) => c.notNull())
    .addColumn("requested_at", "text", (c) => c.notNull())
    .addColumn("text", "text")
    .addColumn("translated_by", "bigint")
    .addColumn("translated_at", "text")
    .addColumn("findings_summary", "text")
    .execute();
  await db.schema.createIndex("letter_translations_writer").on("letter_translations").column("writer_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("letter_translations").execute();
  for (const table of ["organisation_desk", "campaign_chats"]) {
    await db.schema.alterTable(table).dropColumn("public").execute();
    await db.schema.alterTable(table).dropColumn("offers_translation").execute();
  }
}
