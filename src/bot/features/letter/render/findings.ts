import type { CheckResult, Finding, Severity } from "../../../../domain/censorship/index.js";
import type { FlowContext } from "../../../context.js";
import { escapeHtml } from "../../../../telegram/html.js";
import { bold, tHtml } from "./text.js";

const SEVERITY_MARK: Record<Severity, string> = { block: "⛔", danger: "⚠️", advice: "💬" };
const SEVERITY_ORDER: readonly Severity[] = ["block", "danger", "advice"];
/** Quoted fragments per group; the rest is counted. */
const MAX_EXCERPTS = 4;

export interface FindingGroup {
  severity: Severity;
  first: Finding;
  excerpts: string[];
  count: number;
}

/**
 * Findings grouped by what they share (category and explanation), the gravest group first: each quotes the writer's
 * fragments (escaped), says why they matter and what to write instead, in the writer's language.
 */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const key = `${finding.category}|${finding.explanationKey}`;
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { severity: finding.severity, first: finding, excerpts: [finding.excerpt], count: 1 });
      continue;
    }
    group.count++;
    if (SEVERITY_ORDER.indexOf(finding.severity) < SEVERITY_ORDER.indexOf(group.severity)) group.severity = finding.severity;
    if (!group.excerpts.includes(finding.excerpt)) group.excerpts.push(finding.excerpt);
  }
  return [...groups.values()].sort(
    (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.first.start - b.first.start,
  );
}

/** Groups with a line and a "why?" button each; the rest are counted in one line. */
export const MAX_LINES = 6;
/** A quoted fragment in a one-line finding is cut to this many characters. */
const LINE_EXCERPT = 32;

function cut(excerpt: string, max: number): string {
  const chars = [...excerpt.replace(/\s+/gu, " ").trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

function languageName(ctx: FlowContext, finding: Finding, result: CheckResult): string {
  const language = finding.language ?? result.language.primary ?? "other";
  return ctx.t(`censorship-language-name-${language}`);
}

/** Which short suggestion a language finding gets: Latin letters, or the languages Russia or Belarus accept. */
function languageVariant(finding: Finding): "latin" | "by" | "ru" {
  if (finding.explanationKey.includes("-latin-")) return "latin";
  return finding.explanationKey.includes("-by-") ? "by" : "ru";
}

/** Explanation variants with a short suggestion of their own (the writer's city is `war`, but "no war and army"
 * would not tell them what to change). */
export const OWN_SHORT_SUGGESTION: ReadonlySet<string> = new Set(["war-city"]);

function shortVariant(finding: Finding): string {
  const variant = finding.explanationKey.replace(/^censorship-/u, "").replace(/-why$/u, "");
  return OWN_SHORT_SUGGESTION.has(variant) ? variant : finding.category;
}

/**
 * The check on one screen (issue 15): a header whose grammar follows the count, then one line per kind of finding
 * (severity mark, the quoted words, a short suggestion); why it matters is one "why?" press away (`renderFindingWhy`).
 */
export function renderCheckSummary(ctx: FlowContext, result: CheckResult, groups: readonly FindingGroup[]): string[] {
  const severe = result.highestSeverity === "block" || result.highestSeverity === "danger";
  const header = bold(tHtml(ctx, severe ? "letter-ui-check-found-severe" : "letter-ui-check-found-advice", { count: result.findings.length }));
  const lines = groups.slice(0, MAX_LINES).map((group, index) => {
    const { first } = group;
    const quoted = group.excerpts.slice(0, 2).map((excerpt) => `«${escapeHtml(cut(excerpt, LINE_EXCERPT))}»`);
    const more = group.excerpts.length - quoted.length;
    const words = more > 0 ? `${quoted.join(", ")} ${tHtml(ctx, "letter-ui-check-more", { count: more })}` : quoted.join(", ");
    const suggestion =
      first.category === "language"
        ? tHtml(ctx, `letter-screens-short-language-${languageVariant(first)}`, { language: languageName(ctx, first, result) })
        : tHtml(ctx, `letter-screens-short-${shortVariant(first)}`);
    return `${index + 1}. ${SEVERITY_MARK[group.severity]} ${words} → ${suggestion}`;
  });
  const hidden = groups.slice(MAX_LINES).reduce((sum, group) => sum + group.count, 0);
  if (hidden > 0) lines.push(tHtml(ctx, "letter-screens-check-hidden", { count: hidden }));
  return [header, lines.join("\n"), tHtml(ctx, "letter-screens-check-footer")];
}

/** A finding's explanation on demand: the category, every quoted fragment, why, and what instead. */
export function renderFindingWhy(ctx: FlowContext, result: CheckResult, group: FindingGroup, number: number): string {
  const { first } = group;
  const title = `${number}. ${SEVERITY_MARK[group.severity]} ${bold(escapeHtml(ctx.t(`censorship-category-${first.category}`)))} — ${escapeHtml(
    ctx.t(`censorship-severity-${group.severity}`),
  )}`;
  const shown = group.excerpts.slice(0, MAX_EXCERPTS).map((excerpt) => `«${escapeHtml(cut(excerpt, 80))}»`);
  const more = group.excerpts.length - shown.length;
  const lines = [title, more > 0 ? `${shown.join(", ")} ${tHtml(ctx, "letter-ui-check-more", { count: more })}` : shown.join(", ")];
  if (first.category === "language") lines.push(tHtml(ctx, "letter-ui-check-language-detected", { language: languageName(ctx, first, result) }));
  lines.push(`${bold(tHtml(ctx, "letter-ui-check-why"))} ${escapeHtml(ctx.t(first.explanationKey))}`);
  lines.push(`${bold(tHtml(ctx, "letter-ui-check-instead"))} ${escapeHtml(ctx.t(first.suggestionKey))}`);
  return lines.join("\n");
}
