import { sql } from "kysely";
import type { DB } from "../db/database.js";
import type { OutboxStatus } from "../db/tables/outbox.js";
import { notifyOutboxEnqueued } from "./signal.js";
import { systemClock } from "../clock.js";

/**
 * Sends again the rows held for a chat (the organiser re-added the bot or gave it rights). They go out in their
 * original order, counted afresh. Returns how many were released.
 */
export async function releaseHeld(
  db: DB,
  target: { chatId: number; kind?: string },
  now = systemClock.now(),
): Promise<number> {
  const result = await db
    .updateTable("outbox")
    .set({ status: "pending", attempts: 0, next_attempt_at: now.toISOString(), last_error: null })
    .where("chat_id", "=", target.chatId)
    .where("status", "=", sql.lit<OutboxStatus>("held"))
    .$if(target.kind !== undefined, (query) => query.where("kind", "=", target.kind ?? ""))
    .executeTakeFirst();
  const released = Number(result.numUpdatedRows);
  if (released > 0) notifyOutboxEnqueued();
  return released;
}

/**
 * Deletes sent rows older than `sentBefore`, then attachments no row uses any more. Failed and held rows stay: they
 * are the record of what did not arrive. Returns the number of outbox rows deleted.
 */
export async function pruneSent(db: DB, sentBefore: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom("outbox")
      .where("status", "=", sql.lit<OutboxStatus>("sent"))
      .where("sent_at", "<", sentBefore.toISOString())
      .executeTakeFirst();
    await deleteUnusedAttachments(trx);
    return Number(deleted.numDeletedRows);
  });
}

/** The placeholder left in a failed row's payload once its content is past retention. */
const PURGED_PAYLOAD = JSON.stringify({ purged: true });

/**
 * Empties the payloads of rows that failed for good and were created before `cutoff` (ISO): the row stays as the
 * record of what did not arrive, its content (a letter's text) goes. Returns how many payloads were emptied.
 */
export async function purgeFailedPayloads(db: DB, cutoff: string): Promise<number> {
  const result = await db
    .updateTable("outbox")
    .set({ payload: PURGED_PAYLOAD })
    .where("status", "=", sql.lit<OutboxStatus>("failed"))
    .where("created_at", "<=", cutoff)
    .where("payload", "!=", PURGED_PAYLOAD)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Deletes the attachments no outbox row uses any more (after rows were deleted). */
export async function deleteUnusedAttachments(db: DB): Promise<void> {
  await db
    .deleteFrom("outbox_attachments")
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("outbox").select("outbox.id").whereRef("outbox.attachment_id", "=", "outbox_attachments.id"))),
    )
    .execute();
}
