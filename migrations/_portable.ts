import { type Kysely, PostgresAdapter, type CreateTableBuilder } from "kysely";

/**
 * Helpers that keep migrations runnable on SQLite (default) and Postgres. They are frozen with the migrations that
 * use them: change behaviour only by adding new helpers.
 */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An auto-incrementing integer primary key named `id`. */
export function withAutoId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>) {
  return isPostgres(db)
    ? table.addColumn("id", "bigserial", (c) => c.primaryKey())
    : table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
}
