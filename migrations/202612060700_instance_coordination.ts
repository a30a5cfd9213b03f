import type { Kysely } from "kysely";

/**
 * What several instances on one database must agree on (docs/production.md): update ids already taken in (Telegram
 * delivers an update again when an answer came late, possibly to another instance), and each person's updates in
 * the current rate-limit minute (a limit per instance would give N instances N times the limit).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("seen_updates")
    .addColumn("update_id", "bigint", (c) => c.primaryKey())
    .addColumn("seen_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("seen_updates_seen_at").on("seen_updates").column("seen_at").execute();
  await db.schema
    .createTable("rate_limit_windows")
    .addColumn("user_id", "bigint", (c) => c.primaryKey())
    .addColumn("window_start", "bigint", (c) => c.notNull())
    .addColumn("hits", "integer", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("rate_limit_windows").execute();
  await db.schema.dropTable("seen_updates").execute();
}
