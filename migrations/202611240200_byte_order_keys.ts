import { type Kysely, sql } from "kysely";
import { isPostgres } from "./_portable.js";

/**
 * Keys read by prefix range (`ref >= 'news:17:' and ref < 'news:17;'`: outbox progress, a person's once-only send
 * keys) need byte order. SQLite compares text bytewise; a Postgres database created with a language collation (the
 * official image defaults to en_US.utf8) ignores punctuation and puts 'news:17:5' after 'news:17;', so such ranges
 * came back empty. The columns get the "C" collation there (their indexes are rebuilt with it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`alter table outbox alter column ref type text collate "C"`.execute(db);
  await sql`alter table news_scheduled_sends alter column key type text collate "C"`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`alter table outbox alter column ref type text collate "default"`.execute(db);
  await sql`alter table news_scheduled_sends alter column key type text collate "default"`.execute(db);
}
