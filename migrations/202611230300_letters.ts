import { type Kysely, sql } from "kysely";
import { withAutoId } from "./_portable.js";

/**
 * Letters (drafts included) and what a writer asked us to remember about their signature. Statuses and routes are
 * spelled out here rather than imported, so that this migration stays frozen when the domain grows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withAutoId(db, db.schema.createTable("letters"))
    // Set when the letter is finished; drafts have none.
    .addColumn("reference", "text", (c) => c.unique())
    .addColumn("writer_id", "bigint", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("prisoner_slug", "text", (c) => c.notNull().references("prisoners.slug"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
    .addColumn("route", "text")
    // NULL once purged after retention (or on discard): the row stays for counts and the writer's history.
    .addColumn("text", "text")
    .addColumn("findings_summary", "text")
    .addColumn("signature_name", "text")
    .addColumn("signature_city", "text")
    .addColumn("share_identity", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .addColumn("text_purged_at", "text")
    .addColumn("return_reason", "text")
    .addCheckConstraint(
      "letters_status_check",
      sql`status in ('draft', 'finished', 'relayed', 'accepted', 'returned', 'printed', 'sent', 'reply_received',
        'discarded', 'closed')`,
    )
    .addCheckConstraint("letters_route_check", sql`route is null or route in ('fsin_pismo', 'post', 'organisers')`)
    .addCheckConstraint("letters_share_identity_check", sql`share_identity in (0, 1)`)
    .execute();

  // One draft per writer and prisoner: coming back to "write to X" continues it instead of starting a second one.
  await db.schema
    .createIndex("letters_one_draft_per_writer_and_prisoner")
    .on("letters")
    .columns(["writer_id", "prisoner_slug"])
    .unique()
    .where(sql.ref("status"), "=", "draft")
    .execute();
  // A writer's letters, newest first.
  await db.schema.createIndex("letters_writer").on("letters").columns(["writer_id", "id"]).execute();
  // Letters per prisoner since a date ("few letters so far").
  await db.schema
    .createIndex("letters_prisoner_finished")
    .on("letters")
    .columns(["prisoner_slug", "finished_at"])
    .execute();
  // The retention job: finished letters by age, drafts by last edit.
  await db.schema.createIndex("letters_status_finished").on("letters").columns(["status", "finished_at"]).execute();
  await db.schema.createIndex("letters_status_updated").on("letters").columns(["status", "updated_at"]).execute();

  await db.schema
    .createTable("writer_profiles")
    .addColumn("user_id", "bigint", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("signature_name", "text")
    .addColumn("signature_city", "text")
    // 1 when the writer asked us to remember the signature; otherwise the signature columns stay NULL.
    .addColumn("remembered", "integer", (c) => c.notNull().defaultTo(0))
    // The writer's chosen grammatical gender for Russian phrases about themselves («я узнал» / «я узнала»).
    .addColumn("grammatical_gender", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("writer_profiles_remembered_check", sql`remembered in (0, 1)`)
    .addCheckConstraint(
      "writer_profiles_gender_check",
      sql`grammatical_gender is null or grammatical_gender in ('male', 'female')`,
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("writer_profiles").execute();
  await db.schema.dropTable("letters").execute();
}
