/**
 * `runDirectorySync`: one sync of one or more sources. Each batch of records is applied in one transaction together
 * with the run's cursor and counts (the last batch also ends the run), so a crash (even kill -9) loses at most the
 * batch in flight, and the next start resumes the unfinished run from its cursor: the end state is that of one clean
 * run. A lock row keeps a second sync from starting while one runs (a holder that died on this machine, or stopped
 * sending heartbeats, is replaced). The run importing an admin's uploaded file belongs to that file's message: only
 * the message delivered again resumes it, and once it ended its stored counts answer instead of a second import.
 */
import { hostname } from "node:os";
import { systemClock } from "../../clock.js";
import { listInstitutionAliasEntries } from "../../db/repositories/institution-aliases.js";
import {
  createRun,
  finishRun,
  latestRun,
  readLock,
  releaseLock,
  saveRunProgress,
  takeLock,
  touchLock,
} from "../../db/repositories/directory-sync.js";
import { inTransaction } from "../../db/repositories/directory-sync.js";
import { recordUploadRun, uploadRun } from "../../db/repositories/directory-uploads.js";
import type { MessageRef } from "../../db/message-ref.js";
import type { DB } from "../../db/database.js";
import type { PersonSource, SourceName } from "../../domain/directory-sources/types.js";
import { buildInstitutionIndex } from "../../domain/institutions/match.js";
import { applyCandidate, type ApplyOutcome, PeopleIndex } from "./apply.js";
import type { SyncConfig } from "./config.js";
import { type Batch, type FetchContext, memorialBatches, ovdBatches, viasnaBatches } from "./fetchers.js";
import { applyFsinPismoList, readFsinPismoList } from "./fsin-pismo.js";
import { PoliteClient } from "./http.js";
import { ensurePenitentiaryInstitutions } from "./institutions.js";
import { loadBelarusInstitutions } from "./belarus-institutions.js";
import { SyncAlreadyRunningError } from "./errors.js";
import { storedSummary } from "./summary.js";

export const LOCK_NAME = "directory-sync";
/** A holder on another machine whose heartbeat is older than this is taken to be gone. */
const STALE_AFTER_MS = 30 * 60 * 1000;

export interface SyncCounts {
  added: number;
  updated: number;
  unchanged: number;
  conflicts: number;
  review: number;
  skipped: Record<string, number>;
  sourceErrors: number;
}

export interface SourceSummary {
  source: SourceName;
  runId: number | null;
  resumed: boolean;
  counts: SyncCounts;
  errors: { reason: string; detail: string }[];
  /** Set when the source failed as a whole (unreachable, changed shape); what was stored before stays. */
  failed: string | null;
}

export interface SyncOptions {
  db: DB;
  config: SyncConfig;
  sources: readonly SourceName[];
  dryRun?: boolean;
  /** Import this file instead of downloading (Viasna export, FSIN-pismo list). */
  file?: string;
  /**
   * The FSIN-pismo file lists every served department, so facilities it does not name lose the flag. The download is
   * always complete; a file is taken as partial (it only adds) unless this says otherwise.
   */
  fsinPismoComplete?: boolean;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  onProgress?: (progress: { source: SourceName; processed: number; total: number | null }) => void;
  log?: (event: string, fields: Record<string, unknown>) => void;
  /**
   * The admin's message whose file this sync imports (one source): its run is recorded with the message when created,
   * so that the message delivered again resumes that run, or gets the summary the run stored once it ended.
   */
  upload?: MessageRef;
  /** `host:pid` of this process; tests pass their own to play two processes. */
  owner?: string;
  /** Whether a lock holder on this machine is still alive (default: signal 0 to its pid). */
  isAlive?: (pid: number) => boolean;
}

export { SyncAlreadyRunningError };

class DryRunRollback extends Error {}

export const emptyCounts = (): SyncCounts => ({ added: 0, updated: 0, unchanged: 0, conflicts: 0, review: 0, skipped: {}, sourceErrors: 0 });

function count(counts: SyncCounts, outcome: ApplyOutcome | `skipped:${string}`): void {
  if (outcome.startsWith("skipped:")) {
    const reason = outcome.slice("skipped:".length);
    counts.skipped[reason] = (counts.skipped[reason] ?? 0) + 1;
  } else if (outcome === "conflict") counts.conflicts += 1;
  else counts[outcome as "added" | "updated" | "unchanged" | "review"] += 1;
}

function defaultAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function runDirectorySync(options: SyncOptions): Promise<SourceSummary[]> {
  const { db } = options;
  if (options.upload) {
    // Its file was imported to the end before the process died (its summary not queued): what it did, not a second import.
    const run = await uploadRun(db, options.upload);
    if (run && run.state !== "running") return [storedSummary(run)];
  }
  const now = options.now ?? (() => systemClock.now());
  const owner = options.owner ?? `${hostname()}:${process.pid}`;
  const isAlive = options.isAlive ?? defaultAlive;
  const dryRun = options.dryRun ?? false;
  if (!dryRun) {
    const stale = (holder: { owner: string; heartbeat_at: string }) => {
      const [host, pid] = holder.owner.split(":");
      if (host === hostname() && pid && /^\d+$/.test(pid) && !isAlive(Number(pid))) return true;
      return now().getTime() - Date.parse(holder.heartbeat_at) > STALE_AFTER_MS;
    };
    if (!(await takeLock(db, LOCK_NAME, owner, now().toISOString(), stale))) {
      throw new SyncAlreadyRunningError((await readLock(db, LOCK_NAME))?.owner ?? "another process");
    }
  }
  if (dryRun) {
    // Everything a real run would do, in one transaction that is rolled back: later sources see earlier ones' cards.
    let result: SourceSummary[] = [];
    try {
      await inTransaction(db, async (trx) => {
        result = await syncSources({ ...options, db: trx }, now, true, owner);
        throw new DryRunRollback();
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
    return result;
  }
  try {
    return await syncSources(options, now, false, owner);
  } finally {
    await releaseLock(db, LOCK_NAME, owner);
  }
}

async function syncSources(options: SyncOptions, now: () => Date, dryRun: boolean, owner: string): Promise<SourceSummary[]> {
  const { db } = options;
  {
    await ensurePenitentiaryInstitutions(db, { now: now() });
    // Belarusian facilities: a small sourced file, upserted on every sync so a corrected record reaches the database.
    await loadBelarusInstitutions(db, { now: now() });
    const summaries: SourceSummary[] = [];
    for (const source of options.sources) {
      summaries.push(source === "fsin-pismo" ? await syncFsinPismo(options, now) : await syncPeople(options, source, now, dryRun, owner));
    }
    return summaries;
  }
}


/** A new run of `source`, recorded with the uploaded file's message (if any) in the same transaction. */
async function startRun(options: SyncOptions, source: SourceName, counts: SyncCounts, now: () => Date): Promise<number> {
  return inTransaction(options.db, async (trx) => {
    const id = await createRun(trx, source, false, JSON.stringify(counts), now().toISOString());
    if (options.upload) await recordUploadRun(trx, options.upload, id);
    return id;
  });
}

/** Ends a run as failed with what it counted: a source that failed as a whole is not resumed. */
async function failRun(db: DB, runId: number, summary: SourceSummary, highWater: string | null, at: string): Promise<void> {
  await saveRunProgress(db, runId, { cursor: null, highWater, counts: JSON.stringify(summary.counts), errors: JSON.stringify(summary.errors.slice(-50)) });
  await finishRun(db, runId, "failed", at);
}

function clientFor(options: SyncOptions, source: SourceName): PoliteClient {
  const settings = options.config.sources[source];
  return new PoliteClient({
    delayMs: settings.delayMs,
    timeoutMs: options.config.timeoutMs,
    userAgent: options.config.userAgent,
    backoffMs: Math.max(settings.delayMs, 500),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    onRetry: (info) => options.log?.("directory_sync_retry", { source, attempt: info.attempt, reason: info.reason }),
  });
}

async function syncFsinPismo(options: SyncOptions, now: () => Date): Promise<SourceSummary> {
  const { db } = options;
  const summary: SourceSummary = { source: "fsin-pismo", runId: null, resumed: false, counts: emptyCounts(), errors: [], failed: null };
  // An uploaded list is a run of its own, ended in the list's transaction: its message delivered again finds what it did.
  const own = options.upload ? await uploadRun(db, options.upload) : undefined;
  summary.resumed = own !== undefined;
  summary.runId = options.upload ? (own?.id ?? (await startRun(options, "fsin-pismo", summary.counts, now))) : null;
  const runId = summary.runId;
  try {
    const payload = await readFsinPismoList(clientFor(options, "fsin-pismo"), options.config.sources["fsin-pismo"].baseUrl, options.file);
    const complete = options.file === undefined || options.fsinPismoComplete === true;
    await inTransaction(db, async (trx) => {
      const { marked, unmarked, skipped } = await applyFsinPismoList(trx, payload, now(), { complete });
      summary.counts.updated = marked + unmarked;
      summary.counts.skipped = skipped;
      if (runId === null) return;
      await saveRunProgress(trx, runId, { cursor: null, highWater: null, counts: JSON.stringify(summary.counts), errors: "[]" });
      await finishRun(trx, runId, "finished", now().toISOString());
    });
  } catch (error) {
    summary.failed = (error as Error).message;
    summary.counts = { ...emptyCounts(), sourceErrors: 1 };
    summary.errors.push({ reason: "source-failed", detail: summary.failed });
    if (runId !== null) await failRun(db, runId, summary, null, now().toISOString());
  }
  return summary;
}

async function syncPeople(options: SyncOptions, source: PersonSource, now: () => Date, dryRun: boolean, owner: string): Promise<SourceSummary> {
  const { db } = options;
  // An uploaded file's message resumes its own run only (runDirectorySync answered for one that ended).
  const unfinished = dryRun ? undefined : options.upload ? await uploadRun(db, options.upload) : await latestRun(db, source, "running");
  const previous = await latestRun(db, source, "finished");
  const counts: SyncCounts = unfinished ? (JSON.parse(unfinished.counts) as SyncCounts) : emptyCounts();
  const errors: SourceSummary["errors"] = unfinished ? (JSON.parse(unfinished.errors) as SourceSummary["errors"]) : [];
  const runId = dryRun ? null : (unfinished?.id ?? (await startRun(options, source, counts, now)));
  const summary: SourceSummary = { source, runId, resumed: unfinished !== undefined, counts, errors, failed: null };
  const cursor = unfinished?.cursor ? (JSON.parse(unfinished.cursor) as { position: number }).position : null;
  let highWater = unfinished?.high_water ?? previous?.high_water ?? null;
  const fetchContext: FetchContext = {
    db,
    client: clientFor(options, source),
    baseUrl: options.config.sources[source].baseUrl,
    now,
    highWater: previous?.high_water ?? null,
    ...(options.file ? { file: options.file } : {}),
  };
  const batches: AsyncGenerator<Batch> =
    source === "memorial" ? memorialBatches(fetchContext, cursor ?? 1) : source === "ovd" ? ovdBatches(fetchContext, cursor ?? 0) : viasnaBatches(fetchContext, cursor ?? 0);
  const institutions = buildInstitutionIndex(await listInstitutionAliasEntries(db));
  const people = await PeopleIndex.load(db);
  let processed = 0;
  let ended = false;
  try {
    for await (const batch of batches) {
      const work = async (trx: DB) => {
        const context = { db: trx, now: now().toISOString(), institutions, people };
        for (const record of batch.records) count(counts, await applyCandidate(context, record));
        for (const skipped of batch.skipped) count(counts, `skipped:${skipped.reason}`);
        counts.sourceErrors += batch.errors.length;
        errors.push(...batch.errors);
        if (batch.highWater && (highWater === null || batch.highWater > highWater)) highWater = batch.highWater;
        if (runId !== null) {
          await saveRunProgress(trx, runId, {
            cursor: batch.next === null ? null : JSON.stringify({ position: batch.next }),
            highWater,
            counts: JSON.stringify(counts),
            errors: JSON.stringify(errors.slice(-50)),
          });
          await touchLock(trx, LOCK_NAME, owner, now().toISOString());
          // The last batch ends the run with it: a death right after leaves no run to resume from its first row again.
          if (batch.next === null) await finishRun(trx, runId, "finished", now().toISOString());
        }
      };
      await inTransaction(db, work);
      ended = batch.next === null;
      processed += batch.records.length + batch.skipped.length;
      options.onProgress?.({ source, processed, total: batch.total });
      options.log?.("directory_sync_batch", { source, records: batch.records.length, next: batch.next });
    }
    if (runId !== null && !ended) await finishRun(db, runId, "finished", now().toISOString());
  } catch (error) {
    // The run stays `running` with its cursor only for a crash; a source that failed is closed as failed.
    summary.failed = (error as Error).message;
    counts.sourceErrors += 1;
    errors.push({ reason: "source-failed", detail: (error as Error).message });
    if (runId !== null) await failRun(db, runId, summary, previous?.high_water ?? null, now().toISOString());
    options.log?.("directory_sync_source_failed", { source, reason: (error as Error).message });
  }
  return summary;
}
