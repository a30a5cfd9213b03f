import type { Kysely } from "kysely";

/**
 * Issue 14, item 5 (z35c): in webhook mode Telegram delivers an update again when the process died after the update's
 * effect committed and before it was recorded handled. Three more effects recognise their own message:
 * - an organiser's translation answering a card reached the writer a second time (each translation is a version of
 *   its own): the translation keeps the message it came from (`letter_translations.message_chat_id`, `message_id`),
 *   and a message of that chat no newer than it saves and sends nothing;
 * - `/invite <campaign>` made a second invite link: the invite keeps the admin's message (`request_message_id`, in the
 *   admin's private chat, so unique with `created_by`). NULL for invites made with a button (Telegram refuses a second
 *   answer to a press, which ends the handler) and for those from before;
 * - a directory file an admin uploads sent a second summary and ran the import again: `directory_uploads` records
 *   the file's message with the summary queued in the same transaction;
 * - a scan a writer keeps for their own letter was stored twice: it now fills `letter_replies.from_chat_id` (the
 *   writer's private chat) and `message_id`, unique together since 202612072010. No schema change for it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("letter_translations").addColumn("message_chat_id", "bigint").execute();
  await db.schema.alterTable("letter_translations").addColumn("message_id", "bigint").execute();
  await db.schema.alterTable("organiser_invites").addColumn("request_message_id", "bigint").execute();
  await db.schema.createIndex("organiser_invites_request").on("organiser_invites").columns(["created_by", "request_message_id"]).unique().execute();
  await db.schema
    .createTable("directory_uploads")
    .addColumn("chat_id", "bigint", (c) => c.notNull())
    .addColumn("message_id", "bigint", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("directory_uploads_pk", ["chat_id", "message_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("directory_uploads").execute();
  await db.schema.dropIndex("organiser_invites_request").execute();
  await db.schema.alterTable("organiser_invites").dropColumn("request_message_id").execute();
  await db.schema.alterTable("letter_translations").dropColumn("message_id").execute();
  await db.schema.alterTable("letter_translations").dropColumn("message_chat_id").execute();
}
