import type { Kysely } from "kysely";

/**
 * Issue 14, item 5: in webhook mode Telegram delivers an update again when the process died after the update's effect
 * committed and before it was recorded handled, and a message of the writing stage was then appended a second time.
 * The draft keeps the ids of the writer's messages last saved into it (`,101,102,`, bounded: see
 * src/domain/letters/saved-messages.ts), written by the same statement that saves the text, so the same message
 * delivered again is recognised by the write itself. Ids only, never text. NULL: none saved since this migration.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("letters").addColumn("saved_messages", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("letters").dropColumn("saved_messages").execute();
}
