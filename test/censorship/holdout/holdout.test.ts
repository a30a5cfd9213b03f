import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CategoryId, CheckResult, PrisonSystem } from "../../../src/domain/censorship/index.js";
import {
  type Check,
  evaluateHoldout,
  formatReport,
  type HoldoutLetter,
  type HoldoutSentence,
} from "./evaluate.js";
import { loadHoldoutLetters, loadHoldoutSentences } from "./load.js";

/** SHA-256 of the files as first committed; the set is frozen, so these never change. */
const FROZEN_DIGESTS = {
  sentences: "f8a265c8feb9faf9f5b42293d302da9646aea9a0c70df9f905b3fa052948ec62",
  letters: "83bd3ed0205fb876f983941142fef10ef2dc0f15ba13b47870d25a64bac54e79",
};

/** A check that reports, for each known text, findings at the given substrings (the first occurrence). */
function fakeCheck(answers: Record<string, [CategoryId, string][]>): { check: Check; systems: PrisonSystem[] } {
  const systems: PrisonSystem[] = [];
  const check = (text: string, system: PrisonSystem): CheckResult => {
    systems.push(system);
    const findings = (answers[text] ?? []).map(([category, excerpt]) => {
      const start = text.indexOf(excerpt);
      if (start < 0) throw new Error(`fake finding "${excerpt}" is not in "${text}"`);
      return {
        category,
        severity: "block" as const,
        start,
        end: start + excerpt.length,
        excerpt,
        explanationKey: `censorship-${category}-why`,
        suggestionKey: `censorship-${category}-instead`,
        ruleId: `fake-${category}`,
      };
    });
    return {
      findings,
      highestSeverity: findings.length > 0 ? "block" : null,
      language: { detected: ["ru"], primary: "ru", spans: [], allowed: ["ru"], acceptable: true },
      stats: { characters: text.length, words: 1, pages: 1 },
    };
  };
  return { check, systems };
}

const sentence = (
  id: string,
  lang: HoldoutSentence["lang"],
  kind: string,
  text: string,
  categories: CategoryId[] = [],
): HoldoutSentence => ({
  id,
  lang,
  system: lang === "be" ? "by" : "ru",
  text,
  risky: categories.length > 0,
  kind,
  categories,
});

const sentences = [
  sentence("r1", "ru", "war-idiom", "ночью был прилёт", ["war"]),
  sentence("r2", "ru", "testimony", "скажи, что был у тёти, флешку выбросил", ["case", "code"]),
  sentence("r3", "uk", "war-idiom", "знову бавовна", ["war"]),
  sentence("r4", "be", "colour-emoji", "чакаем ⚪🔴⚪", ["politics"]),
  sentence("s1", "ru", "family-history", "прадед прошёл войну"),
  sentence("s2", "uk", "title", "«Зоряні війни»"),
  sentence("s3", "uk", "false-friend", "сукня на свято"),
  sentence("s4", "be", "false-friend", "бульба з салам"),
];

const answers: Record<string, [CategoryId, string][]> = {
  "ночью был прилёт": [["war", "прилёт"]],
  // Only one of the two expected categories: the sentence does not count as found.
  "скажи, что был у тёти, флешку выбросил": [["case", "скажи"]],
  "чакаем ⚪🔴⚪": [["politics", "⚪🔴⚪"], ["language", "чакаем"]],
  "прадед прошёл войну": [["war", "войну"]],
  "«Зоряні війни»": [["war", "війни"], ["politics", "Зоряні"]],
  // A language finding alone is scored apart and is no false alarm.
  "бульба з салам": [["language", "бульба з салам"]],
};

const letters: HoldoutLetter[] = [
  {
    id: "clean",
    lang: "en",
    system: "ru",
    note: "",
    paragraphs: ["Dear Pavel,", "Grandad never talked about the war.", "Helen"],
    passages: [],
  },
  {
    id: "two-passages",
    lang: "ru",
    system: "ru",
    note: "",
    paragraphs: ["Привет!", "Ночью был прилёт. Пиши мне в телеграм ira_v_pitere.", "Война и мир — моя книга."],
    passages: [
      { text: "Ночью был прилёт.", categories: ["war"], kind: "war-idiom" },
      { text: "Пиши мне в телеграм ira_v_pitere.", categories: ["contacts"], kind: "bare-handle" },
    ],
  },
  {
    id: "exact",
    lang: "be",
    system: "by",
    note: "",
    paragraphs: ["Прывітанне!", "Жыве Беларусь!", "Абдымаю."],
    passages: [{ text: "Жыве Беларусь!", categories: ["politics"], kind: "by-opposition" }],
  },
];

const letterAnswers: Record<string, [CategoryId, string][]> = {
  "Dear Pavel,\n\nGrandad never talked about the war.\n\nHelen": [["war", "war"]],
  // The war passage is found; the contacts passage only gets a finding of another category; the book title is a
  // stray war finding (the right category, but outside every passage).
  "Привет!\n\nНочью был прилёт. Пиши мне в телеграм ira_v_pitere.\n\nВойна и мир — моя книга.": [
    ["war", "прилёт"],
    ["code", "ira_v_pitere"],
    ["war", "Война"],
  ],
  "Прывітанне!\n\nЖыве Беларусь!\n\nАбдымаю.": [["politics", "Беларусь"], ["language", "Прывітанне"]],
};

describe("held-out evaluator", () => {
  const { check, systems } = fakeCheck({ ...answers, ...letterAnswers });
  const report = evaluateHoldout(sentences, letters, check);

  it("counts a risky sentence only when every expected category is reported, and a safe one when anything is", () => {
    expect(report.overall).toMatchObject({ risky: 4, found: 2, safe: 4, alarms: 2 });
    expect(report.overall.recall).toBe(0.5);
    expect(report.overall.falsePositiveRate).toBe(0.5);
    const wrong = report.sentences.filter((outcome) => !outcome.correct).map((outcome) => outcome.item.id);
    expect(wrong).toEqual(["r2", "r3", "s1", "s2"]);
    expect(report.sentences.find((outcome) => outcome.item.id === "s2")?.reported).toEqual(["politics", "war"]);
  });

  it("splits the figures by language and kind", () => {
    expect(report.byLanguage.get("ru")).toMatchObject({ risky: 2, found: 1, recall: 0.5, safe: 1, alarms: 1 });
    expect(report.byLanguage.get("uk")).toMatchObject({ risky: 1, found: 0, recall: 0, safe: 2, alarms: 1 });
    expect(report.byLanguage.get("be")).toMatchObject({ risky: 1, found: 1, recall: 1, safe: 1, alarms: 0 });
    expect(report.byKind.get("war-idiom")).toMatchObject({ risky: 2, found: 1, safe: 0, falsePositiveRate: null });
    expect(report.byKind.get("false-friend")).toMatchObject({ risky: 0, recall: null, safe: 2, alarms: 0 });
    expect([...report.byKind.keys()]).toEqual([...report.byKind.keys()].sort());
  });

  it("gives each category its own recall and its alarms on the safe sentences", () => {
    // r2 expects case and code: case was reported, so case is found even though the sentence is missed.
    expect(report.byCategory.get("case")).toMatchObject({ risky: 1, found: 1, recall: 1 });
    expect(report.byCategory.get("code")).toMatchObject({ risky: 1, found: 0, recall: 0 });
    expect(report.byCategory.get("war")).toMatchObject({ risky: 2, found: 1, alarms: 2, safe: 4, falsePositiveRate: 0.5 });
    expect(report.byCategory.get("politics")).toMatchObject({ risky: 1, found: 1, alarms: 1, falsePositiveRate: 0.25 });
    expect(report.byCategory.has("language")).toBe(false);
  });

  it("scores letters by findings overlapping each labelled passage and counts findings elsewhere as stray", () => {
    const [clean, twoPassages, exact] = report.letters;
    expect(clean).toMatchObject({ correct: false, strayFindings: [{ category: "war", excerpt: "war" }] });
    expect(twoPassages?.passages.map((passage) => passage.found)).toEqual([true, false]);
    expect(twoPassages?.strayFindings).toEqual([{ category: "war", excerpt: "Война" }]);
    expect(twoPassages?.correct).toBe(false);
    expect(exact).toMatchObject({ correct: true, strayFindings: [] });
    expect(report.letterSummary).toEqual({
      letters: 3,
      correct: 1,
      passages: 3,
      passagesFound: 2,
      cleanLetters: 1,
      cleanLettersWithAlarms: 1,
      strayFindings: 2,
    });
  });

  it("checks each text against the prison system it is labelled with", () => {
    expect(systems).toEqual(["ru", "ru", "ru", "by", "ru", "ru", "ru", "by", "ru", "ru", "by"]);
  });

  it("prints the overall line, the tables and, on request, every miss and stray finding", () => {
    const brief = formatReport(report);
    expect(brief).toContain("recall 50.0% (2/4 risky found), false positives 50.0% (2/4 safe flagged)");
    expect(brief).toMatch(/^war-idiom\s+1\/2\s+50\.0%\s+—$/m);
    expect(brief).toContain("letters: 1/3 exactly right; passages found 2/3; clean letters with an alarm 1/1");
    expect(brief).not.toContain("r2 missed");
    const detailed = formatReport(report, true);
    expect(detailed).toContain("r2 missed [case,code], reported [case]");
    expect(detailed).toContain("two-passages missed [contacts]: Пиши мне в телеграм ira_v_pitere.");
    expect(detailed).toContain("two-passages stray war: Война");
  });

  it("refuses a letter whose passage is not in its text", () => {
    const broken: HoldoutLetter = { ...letters[2]!, id: "broken", passages: [{ text: "нет", categories: ["war"], kind: "x" }] };
    expect(() => evaluateHoldout([], [broken], check)).toThrow("broken: passage not in the letter");
  });
});

describe("the frozen held-out set", () => {
  const heldOut = loadHoldoutSentences();
  const heldOutLetters = loadHoldoutLetters();

  it("is unchanged since it was frozen (a changed file would make its first-run figures meaningless)", () => {
    const digest = (name: string) =>
      createHash("sha256").update(readFileSync(new URL(`./${name}`, import.meta.url))).digest("hex");
    expect({ sentences: digest("sentences.jsonl"), letters: digest("letters.json") }).toEqual(FROZEN_DIGESTS);
  });

  it("has the size and mix the issue asks for", () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(240);
    for (const language of ["ru", "uk", "be", "en"] as const) {
      expect(heldOut.filter((item) => item.lang === language).length, language).toBeGreaterThanOrEqual(40);
    }
    expect(heldOut.filter((item) => !item.risky).length / heldOut.length).toBeGreaterThanOrEqual(0.4);
    expect(new Set(heldOut.map((item) => item.id)).size).toBe(heldOut.length);
    expect(new Set(heldOut.map((item) => item.text)).size).toBe(heldOut.length);
    expect(heldOutLetters).toHaveLength(10);
    expect(new Set(heldOutLetters.map((letter) => letter.lang)).size).toBe(4);
    expect(heldOutLetters.some((letter) => letter.passages.length === 0)).toBe(true);
  });
});
