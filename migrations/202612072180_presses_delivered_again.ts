import type { Kysely } from "kysely";

/**
 * Issue 14 (z36a): since a refused answer to a press no longer stops its handler (z35d), a press Telegram delivers
 * again after the process died once its effect committed runs the handler a second time. Two effects keep the press
 * that made them:
 * - an invite made with a campaign's button keeps the press (`organiser_invites.request_press_id`, Telegram's
 *   callback query id, unique with `created_by`): the same press sends the same link again, while a second, separate
 *   press of the button is a new request for a link (each invite is one-time) and makes one;
 * - a suggestion of someone not listed keeps the writer's confirmation message whose "Send to organisers" was pressed
 *   (`directory_reviews.request_message_id`, in the writer's private chat, unique with `submitted_by`): that message
 *   sends one review, however often its press is delivered;
 * - a chat linked with a button (the consent to a public chat or a replacement, a group's campaign pick) keeps the
 *   pressed message (`press_chat_id`, `press_message_id` on `campaign_chats` and `organisation_desk`): the link that
 *   press made is answered "done" again with nothing written or audited a second time.
 * NULL for rows made otherwise and before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("organiser_invites").addColumn("request_press_id", "text").execute();
  await db.schema.createIndex("organiser_invites_press").on("organiser_invites").columns(["created_by", "request_press_id"]).unique().execute();
  await db.schema.alterTable("directory_reviews").addColumn("request_message_id", "bigint").execute();
  await db.schema
    .createIndex("directory_reviews_request")
    .on("directory_reviews")
    .columns(["submitted_by", "request_message_id"])
    .unique()
    .execute();
  for (const table of ["campaign_chats", "organisation_desk"]) {
    await db.schema.alterTable(table).addColumn("press_chat_id", "bigint").execute();
    await db.schema.alterTable(table).addColumn("press_message_id", "bigint").execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["campaign_chats", "organisation_desk"]) {
    await db.schema.alterTable(table).dropColumn("press_message_id").execute();
    await db.schema.alterTable(table).dropColumn("press_chat_id").execute();
  }
  await db.schema.dropIndex("directory_reviews_request").execute();
  await db.schema.alterTable("directory_reviews").dropColumn("request_message_id").execute();
  await db.schema.dropIndex("organiser_invites_press").execute();
  await db.schema.alterTable("organiser_invites").dropColumn("request_press_id").execute();
}
