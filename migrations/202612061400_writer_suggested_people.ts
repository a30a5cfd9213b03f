import type { Kysely } from "kysely";

/**
 * Issue 11, item 6: a writer may write at once to someone not in the list. Their details become a card only they see
 * (`private_to` = their Telegram id) until an organiser adds the person (then `private_to` is cleared and the same card,
 * with its drafts and letters, becomes public) or dismisses the suggestion (the card stays the writer's own). Null for
 * every public card: search, browse, campaigns, export and sync matching read only those.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("prisoners").addColumn("private_to", "bigint").execute();
  await db.schema.createIndex("prisoners_private_to").on("prisoners").column("private_to").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("prisoners_private_to").execute();
  await db.schema.alterTable("prisoners").dropColumn("private_to").execute();
}
