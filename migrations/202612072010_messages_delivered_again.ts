import type { Kysely } from "kysely";

/**
 * Issue 14, item 5: in webhook mode Telegram delivers an update again when the process died after the update's effect
 * committed and before it was recorded handled. Two effects are made to recognise their own message:
 * - a message of the writing stage was appended a second time: the draft keeps the ids of the writer's messages last
 *   saved into it (`letters.saved_messages`, `,101,102,`, bounded: src/domain/letters/saved-messages.ts), written by
 *   the same statement that saves the text. Ids only, never text. NULL: none saved since this migration;
 * - an organiser's reply to a letter's card was copied to the writer a second time: the reply keeps the organiser's
 *   message id (`letter_replies.message_id`, in the chat `from_chat_id`), unique with its chat, so the same message
 *   is recorded (and copied) once. NULL for replies from before, and for the scans writers keep themselves.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("letters").addColumn("saved_messages", "text").execute();
  await db.schema.alterTable("letter_replies").addColumn("message_id", "bigint").execute();
  await db.schema.createIndex("letter_replies_message").on("letter_replies").columns(["from_chat_id", "message_id"]).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("letter_replies_message").execute();
  await db.schema.alterTable("letter_replies").dropColumn("message_id").execute();
  await db.schema.alterTable("letters").dropColumn("saved_messages").execute();
}
