/**
 * Keeps the organiser's progress message true while a broadcast runs: sent / total, failed, time left. Edits are
 * throttled (Telegram allows about one message a second per chat, and an edit that changes nothing is refused);
 * when nothing is left to send, that same message becomes the report: one completion message per broadcast. Only when
 * it can no longer be edited (deleted, too old) does the report go out as a new message through the outbox.
 */
import { type Api, GrammyError } from "grammy";
import { escapeHtml } from "../../telegram/html.js";
import type { Clock } from "../../clock.js";
import type { Locale } from "../../config.js";
import { type DB, inTransaction } from "../../db/database.js";
import { forgetProgressMessage, markNewsReported, recordProgressShown, unreportedNewsPosts } from "../../db/repositories/news.js";
import type { NewsPost } from "../../db/tables/news.js";
import type { Logger } from "../../logger.js";
import { getPrisonerBySlug } from "../../db/repositories/prisoners.js";
import { type BroadcastCounts, roundedDuration, secondsLeft } from "../../domain/news/progress.js";
import { DIGEST_LOCAL_HOUR } from "../../domain/news/time-zone.js";
import { enqueue, progressOf } from "../../outbox/index.js";
import { NEWS_KIND, newsRefPrefix } from "./publish.js";
import type { Translate } from "../../telegram/i18n.js";
import { resolveLocale } from "../../telegram/locale.js";
import { prisonerName } from "../../domain/directory/names.js";
import { isNotModified } from "../../telegram/api-errors.js";

/** At most one edit of a progress message per this many milliseconds. */
export const PROGRESS_EDIT_INTERVAL_MS = 3_000;

export interface ProgressContext {
  db: DB;
  api: Api;
  /** Read afresh around each edit: a slow pass must not make two edits closer than the interval. */
  clock: Clock;
  t: Translate;
  defaultLocale: Locale;
  logger: Logger;
}

export async function reportBroadcastProgress(context: ProgressContext): Promise<void> {
  for (const post of await unreportedNewsPosts(context.db)) {
    await reportOne(context, post);
  }
}

async function reportOne(context: ProgressContext, post: NewsPost): Promise<void> {
  const { db, clock, t, defaultLocale } = context;
  const progress = await progressOf(db, newsRefPrefix(post.id));
  const counts: BroadcastCounts = {
    total: progress.total,
    sent: progress.sent,
    failed: progress.failed + progress.held,
    waiting: progress.waiting,
  };
  const locale = resolveLocale(post.author_locale, defaultLocale);
  const prisoner = await getPrisonerBySlug(db, post.prisoner_slug);
  const name = prisoner ? prisonerName(prisoner.names, locale, "list") : post.prisoner_slug;
  const finished = counts.waiting === 0;
  // The final state waits for its turn too: it is only a few seconds, and the interval is what Telegram sees.
  const editedAt = post.progress_edited_at ? Date.parse(post.progress_edited_at) : 0;
  const now = clock.now();
  if (now.getTime() - editedAt < PROGRESS_EDIT_INTERVAL_MS) return;
  const elapsedMs = now.getTime() - Date.parse(post.published_at);
  const text = finished
    ? reportText(t, locale, name, counts, post.digest_count)
    : progressText(t, locale, name, counts, post.digest_count, secondsLeft(counts, elapsedMs));
  const shown = text === post.progress_text ? "shown" : await showProgress(context, post, text);
  if (!finished || shown === "retry") return;
  await inTransaction(db, async (trx) => {
    if (!(await markNewsReported(trx, post.id, now))) return;
    // The progress message now reads as the report; a new message only when there was none to edit.
    if (post.progress_chat_id === null || shown === "shown") return;
    await enqueue(
      trx,
      {
        kind: NEWS_KIND,
        ref: `newsreport:${post.id}`,
        chatId: post.progress_chat_id,
        method: "sendMessage",
        // Outranks broadcasts: the organiser waits for it.
        priority: 10,
        payload: { text: escapeHtml(reportText(t, locale, name, counts, post.digest_count)), parse_mode: "HTML" },
      },
      { now },
    );
  });
}

/** Edits the progress message: "shown", "retry" (a later pass tries again) or "gone" (no message to edit any more). */
async function showProgress(context: ProgressContext, post: NewsPost, text: string): Promise<"shown" | "retry" | "gone"> {
  const { db, api, clock, logger } = context;
  if (post.progress_chat_id === null || post.progress_message_id === null) return "gone";
  try {
    await api.editMessageText(post.progress_chat_id, post.progress_message_id, escapeHtml(text), { parse_mode: "HTML" });
  } catch (error) {
    if (isNotModified(error)) {
      // Telegram already shows this text: nothing to do but remember it.
    } else if (error instanceof GrammyError && error.error_code === 429) {
      // The broadcast is using the bot's budget; the next pass tries again.
      return "retry";
    } else if (error instanceof GrammyError && error.error_code === 400) {
      logger.info({ news_id: post.id, code: error.error_code }, "news progress message cannot be edited any more");
      await forgetProgressMessage(db, post.id);
      return "gone";
    } else {
      logger.warn({ news_id: post.id, err: error instanceof Error ? error.name : "unknown" }, "news progress edit failed");
      return "retry";
    }
  }
  // The time the edit was answered: the next one is due an interval after Telegram saw this one, not before.
  await recordProgressShown(db, post.id, text, clock.now());
  return "shown";
}

function progressText(t: Translate, locale: Locale, name: string, counts: BroadcastCounts, digest: number, seconds: number): string {
  const { unit, value } = roundedDuration(seconds);
  const lines = [
    t(locale, "news-progress-sending", { name, sent: counts.sent, total: counts.total, failed: counts.failed }),
    t(locale, unit === "seconds" ? "news-progress-eta-seconds" : "news-progress-eta-minutes", { value }),
  ];
  if (digest > 0) lines.push(t(locale, "news-progress-digest", { count: digest, hour: DIGEST_LOCAL_HOUR }));
  return lines.join("\n");
}

function reportText(t: Translate, locale: Locale, name: string, counts: BroadcastCounts, digest: number): string {
  if (counts.total === 0) {
    return digest === 0
      ? t(locale, "news-report-nobody", { name })
      : t(locale, "news-report-digest-only", { name, count: digest, hour: DIGEST_LOCAL_HOUR });
  }
  const lines = [t(locale, "news-report", { name, sent: counts.sent, total: counts.total, failed: counts.failed })];
  if (counts.failed > 0) lines.push(t(locale, "news-report-failed-hint", { failed: counts.failed }));
  if (digest > 0) lines.push(t(locale, "news-progress-digest", { count: digest, hour: DIGEST_LOCAL_HOUR }));
  return lines.join("\n");
}
