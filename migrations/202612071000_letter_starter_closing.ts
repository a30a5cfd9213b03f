import type { Kysely } from "kysely";

/**
 * The starter's closing (questions, wishes and sign-off) a draft was made with, so that new messages still go in
 * before it when the writer takes the draft up again later ("Continue", the write link, after a restart): the
 * writing stage that knew it is gone once the writer leaves it. NULL: no starter, or a draft from before this
 * migration (new messages go to the end, as they did).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("letters").addColumn("starter_closing", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("letters").dropColumn("starter_closing").execute();
}
