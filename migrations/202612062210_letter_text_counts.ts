import type { Kysely } from "kysely";

/**
 * Issue 14: a message in the letter's writing stage appends a paragraph to the draft in one UPDATE, without reading
 * or recounting the text, so the draft keeps its running figures beside it: characters (code points), words and
 * printed lines (a page is 30 of them). NULL means "not counted yet": drafts written before this migration, and letters
 * whose text changed outside the draft's own writes (a translation, a reopened letter). The first save of such a draft
 * counts the whole text once; from then on each message adds its own figures.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("letters").addColumn("text_characters", "integer").execute();
  await db.schema.alterTable("letters").addColumn("text_words", "integer").execute();
  await db.schema.alterTable("letters").addColumn("text_lines", "integer").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("letters").dropColumn("text_lines").execute();
  await db.schema.alterTable("letters").dropColumn("text_words").execute();
  await db.schema.alterTable("letters").dropColumn("text_characters").execute();
}
