import type { CheckResult, Finding, Severity } from "../../../../domain/censorship/index.js";
import type { FlowContext } from "../../../context.js";
import { escapeHtml } from "../../../../telegram/html.js";
import { bold, tHtml } from "./text.js";

const SEVERITY_MARK: Record<Severity, string> = { block: "⛔", danger: "⚠️", advice: "💬" };
const SEVERITY_ORDER: readonly Severity[] = ["block", "danger", "advice"];
/** Quoted fragments per group; the rest is counted. */
const MAX_EXCERPTS = 4;

interface FindingGroup {
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

export function renderCheckReport(ctx: FlowContext, result: CheckResult): string[] {
  if (result.findings.length === 0) return [tHtml(ctx, "letter-ui-check-clean")];
  const severe = result.highestSeverity === "block" || result.highestSeverity === "danger";
  const blocks = [
    bold(tHtml(ctx, severe ? "letter-ui-check-found-severe" : "letter-ui-check-found-advice", { count: result.findings.length })),
  ];
  for (const group of groupFindings(result.findings)) {
    const { first } = group;
    const title = `${SEVERITY_MARK[group.severity]} ${bold(escapeHtml(ctx.t(`censorship-category-${first.category}`)))} — ${escapeHtml(
      ctx.t(`censorship-severity-${group.severity}`),
    )}`;
    const shown = group.excerpts.slice(0, MAX_EXCERPTS).map((excerpt) => `«${escapeHtml(excerpt)}»`);
    const more = group.excerpts.length - shown.length;
    const lines = [title, more > 0 ? `${shown.join(", ")} ${tHtml(ctx, "letter-ui-check-more", { count: more })}` : shown.join(", ")];
    if (first.category === "language" && result.language.primary) {
      const language = ctx.t(`censorship-language-name-${result.language.primary}`);
      lines.push(tHtml(ctx, "letter-ui-check-language-detected", { language }));
    }
    lines.push(`${bold(tHtml(ctx, "letter-ui-check-why"))} ${escapeHtml(ctx.t(first.explanationKey))}`);
    lines.push(`${bold(tHtml(ctx, "letter-ui-check-instead"))} ${escapeHtml(ctx.t(first.suggestionKey))}`);
    blocks.push(lines.join("\n"));
  }
  return blocks;
}
