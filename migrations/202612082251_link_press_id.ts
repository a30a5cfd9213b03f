import type { Kysely } from "kysely";

/**
 * Issue 14, fifteenth round (z38e): a chat linked with a button keeps the pressed message (z36a, `press_message_id`),
 * so the press delivered again links nothing more. A group's campaign pick keeps its buttons, and a second, separate
 * press of the same button for a link that works was taken for that delivery again: answered "Done" with nothing
 * checked or refreshed. The link now also keeps the press itself (`press_id`, Telegram's callback query id, on
 * `campaign_chats` and `organisation_desk`), which only the delivery again carries; NULL for links made otherwise and
 * before (then the message alone decides, as before).
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ["campaign_chats", "organisation_desk"]) await db.schema.alterTable(table).addColumn("press_id", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["campaign_chats", "organisation_desk"]) await db.schema.alterTable(table).dropColumn("press_id").execute();
}
