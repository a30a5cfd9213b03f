import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Database } from "./schema.js";

export type DB = Kysely<Database>;

export type DatabaseLocation = { dialect: "sqlite"; filename: string };

/**
 * Reads `DATABASE_URL`. `sqlite:relative/or/absolute.sqlite`, `sqlite::memory:` and `file:` forms are accepted;
 * relative paths resolve against `baseDir` (the project root), so the bot finds its data wherever it is started.
 */
export function parseDatabaseUrl(url: string, baseDir: string): DatabaseLocation {
  const match = /^(?:sqlite|file):(?:\/\/)?(.+)$/.exec(url);
  if (!match?.[1]) {
    throw new Error(`DATABASE_URL must look like sqlite:data/lysty.sqlite (got a value of another form)`);
  }
  const path = match[1];
  if (path === ":memory:") return { dialect: "sqlite", filename: path };
  const filename = path.startsWith("/") ? path : `${baseDir}/${path}`;
  return { dialect: "sqlite", filename };
}

export function openSqlite(filename: string): DB {
  const sqlite = new SQLite(filename);
  // WAL lets readers proceed while a writer commits; NORMAL sync is durable across process crashes in WAL mode.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

export function openDatabase(location: DatabaseLocation): DB {
  return openSqlite(location.filename);
}
