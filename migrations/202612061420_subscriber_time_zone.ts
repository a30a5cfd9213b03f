import type { Kysely } from "kysely";

/**
 * Issue 15, item 8: the daily digest and reminders to write go out at a local hour in the subscriber's time zone. An
 * IANA name (`Europe/Warsaw`); null means the default, Europe/Kyiv.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("news_preferences").addColumn("time_zone", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("news_preferences").dropColumn("time_zone").execute();
}
