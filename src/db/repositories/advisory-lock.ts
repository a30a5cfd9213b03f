import { type Kysely, sql } from "kysely";
import { isPostgresDb } from "../database.js";

/**
 * Serialises a piece of work across every instance sharing one Postgres database: waits for a transaction-scoped
 * advisory lock named `name`, held until `trx` commits or rolls back. Two instances starting together on an empty
 * database would otherwise both find a row missing and both insert it (`duplicate key`). SQLite needs nothing: it is
 * one instance's database, and its write transactions already exclude each other.
 */
export async function lockForTransaction<T>(trx: Kysely<T>, name: string): Promise<void> {
  if (!trx.isTransaction) throw new Error("lockForTransaction needs a transaction: the lock lasts until it ends");
  if (!isPostgresDb(trx)) return;
  await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(trx);
}
