/**
 * The golden output of the censorship check (issue 16, speed work): every finding, in full, of the corpus, the
 * development sets and letters, and a digest of the findings of each letter `bench:censorship` times. Speed work
 * must leave it unchanged; a change of what the check finds updates it on purpose (`update.ts`) in its own commit,
 * which says why. The frozen held-out sets are not part of it: nobody tuning the check may read them.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { buildBenchLetters } from "../../../bench/censorship-letters.js";
import { checkLetter, type CheckOptions, type CheckResult } from "../../../src/domain/censorship/index.js";
import { loadLetters, loadSentenceFiles } from "../corpus.js";

export const GOLDEN_FILE = new URL("./findings.json", import.meta.url);

interface GoldenText {
  id: string;
  text: string;
  options: CheckOptions;
  /** Bench letters are many and long: only a digest of their findings is kept. */
  digest: boolean;
}

/** One snapshot entry per text: its findings in full, or their count and digest. */
export type Golden = Record<string, string[] | { count: number; sha256: string }>;

function goldenTexts(): GoldenText[] {
  const sentenceFolders = [new URL("../corpus/", import.meta.url), new URL("../dev/", import.meta.url)];
  const letterFiles = [new URL("../corpus/letters.json", import.meta.url), new URL("../dev/letters-4.json", import.meta.url)];
  const texts: GoldenText[] = [];
  for (const folder of sentenceFolders) {
    for (const item of loadSentenceFiles(folder)) {
      texts.push({ id: `${item.file}:${item.id}`, text: item.text, options: { system: item.system, status: item.status }, digest: false });
    }
  }
  for (const file of letterFiles) {
    for (const item of loadLetters(file)) {
      texts.push({ id: `letter:${item.id}`, text: item.text, options: { system: item.system, status: item.status }, digest: false });
    }
  }
  for (const [index, letter] of buildBenchLetters().entries()) {
    texts.push({ id: `bench:${index}`, text: letter.text, options: { system: letter.system }, digest: true });
  }
  return texts;
}

/** A finding as one line: what a user sees (category, severity, where, why) and which rule said it. */
function describeFindings(result: CheckResult): string[] {
  return result.findings.map(
    (finding) =>
      `${finding.category} ${finding.severity} ${finding.start}-${finding.end} ${finding.ruleId} ` +
      `${finding.explanationKey} ${finding.suggestionKey} ${JSON.stringify(finding.excerpt)}`,
  );
}

export function computeGolden(): Golden {
  const golden: Golden = {};
  for (const { id, text, options, digest } of goldenTexts()) {
    const lines = describeFindings(checkLetter(text, options));
    golden[id] = digest ? { count: lines.length, sha256: createHash("sha256").update(lines.join("\n")).digest("hex") } : lines;
  }
  return golden;
}

export function readGolden(): Golden {
  return JSON.parse(readFileSync(GOLDEN_FILE, "utf8")) as Golden;
}

export function writeGolden(golden: Golden): void {
  const lines = Object.entries(golden).map(([id, value]) => `  ${JSON.stringify(id)}: ${JSON.stringify(value)}`);
  writeFileSync(GOLDEN_FILE, `{\n${lines.join(",\n")}\n}\n`);
}
