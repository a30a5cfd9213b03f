/**
 * Scores a censorship check on the frozen held-out set. Pure: the check is passed in, nothing is read or printed
 * here (`load.ts` reads the files, `cli.ts` prints). The definitions are the training corpus's (test/censorship/
 * corpus.ts): a risky sentence is found when EVERY expected category is reported; a safe sentence is a false positive
 * when ANY category is reported; `language` findings are scored apart and never count here.
 */
import type { CategoryId, CheckResult, LetterLanguage, PrisonSystem } from "../../../src/domain/censorship/index.js";

export interface HoldoutSentence {
  id: string;
  lang: LetterLanguage;
  system: PrisonSystem;
  text: string;
  risky: boolean;
  /** The kind: a normalisation trick, a missing vocabulary, a rule family, or an innocent look-alike. */
  kind: string;
  /** Categories a correct check must report; empty for a safe sentence. */
  categories: CategoryId[];
  note?: string | undefined;
}

export interface HoldoutPassage {
  /** Occurs exactly once in the letter (paragraphs joined by a blank line). */
  text: string;
  categories: CategoryId[];
  kind: string;
}

export interface HoldoutLetter {
  id: string;
  lang: LetterLanguage;
  system: PrisonSystem;
  note: string;
  paragraphs: string[];
  /** Empty for a clean letter. */
  passages: HoldoutPassage[];
}

export type Check = (text: string, system: PrisonSystem) => CheckResult;

/** Recall over risky items and false-positive rate over safe items of one group (a language, a kind...). */
export interface GroupScore {
  risky: number;
  found: number;
  recall: number | null;
  safe: number;
  alarms: number;
  falsePositiveRate: number | null;
}

export interface SentenceOutcome {
  item: HoldoutSentence;
  reported: CategoryId[];
  /** Risky: every expected category reported. Safe: nothing reported. */
  correct: boolean;
}

export interface PassageOutcome {
  passage: HoldoutPassage;
  start: number;
  end: number;
  found: boolean;
}

export interface LetterOutcome {
  letter: HoldoutLetter;
  passages: PassageOutcome[];
  /** Content findings that overlap no labelled passage: alarms on innocent text. */
  strayFindings: { category: CategoryId; excerpt: string }[];
  /** Every passage found and no stray finding. */
  correct: boolean;
}

export interface HoldoutReport {
  overall: GroupScore;
  byLanguage: Map<string, GroupScore>;
  byKind: Map<string, GroupScore>;
  /** Per category: recall over risky sentences expecting it; alarms = safe sentences where it was reported. */
  byCategory: Map<string, GroupScore>;
  sentences: SentenceOutcome[];
  letters: LetterOutcome[];
  letterSummary: {
    letters: number;
    correct: number;
    passages: number;
    passagesFound: number;
    cleanLetters: number;
    cleanLettersWithAlarms: number;
    strayFindings: number;
  };
}

const contentFindings = (result: CheckResult) => result.findings.filter((finding) => finding.category !== "language");

function emptyGroup(): GroupScore {
  return { risky: 0, found: 0, recall: null, safe: 0, alarms: 0, falsePositiveRate: null };
}

function finish(group: GroupScore): GroupScore {
  return {
    ...group,
    recall: group.risky === 0 ? null : group.found / group.risky,
    falsePositiveRate: group.safe === 0 ? null : group.alarms / group.safe,
  };
}

function groupOf(groups: Map<string, GroupScore>, key: string): GroupScore {
  let group = groups.get(key);
  if (group === undefined) {
    group = emptyGroup();
    groups.set(key, group);
  }
  return group;
}

function tally(group: GroupScore, outcome: SentenceOutcome): void {
  if (outcome.item.risky) {
    group.risky++;
    if (outcome.correct) group.found++;
  } else {
    group.safe++;
    if (!outcome.correct) group.alarms++;
  }
}

const finishAll = (groups: Map<string, GroupScore>): Map<string, GroupScore> =>
  new Map([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([key, group]) => [key, finish(group)]));

export function scoreSentence(item: HoldoutSentence, result: CheckResult): SentenceOutcome {
  const reported = [...new Set(contentFindings(result).map((finding) => finding.category))].sort();
  const correct = item.risky
    ? item.categories.every((category) => reported.includes(category))
    : reported.length === 0;
  return { item, reported, correct };
}

export function scoreLetter(letter: HoldoutLetter, result: CheckResult): LetterOutcome {
  const text = letter.paragraphs.join("\n\n");
  const findings = contentFindings(result);
  const overlaps = (finding: { start: number; end: number }, start: number, end: number) =>
    finding.start < end && start < finding.end;
  const passages = letter.passages.map((passage): PassageOutcome => {
    const start = text.indexOf(passage.text);
    if (start < 0) throw new Error(`${letter.id}: passage not in the letter: ${passage.text}`);
    const end = start + passage.text.length;
    const found = passage.categories.every((category) =>
      findings.some((finding) => finding.category === category && overlaps(finding, start, end)),
    );
    return { passage, start, end, found };
  });
  const strayFindings = findings
    .filter((finding) => !passages.some((passage) => overlaps(finding, passage.start, passage.end)))
    .map(({ category, excerpt }) => ({ category, excerpt }));
  return {
    letter,
    passages,
    strayFindings,
    correct: passages.every((passage) => passage.found) && strayFindings.length === 0,
  };
}

export function evaluateHoldout(
  sentences: readonly HoldoutSentence[],
  letters: readonly HoldoutLetter[],
  check: Check,
): HoldoutReport {
  const overall = emptyGroup();
  const byLanguage = new Map<string, GroupScore>();
  const byKind = new Map<string, GroupScore>();
  const byCategory = new Map<string, GroupScore>();
  const outcomes = sentences.map((item) => scoreSentence(item, check(item.text, item.system)));
  for (const outcome of outcomes) {
    tally(overall, outcome);
    tally(groupOf(byLanguage, outcome.item.lang), outcome);
    tally(groupOf(byKind, outcome.item.kind), outcome);
    if (outcome.item.risky) {
      for (const category of outcome.item.categories) {
        const group = groupOf(byCategory, category);
        group.risky++;
        if (outcome.reported.includes(category)) group.found++;
      }
    }
  }
  const safeTotal = outcomes.filter((outcome) => !outcome.item.risky).length;
  for (const category of new Set(outcomes.filter((o) => !o.item.risky).flatMap((o) => o.reported))) {
    groupOf(byCategory, category).alarms = outcomes.filter(
      (outcome) => !outcome.item.risky && outcome.reported.includes(category),
    ).length;
  }
  for (const group of byCategory.values()) group.safe = safeTotal;

  const letterOutcomes = letters.map((letter) =>
    scoreLetter(letter, check(letter.paragraphs.join("\n\n"), letter.system)),
  );
  const clean = letterOutcomes.filter((outcome) => outcome.letter.passages.length === 0);
  return {
    overall: finish(overall),
    byLanguage: finishAll(byLanguage),
    byKind: finishAll(byKind),
    byCategory: finishAll(byCategory),
    sentences: outcomes,
    letters: letterOutcomes,
    letterSummary: {
      letters: letterOutcomes.length,
      correct: letterOutcomes.filter((outcome) => outcome.correct).length,
      passages: letterOutcomes.reduce((sum, outcome) => sum + outcome.passages.length, 0),
      passagesFound: letterOutcomes.reduce((sum, outcome) => sum + outcome.passages.filter((p) => p.found).length, 0),
      cleanLetters: clean.length,
      cleanLettersWithAlarms: clean.filter((outcome) => outcome.strayFindings.length > 0).length,
      strayFindings: letterOutcomes.reduce((sum, outcome) => sum + outcome.strayFindings.length, 0),
    },
  };
}

const percent = (value: number | null): string => (value === null ? "—" : `${(value * 100).toFixed(1)}%`);

function table(title: string, groups: Map<string, GroupScore>): string[] {
  const rows = [...groups].map(([key, group]) => [
    key,
    group.risky === 0 ? "" : `${group.found}/${group.risky}`,
    percent(group.recall),
    group.safe === 0 ? "" : `${group.alarms}/${group.safe}`,
    percent(group.falsePositiveRate),
  ]);
  const header = [title, "found", "recall", "alarms", "false pos."];
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ");
  return [line(header), ...rows.map(line)];
}

/** The plain-text report `npm run eval:holdout` prints; `details` adds every miss, alarm and letter finding. */
export function formatReport(report: HoldoutReport, details = false): string {
  const { overall, letterSummary: letters } = report;
  const lines = [
    `held-out sentences: recall ${percent(overall.recall)} (${overall.found}/${overall.risky} risky found), ` +
      `false positives ${percent(overall.falsePositiveRate)} (${overall.alarms}/${overall.safe} safe flagged)`,
    "",
    ...table("language", report.byLanguage),
    "",
    ...table("kind", report.byKind),
    "",
    ...table("category", report.byCategory),
    "",
    `letters: ${letters.correct}/${letters.letters} exactly right; passages found ${letters.passagesFound}/${letters.passages}; ` +
      `clean letters with an alarm ${letters.cleanLettersWithAlarms}/${letters.cleanLetters}; stray findings ${letters.strayFindings}`,
    ...report.letters.map(
      (outcome) =>
        `  ${outcome.correct ? "ok  " : "FAIL"} ${outcome.letter.id}: passages ` +
        `${outcome.passages.filter((p) => p.found).length}/${outcome.passages.length}, stray ${outcome.strayFindings.length}`,
    ),
  ];
  if (details) {
    lines.push("");
    for (const outcome of report.sentences.filter((o) => !o.correct)) {
      const what = outcome.item.risky ? `missed [${outcome.item.categories.join(",")}]` : "false positive";
      lines.push(`  ${outcome.item.id} ${what}, reported [${outcome.reported.join(",")}]: ${outcome.item.text}`);
    }
    for (const outcome of report.letters) {
      for (const passage of outcome.passages.filter((p) => !p.found)) {
        lines.push(`  ${outcome.letter.id} missed [${passage.passage.categories.join(",")}]: ${passage.passage.text}`);
      }
      for (const stray of outcome.strayFindings) {
        lines.push(`  ${outcome.letter.id} stray ${stray.category}: ${stray.excerpt}`);
      }
    }
  }
  return lines.join("\n");
}
