import type { CheckResult, Finding, LetterLanguage, Severity } from "../../../../domain/censorship/index.js";
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
  /** The distinct fragments quoted, first found first; a group on the screen keeps only the ones it can quote. */
  excerpts: string[];
  /** How many distinct fragments the group has, quoted or not. */
  excerptCount: number;
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
      groups.set(key, { severity: finding.severity, first: finding, excerpts: [finding.excerpt], excerptCount: 1, count: 1 });
      continue;
    }
    group.count++;
    if (SEVERITY_ORDER.indexOf(finding.severity) < SEVERITY_ORDER.indexOf(group.severity)) group.severity = finding.severity;
    if (!group.excerpts.includes(finding.excerpt)) group.excerptCount = group.excerpts.push(finding.excerpt);
  }
  return [...groups.values()].sort(
    (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.first.start - b.first.start,
  );
}

/** Groups with a line and a "why?" button each; the rest are counted in one line. */
export const MAX_LINES = 6;

/**
 * What the findings screen and its "why?" answers show of a check: the groups with a line (each with the fragments it
 * can quote), the findings of the other groups counted, the letter's main language (named for a language finding
 * without one of its own). The flow keeps this instead of the check's result, so that what it clones and stores for
 * the screen stays the same size however many findings a long letter has (issue 14, thirteenth round).
 */
export interface FindingsScreen {
  findings: number;
  highestSeverity: Severity | null;
  primary: LetterLanguage | null;
  shown: FindingGroup[];
  hidden: number;
}

export function findingsScreen(result: CheckResult): FindingsScreen {
  const groups = groupFindings(result.findings);
  return {
    findings: result.findings.length,
    highestSeverity: result.highestSeverity,
    primary: result.language.primary,
    shown: groups.slice(0, MAX_LINES).map((group) => ({ ...group, excerpts: group.excerpts.slice(0, MAX_EXCERPTS) })),
    hidden: groups.slice(MAX_LINES).reduce((sum, group) => sum + group.count, 0),
  };
}
/** A quoted fragment in a one-line finding is cut to this many characters. */
const LINE_EXCERPT = 32;

function cut(excerpt: string, max: number): string {
  const chars = [...excerpt.replace(/\s+/gu, " ").trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

function languageName(ctx: FlowContext, finding: Finding, screen: FindingsScreen): string {
  const language = finding.language ?? screen.primary ?? "other";
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
export function renderCheckSummary(ctx: FlowContext, screen: FindingsScreen): string[] {
  const severe = screen.highestSeverity === "block" || screen.highestSeverity === "danger";
  const header = bold(tHtml(ctx, severe ? "letter-ui-check-found-severe" : "letter-ui-check-found-advice", { count: screen.findings }));
  const lines = screen.shown.map((group, index) => {
    const { first } = group;
    const quoted = group.excerpts.slice(0, 2).map((excerpt) => `«${escapeHtml(cut(excerpt, LINE_EXCERPT))}»`);
    const more = group.excerptCount - quoted.length;
    const words = more > 0 ? `${quoted.join(", ")} ${tHtml(ctx, "letter-ui-check-more", { count: more })}` : quoted.join(", ");
    const suggestion =
      first.category === "language"
        ? tHtml(ctx, `letter-screens-short-language-${languageVariant(first)}`, { language: languageName(ctx, first, screen) })
        : tHtml(ctx, `letter-screens-short-${shortVariant(first)}`);
    return `${index + 1}. ${SEVERITY_MARK[group.severity]} ${words} → ${suggestion}`;
  });
  if (screen.hidden > 0) lines.push(tHtml(ctx, "letter-screens-check-hidden", { count: screen.hidden }));
  return [header, lines.join("\n"), tHtml(ctx, "letter-screens-check-footer")];
}

/** A finding's explanation on demand: the category, every quoted fragment, why, and what instead. */
export function renderFindingWhy(ctx: FlowContext, screen: FindingsScreen, group: FindingGroup, number: number): string {
  const { first } = group;
  const title = `${number}. ${SEVERITY_MARK[group.severity]} ${bold(escapeHtml(ctx.t(`censorship-category-${first.category}`)))} — ${escapeHtml(
    ctx.t(`censorship-severity-${group.severity}`),
  )}`;
  const shown = group.excerpts.slice(0, MAX_EXCERPTS).map((excerpt) => `«${escapeHtml(cut(excerpt, 80))}»`);
  const more = group.excerptCount - shown.length;
  const lines = [title, more > 0 ? `${shown.join(", ")} ${tHtml(ctx, "letter-ui-check-more", { count: more })}` : shown.join(", ")];
  if (first.category === "language") lines.push(tHtml(ctx, "letter-ui-check-language-detected", { language: languageName(ctx, first, screen) }));
  lines.push(`${bold(tHtml(ctx, "letter-ui-check-why"))} ${escapeHtml(ctx.t(first.explanationKey))}`);
  lines.push(`${bold(tHtml(ctx, "letter-ui-check-instead"))} ${escapeHtml(ctx.t(first.suggestionKey))}`);
  return lines.join("\n");
}
