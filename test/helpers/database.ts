import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { type DB, openPostgres, openSqlite } from "../../src/db/database.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { seedDirectory } from "../../src/db/repositories/directory-document.js";
import { touchUser } from "../../src/db/repositories/users.js";
import { upsertInstitution } from "../../src/db/repositories/institutions.js";
import { readDirectorySeed } from "../../src/domain/directory/seed-files.js";
import { loadPenitentiaryInstitutions } from "../../src/services/directory-sync/institutions.js";

export interface TestDatabase {
  db: DB;
  dialect: "sqlite" | "postgres";
  /** A DATABASE_URL for the same database (SQLite file path; the Postgres clone, or the base with its own schema). */
  url: string;
  /** The SQLite file (empty for Postgres), so a test can reopen it as a restarted process would. */
  filename: string;
  /** A second, independent connection to the same database: a restarted process or another instance. */
  reopen(): DB;
  cleanup(): Promise<void>;
}

/**
 * A fresh database with every migration applied: the same schema the bot runs on. SQLite by default; with
 * TEST_DATABASE_URL=postgres://… each call gets its own Postgres database (or schema, see below), dropped on cleanup.
 *
 * Migrating costs more than copying (bench/test-database.ts): each test process migrates one template once and
 * every test gets a copy of it: a copied SQLite file, or `CREATE DATABASE … TEMPLATE` on Postgres.
 *
 * `contents: "facilities"` (the harness's): the template also holds the institutions every start loads, the seed's
 * and polit-sake's 948 (`startApp`), so that a test's start finds them there instead of spending a second on them.
 */
export async function createTestDatabase(options: { contents?: TemplateContents } = {}): Promise<TestDatabase> {
  const contents = options.contents ?? "schema";
  const postgresUrl = process.env.TEST_DATABASE_URL;
  if (postgresUrl?.startsWith("postgres")) {
    const template = await postgresTemplate(postgresUrl, contents);
    return template ? createPostgresTestDatabase(postgresUrl, template) : createPostgresTestSchema(postgresUrl, contents);
  }
  const dir = mkdtempSync(join(tmpdir(), "lysty-db-"));
  const filename = join(dir, "test.sqlite");
  copyFileSync(await sqliteTemplate(contents), filename);
  const opened: DB[] = [];
  const open = () => {
    const db = openSqlite(filename);
    opened.push(db);
    return db;
  };
  const db = open();
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

/** What a template holds besides the schema: nothing, or the institutions a start loads. */
export type TemplateContents = "schema" | "facilities";

const sqliteTemplateFiles = new Map<TemplateContents, Promise<string>>();

/** A migrated SQLite file for this test process, its WAL folded in so that a plain copy holds every table. */
function sqliteTemplate(contents: TemplateContents): Promise<string> {
  let file = sqliteTemplateFiles.get(contents);
  if (!file) {
    file = (async () => {
      const dir = mkdtempSync(join(tmpdir(), "lysty-db-template-"));
      process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
      const filename = join(dir, "template.sqlite");
      const db = openSqlite(filename);
      await prepareTemplate(db, contents);
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
      await db.destroy();
      return filename;
    })();
    sqliteTemplateFiles.set(contents, file);
  }
  return file;
}

async function prepareTemplate(db: DB, contents: TemplateContents, schema?: string): Promise<void> {
  await migrateToLatest(db, schema === undefined ? undefined : { schema });
  if (contents === "schema") return;
  // As a first start has them: the seed's institutions first, so that polit-sake's names merge into those rows.
  const now = new Date();
  for (const institution of readDirectorySeed().institutions) await upsertInstitution(db, institution, now);
  await loadPenitentiaryInstitutions(db, { now });
}

/** A fresh database with the shipped directory seeded and these people recorded as users (id → locale). */
export async function createSeededTestDatabase(now: Date, users: Record<number, string>): Promise<TestDatabase> {
  const testDb = await createTestDatabase();
  await seedDirectory(testDb.db, { now });
  for (const [id, locale] of Object.entries(users)) await touchUser(testDb.db, Number(id), locale, now);
  return testDb;
}

/** Databases made by test runs against `url`'s database: its name, then these infixes (see postgres-global-setup). */
export function testDatabasePrefixes(url: string): { template: string; test: string } {
  const base = new URL(url).pathname.slice(1);
  return { template: `${base}_tpl_`, test: `${base}_t_` };
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

const postgresTemplateNames = new Map<TemplateContents, Promise<string | undefined>>();

/**
 * A database migrated once for this test process, to clone per test; undefined when the role may not create
 * databases (then each test migrates a schema of its own, as before). Left for the next run's global setup to drop.
 */
function postgresTemplate(url: string, contents: TemplateContents): Promise<string | undefined> {
  let made = postgresTemplateNames.get(contents);
  if (made) return made;
  made = (async () => {
    const admin = openPostgres(url, { max: 1 });
    try {
      const { rows } = await sql<{ rolcreatedb: boolean }>`select rolcreatedb from pg_roles where rolname = current_user`.execute(admin);
      if (!rows[0]?.rolcreatedb) return undefined;
      const name = `${testDatabasePrefixes(url).template}${randomBytes(6).toString("hex")}`;
      await sql`create database ${sql.id(name)}`.execute(admin);
      const template = openPostgres(withDatabase(url, name), { max: 1 });
      await prepareTemplate(template, contents);
      // CREATE DATABASE … TEMPLATE refuses a template anyone is connected to.
      await template.destroy();
      return name;
    } finally {
      await admin.destroy();
    }
  })();
  postgresTemplateNames.set(contents, made);
  return made;
}

async function createPostgresTestDatabase(url: string, template: string): Promise<TestDatabase> {
  const name = `${testDatabasePrefixes(url).test}${randomBytes(6).toString("hex")}`;
  const admin = openPostgres(url, { max: 1 });
  await sql`create database ${sql.id(name)} template ${sql.id(template)}`.execute(admin);
  const databaseUrl = withDatabase(url, name);
  const opened: DB[] = [];
  const open = () => {
    const db = openPostgres(databaseUrl, { max: 5 });
    opened.push(db);
    return db;
  };
  const db = open();
  return {
    db,
    dialect: "postgres",
    url: databaseUrl,
    filename: "",
    reopen: open,
    async cleanup() {
      for (const handle of opened) await handle.destroy().catch(() => undefined);
      await dropWhenFree(admin, name);
      await admin.destroy();
    },
  };
}

/**
 * Drops a test's database once its connections have closed: a closing pool (or a killed bot process) may hold one for
 * a moment, and WITH (FORCE) would kill it under the client, which reports that as an uncaught error. One that stays
 * busy is left to the next run's global setup.
 */
async function dropWhenFree(admin: DB, name: string): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    try {
      await sql`drop database if exists ${sql.id(name)}`.execute(admin);
      return;
    } catch (error) {
      // 55006: "database … is being accessed by other users".
      if ((error as { code?: string }).code !== "55006") throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function createPostgresTestSchema(url: string, contents: TemplateContents): Promise<TestDatabase> {
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
  await prepareTemplate(db, contents, schema);
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
