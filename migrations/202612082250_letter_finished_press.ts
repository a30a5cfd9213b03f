import type { Kysely } from "kysely";

/**
 * Issue 14, fifteenth round (z38e): the press that finished a letter (the signing screen's answer, a route, the
 * organisers' last question) ends its flow, so Telegram's delivery of the same press again, after the process died
 * once the letter was stored, found no flow and was answered "this button belongs to a step that is over". The letter
 * keeps the press that finished it (`letters.finished_press`, Telegram's callback query id, unique with `writer_id`):
 * that press delivered again is answered with the letter's final screen again, while another press (of an older flow,
 * or the same button pressed a second time) is still out of date. NULL for letters finished before, and otherwise.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("letters").addColumn("finished_press", "text").execute();
  await db.schema.createIndex("letters_finished_press").on("letters").columns(["finished_press", "writer_id"]).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("letters_finished_press").execute();
  await db.schema.alterTable("letters").dropColumn("finished_press").execute();
}
