import type { Opts } from "grammy/types";

/** Bot API methods the outbox can send. Each is a plain JSON call, except the file of sendDocument/sendPhoto. */
export const OUTBOX_METHODS = [
  "sendMessage",
  "sendDocument",
  "sendPhoto",
  "copyMessage",
  "forwardMessage",
  "editMessageText",
  "editMessageReplyMarkup",
] as const;

export type OutboxMethod = (typeof OUTBOX_METHODS)[number];

/** The parameter that carries the file when bytes are stored as an attachment. */
export const FILE_FIELD = { sendDocument: "document", sendPhoto: "photo" } as const satisfies Partial<
  Record<OutboxMethod, string>
>;

type FileMethod = keyof typeof FILE_FIELD;
type FileFieldOf<M extends OutboxMethod> = M extends FileMethod ? (typeof FILE_FIELD)[M] : never;

/**
 * A method's parameters as stored: without `chat_id` (the row's column, so a group's move to a supergroup is one
 * UPDATE) and with the file, if any, only as a Telegram file_id or URL string; bytes go in `attachment`.
 */
export type OutboxPayload<M extends OutboxMethod> = Omit<Opts<M>, "chat_id" | FileFieldOf<M>> & {
  [K in FileFieldOf<M>]?: string;
};

export function isOutboxMethod(method: string): method is OutboxMethod {
  return (OUTBOX_METHODS as readonly string[]).includes(method);
}

export function isEditMethod(method: OutboxMethod): boolean {
  return method === "editMessageText" || method === "editMessageReplyMarkup";
}

export function fileFieldOf(method: OutboxMethod): string | undefined {
  return method in FILE_FIELD ? FILE_FIELD[method as FileMethod] : undefined;
}
