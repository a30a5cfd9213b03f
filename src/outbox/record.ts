import { type Expression, sql } from "kysely";
import type { DB } from "../db/database.js";
import type { OutboxStatus } from "../db/tables/outbox.js";
import type { Logger } from "../logger.js";
import { formatError } from "./classify.js";
import type { Outcome } from "./outcomes.js";
import type { ForbiddenDecision, OutboxHandlers, OutboxRow } from "./types.js";

type SentOutcome = Extract<Outcome, { type: "sent" }>;

/** Rows per bulk "mark sent" UPDATE: 3 bound values each, well under SQLite's parameter limit. */
const SENT_PER_STATEMENT = 400;

export interface RecordResult {
  /** Outcomes the database refused even one by one; the worker keeps them for another try. */
  unwritten: Outcome[];
  /** Forbidden rows their handler kept for `releaseHeld`. */
  held: number;
  /** Forbidden rows that ended failed. */
  forbiddenFailed: number;
}

export interface RecordContext {
  owner: string;
  handlers: OutboxHandlers;
  logger: Logger;
  now: Date;
}

/**
 * Writes a batch of outcomes in one transaction, running each kind's handler inside it. If anything throws (most
 * likely a feature's handler), each outcome is retried in its own transaction so one bad row cannot keep the
 * others unrecorded, which would make them go out again.
 */
export async function recordOutcomes(db: DB, outcomes: readonly Outcome[], context: RecordContext): Promise<RecordResult> {
  const result: RecordResult = { unwritten: [], held: 0, forbiddenFailed: 0 };
  if (outcomes.length === 0) return result;
  try {
    await db.transaction().execute((trx) => applyOutcomes(trx, outcomes, context, true, result));
    return result;
  } catch (error) {
    context.logger.warn({ err: errorName(error), outcomes: outcomes.length }, "outbox batch record failed; recording rows one by one");
  }
  result.held = 0;
  result.forbiddenFailed = 0;
  for (const outcome of outcomes) {
    try {
      await db.transaction().execute((trx) => applyOutcomes(trx, [outcome], context, true, result));
    } catch (error) {
      context.logger.error(
        { err: errorName(error), outbox_id: outcome.row.id, kind: outcome.row.kind, outcome: outcome.type },
        "outbox handler failed; recording the row without it",
      );
      try {
        await db.transaction().execute((trx) => applyOutcomes(trx, [outcome], context, false, result));
      } catch {
        result.unwritten.push(outcome);
      }
    }
  }
  return result;
}

async function applyOutcomes(
  db: DB,
  outcomes: readonly Outcome[],
  context: RecordContext,
  withHandlers: boolean,
  result: RecordResult,
) {
  // The other outcomes first: their handlers write people's rows (a "blocked" mark on `users`), `onSent` writes
  // relayed letters' rows. /forget and retention's finish take the person's row before their relayed letters' rows;
  // recording in the opposite order beside them deadlocked on Postgres (docs/production.md, "Postgres").
  for (const outcome of outcomes) {
    if (outcome.type !== "sent") await applyOne(db, outcome, context, withHandlers, result);
  }
  const sent = outcomes.filter((outcome): outcome is SentOutcome => outcome.type === "sent");
  for (let start = 0; start < sent.length; start += SENT_PER_STATEMENT) {
    await markSent(db, sent.slice(start, start + SENT_PER_STATEMENT), context, withHandlers);
  }
}

/** One UPDATE for many rows; only rows still under this worker's lease change, and only they get `onSent`. */
async function markSent(db: DB, outcomes: SentOutcome[], context: RecordContext, withHandlers: boolean) {
  const sentAt = context.now.toISOString();
  const messageIds = sql<number | null>`case id ${sql.join(
    // The cast types the parameter: Postgres would otherwise take it for text and refuse it for a bigint column.
    outcomes.map((outcome) => sql`when ${outcome.row.id} then cast(${outcome.messageId} as bigint)`),
    sql` `,
  )} end`;
  const updated = await db
    .updateTable("outbox")
    .set({ status: "sent", sent_at: sentAt, sent_message_id: messageIds, lease_owner: null, lease_until: null })
    .where("id", "in", outcomes.map((outcome) => outcome.row.id))
    .where((eb) => leased(eb.ref("status"), eb.ref("lease_owner"), context.owner))
    .returning("id")
    .execute();
  const recorded = new Set(updated.map((row) => row.id));
  for (const outcome of outcomes) {
    if (!recorded.has(outcome.row.id)) {
      warnLeaseLost(context, outcome);
      continue;
    }
    if (outcome.telegramFileId && outcome.row.attachment_id !== null) {
      await db
        .updateTable("outbox_attachments")
        .set({ telegram_file_id: outcome.telegramFileId })
        .where("id", "=", outcome.row.attachment_id)
        .where("telegram_file_id", "is", null)
        .execute();
    }
    const handler = withHandlers ? context.handlers[outcome.row.kind]?.onSent : undefined;
    if (handler) {
      const row: OutboxRow = { ...outcome.row, status: "sent", sent_at: sentAt, sent_message_id: outcome.messageId };
      await handler(db, row, { messageId: outcome.messageId });
    }
  }
}

async function applyOne(
  db: DB,
  outcome: Exclude<Outcome, SentOutcome>,
  context: RecordContext,
  withHandlers: boolean,
  result: RecordResult,
) {
  const { row } = outcome;
  const handlers = withHandlers ? context.handlers[row.kind] : undefined;
  const base = { lease_owner: null, lease_until: null };
  const update = db
    .updateTable("outbox")
    .where("id", "=", row.id)
    .where((eb) => leased(eb.ref("status"), eb.ref("lease_owner"), context.owner));
  switch (outcome.type) {
    case "release": {
      const updated = await update
        .set({ ...base, status: "pending", next_attempt_at: outcome.at.toISOString(), chat_id: outcome.toChatId ?? row.chat_id })
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) warnLeaseLost(context, outcome);
      return;
    }
    case "retry": {
      const updated = await update
        .set({
          ...base,
          status: "pending",
          next_attempt_at: outcome.at.toISOString(),
          attempts: outcome.counted ? row.attempts + 1 : row.attempts,
          last_error: formatError(outcome.error),
        })
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) return warnLeaseLost(context, outcome);
      // The chat's later messages wait too, whichever instance claims them: a 429 is about the chat, and a retried
      // message must not be overtaken by the next one.
      await db
        .updateTable("outbox")
        .set({ next_attempt_at: outcome.at.toISOString() })
        .where("chat_id", "=", row.chat_id)
        .where("status", "=", sql.lit<OutboxStatus>("pending"))
        .where("next_attempt_at", "<", outcome.at.toISOString())
        .execute();
      return;
    }
    case "migrated": {
      const updated = await update
        .set({ ...base, status: "pending", chat_id: outcome.toChatId, next_attempt_at: outcome.at.toISOString(), last_error: formatError(outcome.error) })
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) return warnLeaseLost(context, outcome);
      // Everything else still addressed to the old group follows it.
      await db
        .updateTable("outbox")
        .set({ chat_id: outcome.toChatId })
        .where("chat_id", "=", row.chat_id)
        .where("status", "in", ["pending", "held"])
        .execute();
      await handlers?.onChatMigrated?.(db, row, outcome.toChatId);
      return;
    }
    case "failed":
    case "forbidden": {
      const attempts = row.attempts + 1;
      const last_error = formatError(outcome.error);
      const updated = await update.set({ ...base, status: "failed", attempts, last_error }).executeTakeFirst();
      if (updated.numUpdatedRows === 0n) return warnLeaseLost(context, outcome);
      const failed: OutboxRow = { ...row, ...base, status: "failed", attempts, last_error };
      let decision: ForbiddenDecision = "failed";
      if (outcome.type === "forbidden" && handlers?.onForbidden) {
        decision = await handlers.onForbidden(db, failed, outcome.error);
      }
      if (decision === "held") {
        await db.updateTable("outbox").set({ status: "held" }).where("id", "=", row.id).execute();
        result.held += 1;
      } else {
        await handlers?.onFailed?.(db, failed, outcome.error);
        if (outcome.type === "forbidden") result.forbiddenFailed += 1;
      }
      return;
    }
  }
}

/** `status = 'sending' and lease_owner = owner`: a worker only records rows it still holds. */
function leased(status: Expression<string>, owner: Expression<string | null>, me: string) {
  return sql<boolean>`${status} = 'sending' and ${owner} = ${me}`;
}

/**
 * The row's lease ran out and another worker may have sent it again: the duplicate window the Bot API leaves open
 * (it has no idempotency key). Nothing to record; the other worker owns the row now.
 */
function warnLeaseLost(context: RecordContext, outcome: Outcome): void {
  context.logger.warn({ outbox_id: outcome.row.id, kind: outcome.row.kind, outcome: outcome.type }, "outbox lease lost before recording");
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 200) : "unknown";
}
