import type { Kysely } from "kysely";
import { withAutoId } from "./_portable.js";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("organisers")
    .addColumn("user_id", "bigint", (c) => c.notNull())
    .addColumn("campaign_slug", "text", (c) => c.notNull())
    .addColumn("granted_by", "bigint", (c) => c.notNull())
    .addColumn("granted_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("revoked_by", "bigint")
    .addPrimaryKeyConstraint("organisers_pk", ["user_id", "campaign_slug"])
    .execute();

  await db.schema
    .createTable("organiser_invites")
    .addColumn("token", "text", (c) => c.primaryKey())
    .addColumn("campaign_slug", "text", (c) => c.notNull())
    .addColumn("created_by", "bigint", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_by", "bigint")
    .addColumn("used_at", "text")
    .execute();

  await withAutoId(db, db.schema.createTable("audit_log"))
    .addColumn("actor_id", "bigint", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target", "text")
    .addColumn("details", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_log_at").on("audit_log").columns(["at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("audit_log").execute();
  await db.schema.dropTable("organiser_invites").execute();
  await db.schema.dropTable("organisers").execute();
}
