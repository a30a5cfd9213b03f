import { type Kysely, sql } from "kysely";

/**
 * Finishing a letter (the route step) rewrote three indexes whose keys it changes, each in two places: the entry under
 * `status = 'draft'` or `finished_at = NULL` deleted, one under the new status or date inserted (issue 14: 2.2 pages
 * each of the finish's 15). Each now holds only the rows its queries read, so the finish deletes or inserts one entry
 * where it moved one, or leaves the index alone:
 *
 * - drafts by last edit (the retention job's abandoned drafts) hold drafts only; a finished letter leaves it;
 * - letters by status and finish date (counts since a date, the retention job's expired texts) hold finished ones only
 *   (`finished_at is not null`, which every such query's date comparison implies); a draft enters it when finished;
 * - letters per person (the foreign key, a person's drafts, counts per person) are keyed by the person alone, which
 *   no finish changes; counts since a date go through the status and date index.
 *
 * Every query's answers are the same; `test/db/letter-indexes.test.ts` holds their plans to these indexes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("letters_status_updated").execute();
  await db.schema.createIndex("letters_draft_updated").on("letters").column("updated_at").where(sql.ref("status"), "=", "draft").execute();
  await db.schema.dropIndex("letters_status_finished").execute();
  await db.schema
    .createIndex("letters_finished")
    .on("letters")
    .columns(["status", "finished_at"])
    .where(sql.ref("finished_at"), "is not", null)
    .execute();
  await db.schema.dropIndex("letters_prisoner_finished").execute();
  await db.schema.createIndex("letters_prisoner").on("letters").column("prisoner_slug").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("letters_prisoner").execute();
  await db.schema.createIndex("letters_prisoner_finished").on("letters").columns(["prisoner_slug", "finished_at"]).execute();
  await db.schema.dropIndex("letters_finished").execute();
  await db.schema.createIndex("letters_status_finished").on("letters").columns(["status", "finished_at"]).execute();
  await db.schema.dropIndex("letters_draft_updated").execute();
  await db.schema.createIndex("letters_status_updated").on("letters").columns(["status", "updated_at"]).execute();
}
