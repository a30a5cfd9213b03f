import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  type DatabaseIntrospector,
  type Kysely,
  type Migration,
  type MigrationProvider,
  Migrator,
  sql,
  type TableMetadata,
} from "kysely";
import { isPostgresDb } from "./database.js";

/**
 * Kysely's FileMigrationProvider breaks under vitest with `.ts` files, so migrations are imported by file URL.
 * Files starting with `_` are helpers, not migrations.
 */
class DirectoryMigrationProvider implements MigrationProvider {
  constructor(private readonly folder: string) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(this.folder))
      .filter((file) => /^[^_].*\.(ts|js)$/.test(file) && !file.endsWith(".d.ts"))
      .sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      // Imported when it runs, not to list it: a restart with nothing pending loads no migration (nor the copy of
      // kysely the compiled migrations import, some 260 files besides the bundled bot). Every migration has a down.
      const load = () => import(pathToFileURL(join(this.folder, file)).href) as Promise<Migration>;
      migrations[file.replace(/\.(ts|js)$/, "")] = {
        up: async (db) => (await load()).up(db),
        down: async (db) => (await load()).down?.(db),
      };
    }
    return migrations;
  }
}

/** `migrations/` beside `src/`: the top-level folder under tsx, `dist/migrations` in the compiled image. */
const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../migrations/", import.meta.url));

/**
 * Applies pending migrations. `schema` names the Postgres schema holding the migration bookkeeping tables when the
 * connection uses a search_path other than `public` (each Postgres test runs in its own schema).
 */
export async function migrateToLatest<T>(db: Kysely<T>, options: { schema?: string } = {}): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in every schema unless told which: a DATABASE_URL whose search_path names
  // a schema of its own would find another schema's tables and then fail to read them.
  const schema = options.schema ?? (isPostgresDb(db) ? await currentSchema(db) : undefined);
  const migrator = new Migrator({
    db: schema && isPostgresDb(db) ? withIntrospectionOf(db, schema) : db,
    provider: new DirectoryMigrationProvider(MIGRATIONS_FOLDER),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`Database migration ${failed} failed`, { cause: error });
  }
  return (results ?? []).filter((result) => result.status === "Success").map((result) => result.migrationName);
}

async function currentSchema<T>(db: Kysely<T>): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? undefined;
}

/**
 * Kysely's migrator asks whether its bookkeeping tables exist by listing every column of every table in every schema
 * (twice per run). On a database holding many schemas, as the Postgres test run does with one schema per test, that
 * listing grew to seconds per call and dominated the run; it also failed when another schema was dropped meanwhile.
 * The migrator only compares table names, so it is given an introspector that lists the names in its own schema.
 */
function withIntrospectionOf<T>(db: Kysely<T>, schema: string): Kysely<T> {
  const introspector: DatabaseIntrospector = {
    getSchemas: () => db.introspection.getSchemas(),
    async getTables(): Promise<TableMetadata[]> {
      const { rows } = await sql<{ name: string }>`
        select table_name as name from information_schema.tables where table_schema = ${schema}`.execute(db);
      return rows.map(({ name }) => ({ name, schema, isView: false, columns: [] }));
    },
    async getMetadata(options) {
      return { tables: await this.getTables(options) };
    },
  };
  // A Proxy rather than a subclass: Kysely keeps its state in private fields, so every other member is read from and
  // bound to the real instance.
  return new Proxy(db, {
    get(target, property) {
      if (property === "introspection") return introspector;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
