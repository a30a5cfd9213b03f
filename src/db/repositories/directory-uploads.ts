import type { DB } from "../database.js";
import type { MessageRef } from "../message-ref.js";
import type { SyncRunRow } from "./directory-sync.js";

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

/** The sync run importing the file of `upload` (recorded with the run's creation); undefined before its import began. */
export async function uploadRun(db: DB, upload: MessageRef): Promise<SyncRunRow | undefined> {
  return db
    .selectFrom("directory_upload_runs")
    .innerJoin("directory_sync_runs", "directory_sync_runs.id", "directory_upload_runs.run_id")
    .selectAll("directory_sync_runs")
    .where("directory_upload_runs.chat_id", "=", upload.chatId)
    .where("directory_upload_runs.message_id", "=", upload.messageId)
    .executeTakeFirst();
}

export async function recordUploadRun(db: DB, upload: MessageRef, runId: number): Promise<void> {
  await db.insertInto("directory_upload_runs").values({ chat_id: upload.chatId, message_id: upload.messageId, run_id: runId }).execute();
}
