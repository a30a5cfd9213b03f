import { sql } from "kysely";
import type { DB } from "../db/database.js";

/** A database that does not answer a trivial query within this is as good as down for a person waiting. */
const PING_TIMEOUT_MS = 2_000;

export async function databaseAnswers(db: DB, timeoutMs = PING_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const ping = sql`select 1 as one`.execute(db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
