/**
 * A skipped test shows only its name in vitest's output: the name carries why it was skipped, so a run on SQLite
 * says what it left out and how to run it.
 */
export const onPostgres = process.env.TEST_DATABASE_URL?.startsWith("postgres") ?? false;

const POSTGRES_ONLY = "skipped on SQLite: Postgres only, run `npm run test:postgres` (TEST_DATABASE_URL=postgres://…)";
/** Printed once per SQLite run by the global setup. */
export const POSTGRES_ONLY_SKIPPED =
  "Postgres-only tests (two instances, outbox workers on one database, first start on an empty database) are skipped: " +
  "this run is on SQLite. Run them with `npm run test:postgres` (TEST_DATABASE_URL=postgres://…).";
const SQLITE_ONLY = "skipped on Postgres: SQLite only";

/** `name`, plus the reason when this run skips it for not being on Postgres. */
export function postgresOnly(name: string): string {
  return onPostgres ? name : `${name} [${POSTGRES_ONLY}]`;
}

/** `name`, plus the reason when this run skips it for being on Postgres. */
export function sqliteOnly(name: string): string {
  return onPostgres ? `${name} [${SQLITE_ONLY}]` : name;
}
