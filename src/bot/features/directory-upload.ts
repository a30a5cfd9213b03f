/**
 * Admins send an export file to the bot (Viasna's CSV, FSIN-pismo's list as JSON) instead of running
 * `npm run directory:sync -- --file` on the server: it is downloaded from Telegram, imported through the same sync
 * with provenance, and the admin gets the summary (through the outbox, queued with the record of the file's message,
 * so a file Telegram delivers again is imported and summarised once; a death during the import resumes its run, or,
 * after its last batch, summarises what the run stored). Anyone else sending such a file is refused; other documents
 * pass on to the features behind (a reply photo for a letter, the "not understood" hint).
 */
import { Composer } from "grammy";
import type { Locale } from "../../config.js";
import { SyncAlreadyRunningError } from "../../services/directory-sync/errors.js";
import { syncSummaryText } from "../../services/directory-sync/scheduler.js";
import {
  finishUpload,
  importUploadedFile,
  UPLOAD_MAX_BYTES,
  uploadImported,
  uploadProgress,
  type UploadResult,
  uploadSource,
} from "../../services/directory-sync/upload.js";
import { downloadTelegramFile } from "../../telegram/files.js";
import type { MessageRef } from "../../db/message-ref.js";
import type { BotContext } from "../context.js";
import { localeOf } from "../locale.js";
import { isAdmin } from "../roles.js";

const DOWNLOAD_TIMEOUT_MS = 60_000;

const composer = new Composer<BotContext>();

composer.chatType("private").on("message:document", async (ctx, next) => {
  const { document } = ctx.message;
  const name = document.file_name ?? "";
  if (!uploadSource(name)) return next();
  if (!isAdmin(ctx)) {
    await ctx.reply(ctx.t("directory-upload-admins-only"));
    return;
  }
  if ((document.file_size ?? 0) > UPLOAD_MAX_BYTES) {
    await ctx.reply(ctx.t("directory-upload-too-big", { megabytes: UPLOAD_MAX_BYTES / 1024 / 1024 }));
    return;
  }
  const { db, clock } = ctx.deps;
  const upload = { chatId: ctx.chat.id, messageId: ctx.message.message_id };
  // Delivered again after its summary was queued (the process died before the update was recorded handled).
  if (await uploadImported(db, upload)) return;
  const progress = await uploadProgress(db, upload);
  const result = typeof progress === "object" ? progress.ended : await importDocument(ctx, { name, fileId: document.file_id }, upload, progress === "begun");
  if (!result) return;
  const locale = localeOf(ctx) as Locale;
  const text = syncSummaryText({ translate: (_locale, key, args) => ctx.t(key, args) }, locale, result.summaries, result.openReviews);
  await finishUpload(db, upload, text, clock.now());
});

/** Downloads and imports the file (resumes its import when `begun`); undefined when the admin was told why not. */
async function importDocument(ctx: BotContext, file: { name: string; fileId: string }, upload: MessageRef, begun: boolean): Promise<UploadResult | undefined> {
  const { config, db, clock } = ctx.deps;
  let bytes: Buffer;
  try {
    bytes = await downloadTelegramFile(ctx.api, { apiRoot: config.telegramApiRoot, token: config.botToken }, file.fileId, {
      maxBytes: UPLOAD_MAX_BYTES,
      timeoutMs: DOWNLOAD_TIMEOUT_MS,
    });
  } catch (error) {
    ctx.logger.warn({ event: "directory_upload_download_failed", reason: (error as Error).message });
    await ctx.reply(ctx.t("directory-upload-download-failed"));
    return undefined;
  }
  // The admin was told once, before the run that records the import began.
  if (!begun) await ctx.reply(ctx.t("directory-upload-started"));
  try {
    return await importUploadedFile(
      { db, config: config.directorySync, now: () => clock.now(), log: (event, fields) => ctx.logger.info({ event, ...fields }) },
      { name: file.name, bytes },
      upload,
    );
  } catch (error) {
    if (!(error instanceof SyncAlreadyRunningError)) throw error;
    await ctx.reply(ctx.t("directory-upload-running"));
    return undefined;
  }
}

/** Section 3, after the letter feature (a document answering "a reply came" is the letter feature's). */
export { composer as directoryUploadFeature };
