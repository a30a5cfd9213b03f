import type { Insertable } from "kysely";
import type { DB } from "../db/database.js";
import type { OutboxTable } from "../db/tables/outbox.js";
import { fileFieldOf, isOutboxMethod } from "./methods.js";
import { notifyOutboxEnqueued } from "./signal.js";
import type { OutboxAttachmentInput, OutboxItem } from "./types.js";
import { systemClock } from "../clock.js";

/** 9 bound values per row keeps one INSERT under SQLite's 32,766-parameter limit. */
const ROWS_PER_INSERT = 1000;

/**
 * Stores messages to send. Call it with the transaction that writes the business record (the letter, the news
 * post), so either both exist or neither does. Returns the new row ids in the order of `items`.
 */
export async function enqueue(
  db: DB,
  items: OutboxItem | readonly OutboxItem[],
  options: { now?: Date } = {},
): Promise<number[]> {
  const list: readonly OutboxItem[] = Array.isArray(items) ? items : [items as OutboxItem];
  if (list.length === 0) return [];
  const now = (options.now ?? systemClock.now()).toISOString();
  const attachmentIds = new Map<OutboxAttachmentInput, number>();
  const rows: Insertable<OutboxTable>[] = [];
  for (const item of list) {
    rows.push(await toRow(db, item, now, attachmentIds));
  }
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const inserted = await db
      .insertInto("outbox")
      .values(rows.slice(start, start + ROWS_PER_INSERT))
      .returning("id")
      .execute();
    // One statement assigns ascending ids in VALUES order; RETURNING does not promise an order, so sort.
    ids.push(...inserted.map((row) => row.id).sort((a, b) => a - b));
  }
  notifyOutboxEnqueued();
  return ids;
}

/** Stores a file once for many rows (a broadcast); pass the id as `attachment`. */
export async function storeAttachment(db: DB, input: OutboxAttachmentInput, now = systemClock.now()): Promise<number> {
  if (!input.filename) throw new Error("outbox attachment needs a filename");
  if (input.bytes.byteLength === 0) throw new Error("outbox attachment is empty");
  const row = await db
    .insertInto("outbox_attachments")
    .values({ filename: input.filename, bytes: input.bytes, created_at: now.toISOString() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function toRow(
  db: DB,
  item: OutboxItem,
  now: string,
  attachmentIds: Map<OutboxAttachmentInput, number>,
): Promise<Insertable<OutboxTable>> {
  const problem = checkItem(item);
  if (problem) throw new Error(`outbox item for ${JSON.stringify(item.ref)} rejected: ${problem}`);
  let attachmentId: number | null = null;
  if (typeof item.attachment === "number") {
    attachmentId = item.attachment;
  } else if (item.attachment) {
    attachmentId = attachmentIds.get(item.attachment) ?? (await storeAttachment(db, item.attachment, new Date(now)));
    attachmentIds.set(item.attachment, attachmentId);
  }
  return {
    kind: item.kind,
    ref: item.ref,
    chat_id: item.chatId,
    method: item.method,
    payload: toJson(item.payload),
    attachment_id: attachmentId,
    priority: item.priority ?? 0,
    next_attempt_at: item.sendAt ? item.sendAt.toISOString() : now,
    created_at: now,
  };
}

/** Types already say most of this; the checks catch callers that build items from untyped data. */
function checkItem(item: OutboxItem): string | undefined {
  if (!item.kind || !item.ref) return "kind and ref are required";
  if (!Number.isSafeInteger(item.chatId) || item.chatId === 0) return "chatId must be a Telegram chat id";
  if (!isOutboxMethod(item.method)) return `method ${String(item.method)} is not supported`;
  if (typeof item.payload !== "object" || item.payload === null) return "payload must be an object";
  if ("chat_id" in item.payload) return "payload must not contain chat_id (it is the row's chatId)";
  if (item.priority !== undefined && !Number.isSafeInteger(item.priority)) return "priority must be an integer";
  if (item.sendAt && Number.isNaN(item.sendAt.getTime())) return "sendAt is not a valid date";
  const field = fileFieldOf(item.method);
  const inPayload = field !== undefined && typeof (item.payload as Record<string, unknown>)[field] === "string";
  if (field === undefined && item.attachment !== undefined) return `${item.method} takes no attachment`;
  if (field !== undefined && inPayload === (item.attachment !== undefined)) {
    return `${item.method} needs exactly one of payload.${field} (a file_id or URL) and attachment`;
  }
  return undefined;
}

/** Refuses values JSON would silently mangle (InputFile, Buffer, Date, Map…): the worker could not send them back. */
function toJson(payload: object): string {
  try {
    return JSON.stringify(payload, function (this: Record<string, unknown>, key: string, value: unknown) {
      // `value` has been through toJSON already (a Date arrives as a string): judge what the caller passed.
      const original = key === "" ? value : this[key];
      if (typeof original === "bigint" || typeof original === "function" || typeof original === "symbol") {
        throw new Error("not JSON");
      }
      if (typeof original === "object" && original !== null && !Array.isArray(original)) {
        const prototype: unknown = Object.getPrototypeOf(original);
        if (prototype !== Object.prototype && prototype !== null) throw new Error("not JSON");
      }
      return value;
    });
  } catch (error) {
    throw new Error("outbox payload must be plain JSON (pass file bytes as attachment)", { cause: error });
  }
}
