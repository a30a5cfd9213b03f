import type { DB } from "../database.js";
import type { MessageRef } from "../message-ref.js";

/** True once the import of the export file in this message is done and its summary queued (`recordUpload`). */
export async function uploadImported(db: DB, upload: MessageRef): Promise<boolean> {
  const row = await db
    .selectFrom("directory_uploads")
    .select("imported_at")
    .where("chat_id", "=", upload.chatId)
    .where("message_id", "=", upload.messageId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function recordUpload(db: DB, upload: MessageRef, at: Date): Promise<void> {
  await db.insertInto("directory_uploads").values({ chat_id: upload.chatId, message_id: upload.messageId, imported_at: at.toISOString() }).execute();
}
