/**
 * The checks every frozen held-out set gets (sets 3 and 4 call this from their own test file): its files are
 * unchanged since the freeze, it has the size and mix its brief asked for, it covers the kinds of issue 16 (risky
 * kinds only on risky lines, safe kinds only on safe ones), and its letters have the shape the scoring expects.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CheckResult } from "../../../src/domain/censorship/index.js";
import { evaluateHoldout } from "./evaluate.js";
import { loadHoldoutLetters, loadHoldoutSentences } from "./load.js";

/** The kinds issue 16 lists, by the names of set 1's README where they fit (set 3's README documents them). */
export const RISKY_KINDS = [
  "translit", "masking", "spacing", "inflected-phrase", "spelled-phone", "bare-handle", "bare-link",
  "war-idiom", "designated-org", "leader-nickname", "by-opposition", "ua-resistance", "slur", "colour-emoji",
  "testimony", "threat", "signals", "enclosure-bribe", "subculture", "political-news", "sexual", "ua-city",
];
export const SAFE_KINDS = [
  "false-friend", "prefix-trap", "legal-metaphor", "family-history", "school-museum", "title", "sport-game",
  "named-thing", "everyday-sense",
];

export interface FrozenSetSpec {
  /** "held-out set 3" */
  name: string;
  /** The set's folder (a URL ending in "/"). */
  folder: URL;
  /** Every id starts with it, e.g. "h3-". */
  idPrefix: string;
  /** SHA-256 of the files as first committed; the set is frozen, so these never change. */
  digests: { sentences: string; letters: string };
  minSentences: number;
  minPerLanguage: number;
  safeShare: { min: number; max: number };
  /** In how many languages a kind must be written at least (`ua-city` is exempt: it only makes sense in uk or en). */
  minLanguagesOfKind: (kind: string) => number;
  passages: number;
}

export function describeFrozenSet(spec: FrozenSetSpec): void {
  const sentences = loadHoldoutSentences(spec.folder);
  const letters = loadHoldoutLetters(spec.folder);

  describe(spec.name, () => {
    it("is unchanged since it was frozen (a changed file would make its first-run figures meaningless)", () => {
      const digest = (name: string) =>
        createHash("sha256").update(readFileSync(new URL(name, spec.folder))).digest("hex");
      expect({ sentences: digest("sentences.jsonl"), letters: digest("letters.json") }).toEqual(spec.digests);
    });

    it(`has the size and mix its brief asks for: ${spec.minSentences}+ sentences, ${spec.minPerLanguage}+ per language, enough safe look-alikes`, () => {
      expect(sentences.length).toBeGreaterThanOrEqual(spec.minSentences);
      for (const language of ["ru", "uk", "be", "en"] as const) {
        expect(sentences.filter((item) => item.lang === language).length, language).toBeGreaterThanOrEqual(
          spec.minPerLanguage,
        );
      }
      const safeShare = sentences.filter((item) => !item.risky).length / sentences.length;
      expect(safeShare).toBeGreaterThanOrEqual(spec.safeShare.min);
      expect(safeShare).toBeLessThanOrEqual(spec.safeShare.max);
      expect(sentences.every((item) => item.id.startsWith(spec.idPrefix))).toBe(true);
      expect(new Set(sentences.map((item) => item.id)).size).toBe(sentences.length);
      expect(new Set(sentences.map((item) => item.text)).size).toBe(sentences.length);
      expect(sentences.every((item) => item.system === (item.lang === "be" ? "by" : "ru"))).toBe(true);
    });

    it("covers every kind of the issue, risky kinds only on risky lines and safe kinds only on safe ones", () => {
      const kindsOf = (risky: boolean) =>
        new Set(sentences.filter((item) => item.risky === risky).map((item) => item.kind));
      expect([...kindsOf(true)].sort()).toEqual([...RISKY_KINDS].sort());
      expect([...kindsOf(false)].sort()).toEqual([...SAFE_KINDS].sort());
      for (const kind of [...RISKY_KINDS, ...SAFE_KINDS].filter((kind) => kind !== "ua-city")) {
        const languages = new Set(sentences.filter((item) => item.kind === kind).map((item) => item.lang));
        expect(languages.size, kind).toBeGreaterThanOrEqual(spec.minLanguagesOfKind(kind));
      }
    });

    it("has 10 whole letters: ru 3, uk 3, be 2, en 2; 4 clean, 6 with 2-3 labelled passages that occur in the text", () => {
      expect(letters).toHaveLength(10);
      const count = (language: string) => letters.filter((letter) => letter.lang === language).length;
      expect([count("ru"), count("uk"), count("be"), count("en")]).toEqual([3, 3, 2, 2]);
      expect(letters.filter((letter) => letter.passages.length === 0)).toHaveLength(4);
      const labelled = letters.filter((letter) => letter.passages.length > 0);
      expect(labelled).toHaveLength(6);
      expect(labelled.every((letter) => letter.passages.length >= 2 && letter.passages.length <= 3)).toBe(true);
      // The evaluator refuses a passage that is not in its letter; a check that finds nothing scores every passage missed.
      const nothing = (text: string): CheckResult => ({
        findings: [],
        highestSeverity: null,
        language: { detected: [], primary: null, spans: [], allowed: ["ru"], acceptable: true },
        stats: { characters: text.length, words: 0, pages: 0 },
      });
      const report = evaluateHoldout(sentences, letters, nothing);
      expect(report.letterSummary).toMatchObject({ letters: 10, correct: 4, passagesFound: 0, cleanLetters: 4 });
      expect(report.letterSummary.passages).toBe(spec.passages);
    });
  });
}
