import type { Kysely } from "kysely";

/**
 * Issue 14 (z37i): `/setstatus` and `/move` Save stores the correction and its audit row in one transaction, and the
 * flow's end after it. A death between the two makes Telegram deliver the same press again to the flow still waiting
 * at the summary, which saved a second time. The audit row keeps the organiser's summary message whose Save was pressed
 * (`audit_log.press_message_id`, in their private chat, unique with `actor_id`): the audit row is the one written
 * whatever the outcome (a history row only when the value changed), and it holds the outcome the organiser was told.
 * NULL for every other audit row.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("audit_log").addColumn("press_message_id", "bigint").execute();
  await db.schema.createIndex("audit_log_press").on("audit_log").columns(["actor_id", "press_message_id"]).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("audit_log_press").execute();
  await db.schema.alterTable("audit_log").dropColumn("press_message_id").execute();
}
