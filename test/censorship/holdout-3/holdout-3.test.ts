import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CheckResult } from "../../../src/domain/censorship/index.js";
import { evaluateHoldout } from "../holdout/evaluate.js";
import { loadHoldoutLetters, loadHoldoutSentences } from "../holdout/load.js";

/** SHA-256 of the files as first committed; the set is frozen, so these never change. */
const FROZEN_DIGESTS = {
  sentences: "3a0c158ed4616ab97e78b4bb9b457480f1aef505e4877beb8107fe6c50507734",
  letters: "5bfce95f5dcd513d432374d4ccfbadf2d80af90e99f224da5aea876ac9a50b17",
};

/** The kinds issue 16 lists, by the names of set 1's README where they fit (README.md beside this file). */
const RISKY_KINDS = [
  "translit", "masking", "spacing", "inflected-phrase", "spelled-phone", "bare-handle", "bare-link",
  "war-idiom", "designated-org", "leader-nickname", "by-opposition", "ua-resistance", "slur", "colour-emoji",
  "testimony", "threat", "signals", "enclosure-bribe", "subculture", "political-news", "sexual", "ua-city",
];
const SAFE_KINDS = [
  "false-friend", "prefix-trap", "legal-metaphor", "family-history", "school-museum", "title", "sport-game",
  "named-thing", "everyday-sense",
];

const folder = new URL("./", import.meta.url);
const sentences = loadHoldoutSentences(folder);
const letters = loadHoldoutLetters(folder);

describe("held-out set 3", () => {
  it("is unchanged since it was frozen (a changed file would make its first-run figures meaningless)", () => {
    const digest = (name: string) => createHash("sha256").update(readFileSync(new URL(name, folder))).digest("hex");
    expect({ sentences: digest("sentences.jsonl"), letters: digest("letters.json") }).toEqual(FROZEN_DIGESTS);
  });

  it("has the size and mix the brief asks for: 240+ sentences, 50+ per language, 40 %+ safe look-alikes", () => {
    expect(sentences.length).toBeGreaterThanOrEqual(240);
    for (const language of ["ru", "uk", "be", "en"] as const) {
      expect(sentences.filter((item) => item.lang === language).length, language).toBeGreaterThanOrEqual(50);
    }
    expect(sentences.filter((item) => !item.risky).length / sentences.length).toBeGreaterThanOrEqual(0.4);
    expect(sentences.every((item) => item.id.startsWith("h3-"))).toBe(true);
    expect(new Set(sentences.map((item) => item.id)).size).toBe(sentences.length);
    expect(new Set(sentences.map((item) => item.text)).size).toBe(sentences.length);
    expect(sentences.every((item) => item.system === (item.lang === "be" ? "by" : "ru"))).toBe(true);
  });

  it("covers every kind of the issue, risky kinds only on risky lines and safe kinds only on safe ones", () => {
    const kindsOf = (risky: boolean) => new Set(sentences.filter((item) => item.risky === risky).map((item) => item.kind));
    expect([...kindsOf(true)].sort()).toEqual([...RISKY_KINDS].sort());
    expect([...kindsOf(false)].sort()).toEqual([...SAFE_KINDS].sort());
    // A Ukrainian writer naming their city is the one kind that only makes sense in uk (or an English writer there).
    for (const kind of RISKY_KINDS.filter((kind) => kind !== "ua-city")) {
      const languages = new Set(sentences.filter((item) => item.kind === kind).map((item) => item.lang));
      expect(languages.size, kind).toBeGreaterThanOrEqual(kind === "subculture" || kind === "threat" ? 3 : 2);
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
    expect(report.letterSummary.passages).toBe(16);
  });
});
