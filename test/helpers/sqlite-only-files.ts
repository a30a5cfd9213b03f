/**
 * Test files that never reach the database under test: they run the bot as a real process on a SQLite file of their
 * own (or need no database at all). The Postgres pass (`npm run test:postgres`) leaves them out, since it would only
 * run them a second time unchanged; test/architecture/postgres-pass.test.ts fails when one of them starts using the
 * test database, so nothing Postgres should prove is left out by this list.
 */
export const SQLITE_ONLY_FILES = [
  "test/letters/flow/process.test.ts",
  "test/organisers/process-kill.test.ts",
  "test/playground/playground.test.ts",
  "test/production/compiled-start.test.ts",
  "test/production/main-process.test.ts",
  "test/production/process.test.ts",
  "test/production/startup-retry.test.ts",
  "test/production/startup-signals.test.ts",
] as const;
