import * as v from "valibot";

/**
 * What is kept of a censorship check once a letter is finished: how many findings of each category and severity.
 * Never the excerpts: they are pieces of the letter, and the letter text itself is purged after retention.
 */
export type FindingsSummary = Record<string, Record<string, number>>;

/** Accepts the censorship module's findings (or anything with a category and a severity) and keeps only counts. */
export function summariseFindings(findings: readonly { category: string; severity: string }[]): FindingsSummary {
  const summary: FindingsSummary = {};
  for (const { category, severity } of findings) {
    const bySeverity = (summary[category] ??= {});
    bySeverity[severity] = (bySeverity[severity] ?? 0) + 1;
  }
  return summary;
}

const SummarySchema = v.record(v.string(), v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(0))));

export function serialiseFindingsSummary(summary: FindingsSummary): string {
  return JSON.stringify(v.parse(SummarySchema, summary));
}

export function parseFindingsSummary(json: string): FindingsSummary {
  return v.parse(SummarySchema, JSON.parse(json));
}
