import type { DB } from "../database.js";

/** An export file's message, once its import is done and its summary queued. */
export interface UploadMessage {
  chatId: number;
  messageId: number;
}

export async function uploadImported(db: DB, upload: UploadMessage): Promise<boolean> {
  const row = await db
    .selectFrom("directory_uploads")
    .select("imported_at")
    .where("chat_id", "=", upload.chatId)
    .where("message_id", "=", upload.messageId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function recordUpload(db: DB, upload: UploadMessage, at: Date): Promise<void> {
  await db.insertInto("directory_uploads").values({ chat_id: upload.chatId, message_id: upload.messageId, imported_at: at.toISOString() }).execute();
}
