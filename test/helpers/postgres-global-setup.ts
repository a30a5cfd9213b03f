import { sql } from "kysely";
import { openPostgres } from "../../src/db/database.js";

/**
 * Postgres test runs give every test its own schema, dropped as the test ends (test/helpers/database.ts). A run that
 * was killed halfway leaves its schemas behind; they are dropped here, before the next run starts.
 */
export default async function dropSchemasOfEarlierRuns(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url?.startsWith("postgres")) return;
  const db = openPostgres(url, { max: 1 });
  try {
    const { rows } = await sql<{ nspname: string }>`
      select nspname from pg_namespace where nspname like 'test\\_%'`.execute(db);
    for (const { nspname } of rows) await sql`drop schema ${sql.id(nspname)} cascade`.execute(db);
  } finally {
    await db.destroy();
  }
}
