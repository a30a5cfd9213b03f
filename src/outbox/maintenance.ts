import { sql } from "kysely";
import type { DB } from "../db/database.js";
import type { OutboxStatus } from "../db/tables/outbox.js";
import type { Logger } from "../logger.js";
import { recoverExpiredLeases } from "./claim.js";
import type { OutboxHandlers, OutboxRow } from "./types.js";

const UNKNOWN_KIND_CHECK_MS = 60_000;

/**
 * Rows left `sending` by a crashed or hung worker go back to the queue, or fail at maxAttempts with `onFailed` in
 * the same transaction. A throwing handler must not block recovery for good: then recover without handlers.
 * Returns the recovered rows.
 */
export async function recoverLeases(
  db: DB,
  context: { handlers: OutboxHandlers; logger: Logger; now: Date; maxAttempts: number },
): Promise<OutboxRow[]> {
  const recoverWith = (withHandlers: boolean) =>
    db.transaction().execute(async (trx) => {
      const rows = await recoverExpiredLeases(trx, context.now, context.maxAttempts);
      if (withHandlers) {
        for (const row of rows) {
          if (row.status !== "failed") continue;
          await context.handlers[row.kind]?.onFailed?.(trx, row, { code: 0, description: "lease expired" });
        }
      }
      return rows;
    });
  let rows: OutboxRow[];
  try {
    rows = await recoverWith(true);
  } catch (error) {
    context.logger.error({ err: errorText(error) }, "outbox onFailed handler failed during lease recovery; recovering without it");
    rows = await recoverWith(false);
  }
  if (rows.length > 0) {
    const failed = rows.filter((row) => row.status === "failed").length;
    context.logger.warn({ rows: rows.length, failed }, "outbox recovered expired leases");
  }
  return rows;
}

/** Rows of kinds nobody registered stay pending (a newer release may send them); this says so once per kind. */
export class UnknownKindReport {
  private readonly reported = new Set<string>();
  private lastCheck = -Infinity;

  constructor(
    private readonly db: DB,
    private readonly kinds: readonly string[],
    private readonly logger: Logger,
  ) {}

  async check(now: number): Promise<void> {
    if (now - this.lastCheck < UNKNOWN_KIND_CHECK_MS) return;
    this.lastCheck = now;
    const rows = await this.db
      .selectFrom("outbox")
      .select("kind")
      .distinct()
      .where("status", "=", sql.lit<OutboxStatus>("pending"))
      .$if(this.kinds.length > 0, (query) => query.where("kind", "not in", this.kinds))
      .execute();
    for (const { kind } of rows) {
      if (this.reported.has(kind)) continue;
      this.reported.add(kind);
      this.logger.warn({ kind }, "outbox has pending rows of a kind without handlers; they stay pending");
    }
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : "unknown error";
}
