import { sql } from "kysely";
import { openPostgres } from "../../src/db/database.js";
import { testDatabasePrefixes } from "./database.js";
import { POSTGRES_ONLY_SKIPPED } from "./skip-reason.js";

/**
 * Postgres test runs give every test its own database cloned from a template (see database.ts); a test that ended
 * badly may leave its clone, and each test process leaves its template: those of earlier runs against the same base
 * database (their names start with its name) are dropped here. Without the right to create databases every test gets
 * its own schema instead, dropped as the test ends; a run killed halfway leaves some, dropped here too.
 */
export default async function dropLeftoversOfEarlierRuns(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url?.startsWith("postgres")) {
    // Vitest's summary names no skipped test: say once why the Postgres-only ones are (their names say it too).
    console.log(`${POSTGRES_ONLY_SKIPPED}\n`);
    return;
  }
  const db = openPostgres(url, { max: 1 });
  try {
    const { rows } = await sql<{ nspname: string }>`
      select nspname from pg_namespace where nspname like 'test\\_%'`.execute(db);
    for (const { nspname } of rows) await sql`drop schema ${sql.id(nspname)} cascade`.execute(db);
    const prefixes = testDatabasePrefixes(url);
    const databases = await sql<{ datname: string }>`
      select datname from pg_database
      where datname like ${`${likeEscape(prefixes.test)}%`} or datname like ${`${likeEscape(prefixes.template)}%`}`.execute(db);
    for (const { datname } of databases.rows) await sql`drop database if exists ${sql.id(datname)} with (force)`.execute(db);
  } finally {
    await db.destroy();
  }
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
