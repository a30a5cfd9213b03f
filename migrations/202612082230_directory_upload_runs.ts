import type { Kysely } from "kysely";

/**
 * Issue 14 (z38c): an admin's directory file is imported in batches of 200 rows, each committed with its run's cursor
 * and counts, and its summary is queued with `directory_uploads` after the last. A death in between made the same
 * message, delivered again by Telegram, import the file once more, and the one summary then said "unchanged". The run
 * that imports a message's file is now recorded with the run's creation (`directory_upload_runs`, in the privacy
 * registry): the message delivered again resumes that run where it stopped, or, when it ended, is answered with the
 * counts it stored. Other syncs never resume such a run.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("directory_upload_runs")
    .addColumn("chat_id", "bigint", (c) => c.notNull())
    .addColumn("message_id", "bigint", (c) => c.notNull())
    .addColumn("run_id", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("directory_upload_runs_pk", ["chat_id", "message_id"])
    .execute();
  await db.schema.createIndex("directory_upload_runs_run").on("directory_upload_runs").column("run_id").unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("directory_upload_runs").execute();
}
