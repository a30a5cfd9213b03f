import type { Translate } from "./translate.js";
import type { CheckOptions, CheckResult, Finding } from "./types.js";

/**
 * A plain-text report of a check for organisers screening letters in a terminal. Each explanation is printed
 * once, under the first finding that needs it, so a letter with ten war words does not repeat the same paragraph.
 */
export function renderReport(result: CheckResult, options: CheckOptions, t: Translate): string {
  const lines = [t("censorship-report-title"), t("censorship-report-system", { system: t(`censorship-system-${options.system}`) })];
  if (options.status) lines.push(t("censorship-report-status", { status: t(`censorship-status-${options.status}`) }));
  lines.push(t("censorship-report-stats", { ...result.stats }));
  if (result.language.detected.length > 0) {
    const names = result.language.detected.map((language) => t(`censorship-language-name-${language}`));
    lines.push(t("censorship-report-languages", { languages: names.join(", ") }));
    lines.push(t(result.language.acceptable ? "censorship-report-language-ok" : "censorship-report-language-not-ok"));
  }
  lines.push("");
  if (result.findings.length === 0) {
    lines.push(t("censorship-report-clean"));
    return `${lines.join("\n")}\n`;
  }
  lines.push(t("censorship-report-found", { count: result.findings.length }));
  const explained = new Set<string>();
  result.findings.forEach((finding, index) => {
    lines.push("", `${index + 1}. ${describeFinding(finding, t)}`);
    if (explained.has(finding.explanationKey)) return;
    explained.add(finding.explanationKey);
    lines.push(`   ${t("censorship-report-why")} ${t(finding.explanationKey)}`);
    lines.push(`   ${t("censorship-report-instead")} ${t(finding.suggestionKey)}`);
  });
  return `${lines.join("\n")}\n`;
}

function describeFinding(finding: Finding, t: Translate): string {
  return t("censorship-report-finding", {
    category: t(`censorship-category-${finding.category}`),
    severity: t(`censorship-severity-${finding.severity}`),
    // People count characters from 1; offsets count from 0.
    start: finding.start + 1,
    end: finding.end,
    excerpt: finding.excerpt.replace(/\s+/gu, " "),
  });
}
