import type { Kysely } from "kysely";

/**
 * An update taken in is not yet an update handled (issue 14, item 5): `handling_until` is the lease of the instance
 * handling it (null once handled), so that Telegram's delivery of it again after a crash reaches another instance and
 * is handled there once the lease has run out, instead of being dropped as a duplicate. `handled_by` names the
 * instance holding the lease (host:pid), so only it renews. Rows from before were handled: both stay null.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("seen_updates").addColumn("handling_until", "text").execute();
  await db.schema.alterTable("seen_updates").addColumn("handled_by", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("seen_updates").dropColumn("handled_by").execute();
  await db.schema.alterTable("seen_updates").dropColumn("handling_until").execute();
}
