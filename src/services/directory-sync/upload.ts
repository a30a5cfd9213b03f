/**
 * An export file an admin sends to the bot (Viasna's CSV, FSIN-pismo's list as JSON): the same import as
 * `npm run directory:sync -- --source … --file`, with the same provenance and merging, frozen with the date in the
 * file's name (else the day of the import). A file is partial for FSIN-pismo: it only adds (see fsin-pismo.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { DB } from "../../db/database.js";
import type { SourceName } from "../../domain/directory-sources/types.js";
import type { SyncConfig } from "./config.js";
import type { SourceSummary } from "./engine.js";
import { countOpenReviews } from "../../db/repositories/directory-sync.js";
import { inTransaction } from "../../db/database.js";
import { recordUpload, uploadRun } from "../../db/repositories/directory-uploads.js";
import type { MessageRef } from "../../db/message-ref.js";
import { enqueue } from "../../outbox/enqueue.js";
import { storedSummary } from "./summary.js";

export { uploadImported } from "../../db/repositories/directory-uploads.js";

/** What an upload's import did, for the admin's summary. */
export interface UploadResult {
  summaries: SourceSummary[];
  openReviews: number;
}

/**
 * How far the import of the file in `upload` got before this delivery of its message: not begun; begun (its run
 * stopped in the middle when the process died, and resumes from its cursor with the file downloaded again); or ended
 * (the process died after its last batch, before the summary was queued), with what it did.
 */
export async function uploadProgress(db: DB, upload: MessageRef): Promise<"none" | "begun" | { ended: UploadResult }> {
  const run = await uploadRun(db, upload);
  if (!run) return "none";
  if (run.state === "running") return "begun";
  return { ended: { summaries: [storedSummary(run)], openReviews: await countOpenReviews(db) } };
}

/** Telegram lets bots download files up to 20 MB; the largest real export (Viasna, ~1,500 rows) is far below this. */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** Which source a file is, by its extension: the two sources without a stable download. */
export function uploadSource(fileName: string): SourceName | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".csv")) return "viasna";
  if (lower.endsWith(".json")) return "fsin-pismo";
  return undefined;
}

/** Imports the file of `upload`'s message, or resumes the import its earlier delivery began. */
export async function importUploadedFile(
  input: { db: DB; config: SyncConfig; now: () => Date; log?: (event: string, fields: Record<string, unknown>) => void },
  file: { name: string; bytes: Buffer },
  upload: MessageRef,
): Promise<UploadResult> {
  const source = uploadSource(file.name);
  if (!source) throw new Error("not an export file");
  const dir = mkdtempSync(join(tmpdir(), "lysty-upload-"));
  try {
    // The name carries the export's date (list_889_30-08-2026.csv); only its last part is used, never a path.
    const path = join(dir, basename(file.name).replace(/[^\p{L}\p{N}._-]/gu, "_"));
    writeFileSync(path, file.bytes);
    // Loaded on use, as in the scheduler: the engine brings every source's parser.
    const { runDirectorySync } = await import("./engine.js");
    const summaries = await runDirectorySync({ db: input.db, config: input.config, sources: [source], file: path, upload, now: input.now, ...(input.log ? { log: input.log } : {}) });
    // The admin's summary says how many disagreements now wait in /review.
    return { summaries, openReviews: await countOpenReviews(input.db) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The import of the file in `upload` is done: records its message and queues the summary to the admin in one
 * transaction. Telegram delivers the message again when the process died before the update was recorded handled;
 * the bot asks `uploadImported` first, so the file is imported and summarised once. A death before this transaction
 * is answered by `uploadProgress`: the import's run, recorded with the message, resumes or tells what it did.
 */
export async function finishUpload(db: DB, upload: MessageRef, summary: string, now: Date): Promise<void> {
  await inTransaction(db, async (trx) => {
    await recordUpload(trx, upload, now);
    await enqueue(
      trx,
      {
        // A plain message to one person: the outbox's `notice` kind.
        kind: "notice",
        ref: `directory-upload:${upload.chatId}:${upload.messageId}`,
        chatId: upload.chatId,
        method: "sendMessage",
        payload: { text: summary, parse_mode: "HTML" },
      },
      { now },
    );
  });
}
