import { type Kysely, sql } from "kysely";
import { isPostgres, withAutoId } from "./_portable.js";

/**
 * The durable outbox: every message that must not be lost is a row here, written in the same transaction as the
 * business record that caused it, and sent by the outbox worker until Telegram accepts it (see docs/outbox.md).
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Bytes of documents and photos, stored once and referenced by any number of outbox rows (a broadcast of one PDF).
  await withAutoId(db, db.schema.createTable("outbox_attachments"))
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("bytes", isPostgres(db) ? "bytea" : "blob", (c) => c.notNull())
    // Telegram's file_id after the first successful upload, so later sends reuse it instead of uploading again.
    .addColumn("telegram_file_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await withAutoId(db, db.schema.createTable("outbox"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("ref", "text", (c) => c.notNull())
    .addColumn("chat_id", "bigint", (c) => c.notNull())
    .addColumn("method", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("attachment_id", "bigint", (c) => c.references("outbox_attachments.id"))
    .addColumn("priority", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("lease_owner", "text")
    .addColumn("lease_until", "text")
    .addColumn("sent_message_id", "bigint")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();

  // The claim query walks this in order and stops after `limit` due rows. Partial, so the ever-growing history of
  // sent rows costs it nothing; the claim query must spell the status as a literal for SQLite to pick it.
  await db.schema
    .createIndex("outbox_due")
    .on("outbox")
    .columns(["priority desc", "next_attempt_at", "id"])
    .where(sql.ref("status"), "=", "pending")
    .execute();
  // Finding leases left behind by a crashed worker.
  await db.schema.createIndex("outbox_leases").on("outbox").column("lease_until").where(sql.ref("status"), "=", "sending").execute();
  // Per-chat work: pausing a chat after a 429, releasing held rows, following a group's migration to a supergroup.
  await db.schema.createIndex("outbox_chat").on("outbox").columns(["chat_id", "status"]).execute();
  // Progress of one business record or broadcast (`ref` prefix range).
  await db.schema.createIndex("outbox_ref").on("outbox").column("ref").execute();
  // The oldest pending row, for metrics. Deliberately no plain index on status: without statistics SQLite takes
  // `status = 'pending'` for selective, prefers such an index to `outbox_due` and sorts every pending row per claim.
  await db.schema
    .createIndex("outbox_pending_age")
    .on("outbox")
    .column("created_at")
    .where(sql.ref("status"), "=", "pending")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("outbox").execute();
  await db.schema.dropTable("outbox_attachments").execute();
}
