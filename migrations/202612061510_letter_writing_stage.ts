import type { Kysely } from "kysely";

/**
 * Issue 14: the letter flow's writing loop left the replayed conversation. While a writer is adding messages to a
 * draft, the stage (whose draft, the buttons' token, the starter's closing) is this JSON on their user row, which every
 * update reads anyway; null when they are not in the writing stage.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").addColumn("letter_stage", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").dropColumn("letter_stage").execute();
}
