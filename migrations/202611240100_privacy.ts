import type { Kysely } from "kysely";

/**
 * People who asked to be forgotten while organisers still held a letter of theirs (docs/production.md): everything
 * else is gone at once; the user row stays only for those letters and the retention job deletes it once organisers
 * have printed or returned them. Nothing but the id and the time of the request.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("forget_requests")
    .addColumn("user_id", "bigint", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("requested_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("forget_requests").execute();
}
