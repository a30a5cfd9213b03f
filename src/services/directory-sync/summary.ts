import type { SyncRunRow } from "../../db/repositories/directory-sync.js";
import type { SourceName } from "../../domain/directory-sources/types.js";
import type { SourceSummary, SyncCounts } from "./engine.js";

/** What an ended run stored: its counts and errors, and why it failed (its last "source-failed" error). */
export function storedSummary(run: SyncRunRow): SourceSummary {
  const errors = JSON.parse(run.errors) as SourceSummary["errors"];
  const failure = [...errors].reverse().find((error) => error.reason === "source-failed");
  const failed = run.state === "failed" ? (failure?.detail ?? "failed") : null;
  return { source: run.source as SourceName, runId: run.id, resumed: false, counts: JSON.parse(run.counts) as SyncCounts, errors, failed };
}

/** One line per source, for the terminal and logs (names no person). */
export function describeSyncSummary(summaries: readonly SourceSummary[], dryRun = false): string {
  const lines = summaries.map((summary) => {
    const { counts } = summary;
    const skipped = Object.entries(counts.skipped).map(([reason, number]) => `${reason} ${number}`).join(", ");
    return (
      `${summary.source}${summary.resumed ? " (resumed)" : ""}: ${counts.added} added, ${counts.updated} updated, ` +
      `${counts.unchanged} unchanged, ${counts.conflicts} conflicts, ${counts.review} to review, ` +
      `skipped ${skipped || "none"}, ${counts.sourceErrors} source errors` +
      (summary.failed ? `; FAILED: ${summary.failed}` : "")
    );
  });
  return (dryRun ? ["Dry run: nothing was written.", ...lines] : lines).join("\n");
}
