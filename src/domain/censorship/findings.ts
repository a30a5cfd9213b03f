import type { SeverityAdjustment } from "./lexicon-schema.js";
import type { Hit } from "./match.js";
import { CATEGORY_IDS, type CategoryId, type CheckOptions, type Finding, type Severity, SEVERITIES } from "./types.js";

/** 0 for `block`, the most severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

// The keys of each variant built once, not two strings per finding (issue 16 speed: less garbage).
const keysByVariant = new Map<string, { explanationKey: string; suggestionKey: string }>();

export function explanationKeys(variant: string): { explanationKey: string; suggestionKey: string } {
  let keys = keysByVariant.get(variant);
  if (keys === undefined) {
    keys = { explanationKey: `censorship-${variant}-why`, suggestionKey: `censorship-${variant}-instead` };
    keysByVariant.set(variant, keys);
  }
  return keys;
}

/**
 * Turns lexicon hits into findings: applies the severity adjustments for the system and the prisoner's status,
 * drops fallback heuristics that another finding already covers, and merges overlapping hits of one category
 * («военные преступления» hit by a phrase and by a prefix) into one finding.
 */
export function buildFindings(
  text: string,
  hits: readonly Hit[],
  adjustments: readonly SeverityAdjustment[],
  options: CheckOptions,
): Finding[] {
  // Plain loops: the filters' closures (one per hit for the inner test) were garbage of every letter (issue 16,
  // allocation).
  const findings: Finding[] = [];
  for (const hit of hits) {
    if (!hit.rule.entry.fallback || !overlapsSpecific(hit, hits)) findings.push(toFinding(text, hit, adjustments, options));
  }
  return mergeOverlapping(text, findings);
}

/** Whether a hit that is not a fallback heuristic overlaps `hit`. */
function overlapsSpecific(hit: Hit, hits: readonly Hit[]): boolean {
  for (const other of hits) if (!other.rule.entry.fallback && overlaps(hit, other)) return true;
  return false;
}

function toFinding(text: string, hit: Hit, adjustments: readonly SeverityAdjustment[], options: CheckOptions): Finding {
  const { category } = hit.rule.entry;
  let severity = hit.rule.entry.severity;
  let variant: string = hit.rule.entry.explanation ?? category;
  for (const adjustment of adjustments) {
    if (!adjustmentApplies(adjustment, category, options)) continue;
    if (severityRank(adjustment.raiseTo) < severityRank(severity)) severity = adjustment.raiseTo;
    if (adjustment.explanation) variant = adjustment.explanation;
  }
  // Written out rather than spread from explanationKeys: one object shape, same key order (the CLI's JSON shows it).
  const keys = explanationKeys(variant);
  return {
    category,
    severity,
    start: hit.start,
    end: hit.end,
    excerpt: text.slice(hit.start, hit.end),
    explanationKey: keys.explanationKey,
    suggestionKey: keys.suggestionKey,
    ruleId: hit.rule.entry.id,
  };
}

function adjustmentApplies(adjustment: SeverityAdjustment, category: CategoryId, options: CheckOptions): boolean {
  if (adjustment.category !== category) return false;
  if (adjustment.systems && !adjustment.systems.includes(options.system)) return false;
  if (adjustment.statuses && !adjustment.statuses.includes(options.status ?? "unknown")) return false;
  return true;
}

const CATEGORY_RANKS: ReadonlyMap<CategoryId, number> = new Map(CATEGORY_IDS.map((category, index) => [category, index]));

/** The category's place in CATEGORY_IDS (a Map lookup, not a search per comparison). */
export function categoryRank(category: CategoryId): number {
  return CATEGORY_RANKS.get(category) ?? -1;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Sorts `findings` (its own array) by category and span and merges overlapping ones of a category. */
function mergeOverlapping(text: string, findings: Finding[]): Finding[] {
  const ordered = findings.sort(
    (a, b) => categoryRank(a.category) - categoryRank(b.category) || a.start - b.start || a.end - b.end,
  );
  const merged: Finding[] = [];
  for (const finding of ordered) {
    const previous = merged[merged.length - 1];
    if (!previous || previous.category !== finding.category || !overlaps(previous, finding)) {
      merged.push(finding);
      continue;
    }
    const stronger = severityRank(finding.severity) < severityRank(previous.severity) ? finding : previous;
    // Both are this call's own objects (toFinding's): the stronger takes the span in place rather than as a copy per
    // merge (issue 16, p99: garbage).
    stronger.start = Math.min(previous.start, finding.start);
    stronger.end = Math.max(previous.end, finding.end);
    stronger.excerpt = text.slice(stronger.start, stronger.end);
    merged[merged.length - 1] = stronger;
  }
  return merged;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => a.start - b.start || severityRank(a.severity) - severityRank(b.severity) || a.end - b.end,
  );
}
