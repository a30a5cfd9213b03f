import * as v from "valibot";
import { checkLetter } from "./check.js";
import type { Translate } from "./translate.js";
import {
  type CheckOptions,
  type Finding,
  type LanguageAssessment,
  PRISON_SYSTEMS,
  PRISONER_STATUSES,
} from "./types.js";

/** One input line of `check-letter --jsonl`. Other fields (a label, a language tag) are allowed and ignored. */
const LetterLineSchema = v.looseObject({
  id: v.optional(v.union([v.string(), v.number()])),
  text: v.string(),
  system: v.optional(v.picklist(PRISON_SYSTEMS)),
  status: v.optional(v.picklist(PRISONER_STATUSES)),
});

export interface BatchResultLine {
  id: string;
  language: LanguageAssessment;
  findings: Pick<Finding, "category" | "severity" | "start" | "end" | "excerpt">[];
}

export interface BatchErrorLine {
  id: string | null;
  line: number;
  error: "invalid-json" | "invalid-record";
  message: string;
}

/**
 * Checks one JSON line. A line that is not JSON or not a letter becomes an error line naming its line number (and
 * its id when it has one), so one bad record does not stop a batch. Lines without an id are named by line number.
 */
export function checkJsonLine(
  line: string,
  lineNumber: number,
  defaults: CheckOptions,
  t: Translate,
): BatchResultLine | BatchErrorLine {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    const message = t("censorship-cli-line-invalid-json", { line: lineNumber });
    return { id: null, line: lineNumber, error: "invalid-json", message };
  }
  const record = v.safeParse(LetterLineSchema, json);
  if (!record.success) {
    const message = t("censorship-cli-line-invalid-record", { line: lineNumber });
    return { id: idOf(json), line: lineNumber, error: "invalid-record", message };
  }
  const { id, text, system, status } = record.output;
  const result = checkLetter(text, { system: system ?? defaults.system, status: status ?? defaults.status });
  return {
    id: id === undefined ? String(lineNumber) : String(id),
    language: result.language,
    findings: result.findings.map(({ category, severity, start, end, excerpt }) => ({
      category,
      severity,
      start,
      end,
      excerpt,
    })),
  };
}

function idOf(json: unknown): string | null {
  if (typeof json !== "object" || json === null || !("id" in json)) return null;
  return typeof json.id === "string" || typeof json.id === "number" ? String(json.id) : null;
}
