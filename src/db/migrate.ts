import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";
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
      const module = (await import(pathToFileURL(join(this.folder, file)).href)) as Migration;
      migrations[file.replace(/\.(ts|js)$/, "")] = module;
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
    db,
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
