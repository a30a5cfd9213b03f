import { InputFile } from "grammy";
import type { DB } from "../db/database.js";

interface CachedAttachment {
  filename: string;
  /** Null once Telegram knows the file: then only `telegramFileId` is needed. */
  bytes: Uint8Array | null;
  telegramFileId: string | null;
}

/** Enough for every file of a few concurrent broadcasts; beyond it the cache starts over. */
const MAX_CACHED = 64;

/**
 * Attachment bytes for claimed rows, loaded once per file rather than once per row, and Telegram's file_id as soon
 * as one upload succeeded, so a broadcast of one document uploads it once (or a few times, with sends in flight).
 */
export class AttachmentCache {
  private readonly cache = new Map<number, CachedAttachment>();

  constructor(private readonly db: DB) {}

  async load(ids: Iterable<number>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.cache.has(id));
    if (missing.length === 0) return;
    if (this.cache.size + missing.length > MAX_CACHED) this.cache.clear();
    const rows = await this.db
      .selectFrom("outbox_attachments")
      .select(["id", "filename", "telegram_file_id"])
      .select((eb) => eb.case().when("telegram_file_id", "is", null).then(eb.ref("bytes")).else(null).end().as("bytes"))
      .where("id", "in", missing)
      .execute();
    for (const row of rows) {
      this.cache.set(row.id, { filename: row.filename, bytes: row.bytes, telegramFileId: row.telegram_file_id });
    }
  }

  /** What to put in the method's file parameter; undefined if the attachment row is gone. */
  fileFor(id: number): InputFile | string | undefined {
    const cached = this.cache.get(id);
    if (!cached) return undefined;
    if (cached.telegramFileId) return cached.telegramFileId;
    return cached.bytes ? new InputFile(cached.bytes, cached.filename) : undefined;
  }

  /** Remembers the file_id from a successful upload; the database copy is written with the row's outcome. */
  learned(id: number, telegramFileId: string): void {
    const cached = this.cache.get(id);
    if (cached && !cached.telegramFileId) this.cache.set(id, { ...cached, bytes: null, telegramFileId });
  }

  /** Whether a successful send of this attachment should teach us its file_id. */
  needsFileId(id: number): boolean {
    return !this.cache.get(id)?.telegramFileId;
  }
}
