import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DB, openSqlite } from "../../src/db/database.js";
import { migrateToLatest } from "../../src/db/migrate.js";

export interface TestDatabase {
  db: DB;
  /** The SQLite file, so a test can reopen it as a restarted process would. */
  filename: string;
  reopen(): DB;
  cleanup(): Promise<void>;
}

/** A fresh SQLite file with every migration applied: the same schema the bot runs on. */
export async function createTestDatabase(): Promise<TestDatabase> {
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
    filename,
    reopen: open,
    async cleanup() {
      for (const handle of opened) await handle.destroy().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
