import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { type DB, openPostgres, openSqlite } from "../../src/db/database.js";
import { migrateToLatest } from "../../src/db/migrate.js";

export interface TestDatabase {
  db: DB;
  dialect: "sqlite" | "postgres";
  /** A DATABASE_URL for the same database (SQLite file path; Postgres with its own schema). */
  url: string;
  /** The SQLite file (empty for Postgres), so a test can reopen it as a restarted process would. */
  filename: string;
  /** A second, independent connection to the same database: a restarted process or another instance. */
  reopen(): DB;
  cleanup(): Promise<void>;
}

/**
 * A fresh database with every migration applied: the same schema the bot runs on. SQLite by default; with
 * TEST_DATABASE_URL=postgres://… each call gets its own Postgres schema, dropped on cleanup.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const postgresUrl = process.env.TEST_DATABASE_URL;
  if (postgresUrl?.startsWith("postgres")) return createPostgresTestDatabase(postgresUrl);
  const dir = mkdtempSync(join(tmpdir(), "lysty-db-"));
  const filename = join(dir, "test.sqlite");
  const opened: DB[] = [];
  const open = () => {
    const db = openSqlite(filename);
    opened.push(db);
    return db;
  };
  const db = open();
  await migrateToLatest(db);
  return {
    db,
    dialect: "sqlite",
    url: `sqlite:${filename}`,
    filename,
    reopen: open,
    async cleanup() {
      for (const handle of opened) await handle.destroy().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgresTestDatabase(url: string): Promise<TestDatabase> {
  const schema = `test_${randomBytes(6).toString("hex")}`;
  const admin = openPostgres(url, { max: 1 });
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  const opened: DB[] = [];
  const open = () => {
    const db = openPostgres(url, { searchPath: schema, max: 5 });
    opened.push(db);
    return db;
  };
  const db = open();
  await migrateToLatest(db, { schema });
  const separator = url.includes("?") ? "&" : "?";
  return {
    db,
    dialect: "postgres",
    url: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    filename: "",
    reopen: open,
    async cleanup() {
      // Dropped at once so the catalog stays small for the tests still running; the migrator only introspects its own
      // schema (src/db/migrate.ts), so dropping this one does not disturb them. A run killed halfway leaves schemas
      // behind, which postgres-global-setup.ts drops before the next run.
      for (const handle of opened) await handle.destroy().catch(() => undefined);
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin);
      await admin.destroy();
    },
  };
}
