import type { SourceSummary } from "./engine.js";

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
