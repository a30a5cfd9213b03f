import type { Kysely } from "kysely";

/**
 * Issue 14, a press Telegram no longer takes an answer for: `/news` used to publish once on a confirming press
 * delivered again only because the flow's answer to it failed and ended the flow. Now a refused answer is taken as
 * answered, so the publication keeps the organiser's message that carried the pressed Publish button
 * (`news_posts.confirmation_message_id`, in the author's private chat), unique with its author: the same
 * confirmation publishes once, however often its press is delivered. NULL for news published before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("news_posts").addColumn("confirmation_message_id", "bigint").execute();
  await db.schema
    .createIndex("news_posts_confirmation")
    .on("news_posts")
    .columns(["author_id", "confirmation_message_id"])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("news_posts_confirmation").execute();
  await db.schema.alterTable("news_posts").dropColumn("confirmation_message_id").execute();
}
