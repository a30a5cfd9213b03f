/**
 * The scheduled directory sync inside the running bot: every DIRECTORY_SYNC_HOURS (off by default) it follows all
 * sources, then sends each admin a short summary through the outbox. Runs never overlap, and a sync started from the
 * command line at the same time makes this pass stop at once (the lock).
 */
import type { Clock } from "../../clock.js";
import type { DB } from "../../db/database.js";
import type { Locale } from "../../config.js";
import type { Logger } from "../../logger.js";
import { enqueue } from "../../outbox/enqueue.js";
import type { SyncConfig } from "./config.js";
import type { SourceSummary } from "./engine.js";
import { SyncAlreadyRunningError } from "./errors.js";
import { countOpenReviews } from "../../db/repositories/directory-sync.js";
import { storedLocalesOf } from "../../db/repositories/users.js";
import { escapeHtml } from "../../telegram/html.js";
import { createPeriodicJob } from "../periodic-job.js";

export interface DirectorySyncJob {
  start(): void;
  stop(): Promise<void>;
  /** One fresh pass now (tests, scripts), after any pass in progress; undefined when another process was syncing. */
  runOnce(): Promise<SourceSummary[] | undefined>;
}

export interface DirectorySyncJobDeps {
  db: DB;
  clock: Clock;
  logger: Logger;
  config: SyncConfig;
  admins: readonly number[];
  defaultLocale: Locale;
  translate(locale: Locale, key: string, args?: Record<string, string | number>): string;
}

export function syncSummaryText(deps: Pick<DirectorySyncJobDeps, "translate">, locale: Locale, summaries: readonly SourceSummary[], openReviews: number): string {
  const lines = [deps.translate(locale, "review-sync-summary")];
  for (const summary of summaries) {
    const { counts } = summary;
    const skipped = Object.values(counts.skipped).reduce((sum, number) => sum + number, 0);
    lines.push(
      summary.failed
        ? deps.translate(locale, "review-sync-failed", { source: summary.source, reason: escapeHtml(summary.failed.slice(0, 200)) })
        : deps.translate(locale, "review-sync-source", {
            source: summary.source,
            added: counts.added,
            updated: counts.updated,
            unchanged: counts.unchanged,
            conflicts: counts.conflicts,
            review: counts.review,
            skipped: `${skipped}${skipped > 0 ? ` (${Object.entries(counts.skipped).map(([reason, number]) => `${reason} ${number}`).join(", ")})` : ""}`,
            errors: counts.sourceErrors,
          }),
    );
  }
  if (openReviews > 0) lines.push(deps.translate(locale, "review-sync-open", { count: openReviews }));
  return lines.join("\n");
}

export function createDirectorySyncJob(deps: DirectorySyncJobDeps): DirectorySyncJob {
  async function pass(): Promise<SourceSummary[] | undefined> {
    let summaries: SourceSummary[];
    // Loaded with the first pass: the sources' parsers (cheerio with undici, fast-xml-parser, csv-parse) cost a
    // tenth of the bot's start-up and memory, and only the sync needs them.
    const { runDirectorySync } = await import("./engine.js");
    try {
      summaries = await runDirectorySync({
        db: deps.db,
        config: deps.config,
        sources: ["memorial", "ovd", "viasna", "fsin-pismo"],
        now: () => deps.clock.now(),
        log: (event, fields) => deps.logger.info({ event, ...fields }),
      });
    } catch (error) {
      if (error instanceof SyncAlreadyRunningError) {
        deps.logger.info({ event: "directory_sync_skipped", reason: "already running" });
        return undefined;
      }
      throw error;
    }
    const openReviews = await countOpenReviews(deps.db);
    const locales = await storedLocalesOf(deps.db, deps.admins);
    const at = deps.clock.now();
    await enqueue(
      deps.db,
      deps.admins.map((admin) => {
        const locale = (locales.get(admin) as Locale | null | undefined) ?? deps.defaultLocale;
        return {
          // A plain message to one person: the outbox's `notice` kind.
          kind: "notice",
          ref: `directory-sync:${at.toISOString()}:${admin}`,
          chatId: admin,
          method: "sendMessage" as const,
          payload: { text: syncSummaryText(deps, locale, summaries, openReviews), parse_mode: "HTML" as const },
        };
      }),
      { now: at },
    );
    deps.logger.info({ event: "directory_sync_done", sources: summaries.map((summary) => ({ source: summary.source, failed: summary.failed !== null, ...summary.counts })) });
    return summaries;
  }

  // Passes run in order: runOnce() always runs a fresh sync after one in progress (src/services/periodic-job.ts).
  return createPeriodicJob({
    pass,
    intervalMs: deps.config.scheduleHours * 3_600_000,
    onError: (error) => deps.logger.error({ event: "directory_sync_failed", error: (error as Error).message }),
  });
}
