import type { Api } from "grammy";
import type { InputFile } from "grammy";
import { fileFieldOf, type OutboxMethod } from "./methods.js";
import type { OutboxRow } from "./types.js";

/** A raw Bot API call with already-validated parameters. */
type RawCall = (params: Record<string, unknown>, signal?: AbortSignal) => Promise<unknown>;

/**
 * Calls the row's method through grammY's `Api`, so transformers and `apiRoot` apply as for any other call.
 * `payload` was checked against the method's parameter type when it was enqueued; the database only gives it back
 * as JSON, hence the one cast to a plain call signature.
 */
export function callMethod(
  api: Api,
  row: OutboxRow,
  method: OutboxMethod,
  file: InputFile | string | undefined,
  signal: AbortSignal,
): Promise<unknown> {
  const params: Record<string, unknown> = { ...(JSON.parse(row.payload) as Record<string, unknown>), chat_id: row.chat_id };
  const field = fileFieldOf(method);
  if (field !== undefined && file !== undefined) params[field] = file;
  const call = api.raw[method] as unknown as RawCall;
  return call(params, signal);
}

/** The message id Telegram answered with: Message and MessageId carry one; edits of inline messages answer `true`. */
export function messageIdOf(result: unknown): number | null {
  if (typeof result !== "object" || result === null || !("message_id" in result)) return null;
  return typeof result.message_id === "number" ? result.message_id : null;
}

/** The file_id of what was just uploaded, to reuse for the next chat. */
export function uploadedFileIdOf(result: unknown, method: OutboxMethod): string | undefined {
  if (typeof result !== "object" || result === null) return undefined;
  if (method === "sendDocument" && "document" in result) {
    const document = result.document;
    if (typeof document === "object" && document !== null && "file_id" in document && typeof document.file_id === "string") {
      return document.file_id;
    }
  }
  if (method === "sendPhoto" && "photo" in result && Array.isArray(result.photo)) {
    const largest: unknown = result.photo.at(-1);
    if (typeof largest === "object" && largest !== null && "file_id" in largest && typeof largest.file_id === "string") {
      return largest.file_id;
    }
  }
  return undefined;
}

/** The edited message's id when Telegram says nothing changed. */
export function editedMessageIdOf(row: OutboxRow): number | null {
  const payload = JSON.parse(row.payload) as { message_id?: unknown };
  return typeof payload.message_id === "number" ? payload.message_id : null;
}
