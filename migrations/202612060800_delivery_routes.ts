import { type Kysely, sql } from "kysely";
import { withAutoId } from "./_portable.js";

/**
 * Every letter has a way to arrive (issue 12): the deploying organisation's desk chat (letters for people whose
 * campaign has no chat), the services known to deliver letters to a person (filled by organisers and by the registry
 * sync), and replies that came back (a photo or document of the prisoner's answer). Frozen: statuses spelled out.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // At most one desk per deployment (id is always 1). Same life cycle as campaign_chats: ok until a post is refused.
  await db.schema
    .createTable("organisation_desk")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("chat_id", "bigint", (c) => c.notNull())
    .addColumn("chat_type", "text", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("linked_by", "bigint", (c) => c.notNull())
    .addColumn("linked_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("ok"))
    .addColumn("last_error", "text")
    .addColumn("status_changed_at", "text", (c) => c.notNull())
    .addCheckConstraint("organisation_desk_single", sql`id = 1`)
    .addCheckConstraint("organisation_desk_status_check", sql`status in ('ok', 'broken')`)
    .addCheckConstraint("organisation_desk_type_check", sql`chat_type in ('group', 'supergroup', 'channel')`)
    .execute();

  // A service that delivers letters to this person (OVD-Info Letters Now, RosUznik…), with where we learned it.
  await db.schema
    .createTable("prisoner_intermediaries")
    .addColumn("prisoner_slug", "text", (c) => c.notNull().references("prisoners.slug").onDelete("cascade"))
    .addColumn("service", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("as_of", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("prisoner_intermediaries_pk", ["prisoner_slug", "service"])
    .execute();

  // The prisoner's answer to a letter: a Telegram file id only (the file stays on Telegram's servers), posted by an
  // organiser (from_chat_id set) or kept by the writer for a letter they sent themselves.
  await withAutoId(db, db.schema.createTable("letter_replies"))
    .addColumn("letter_id", "bigint", (c) => c.notNull().references("letters.id").onDelete("cascade"))
    .addColumn("writer_id", "bigint", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("file_id", "text", (c) => c.notNull())
    .addColumn("from_chat_id", "bigint")
    .addColumn("posted_by", "bigint")
    .addColumn("received_at", "text", (c) => c.notNull())
    .addCheckConstraint("letter_replies_kind_check", sql`kind in ('photo', 'document')`)
    .execute();
  await db.schema.createIndex("letter_replies_letter").on("letter_replies").column("letter_id").execute();
  await db.schema.createIndex("letter_replies_writer").on("letter_replies").column("writer_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("letter_replies").execute();
  await db.schema.dropTable("prisoner_intermediaries").execute();
  await db.schema.dropTable("organisation_desk").execute();
}
