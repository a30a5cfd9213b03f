import { describe, expect, it } from "vitest";
import { checkLetter } from "../../src/domain/censorship/index.js";
import {
  contentCategories,
  type CorpusSentence,
  loadLetters,
  loadSentences,
  type SentenceScore,
  scoreSentences,
} from "./corpus.js";

const MIN_RECALL = 0.95;
const MAX_FALSE_POSITIVE_RATE = 0.03;
const MIN_LANGUAGE_ACCURACY = 0.95;

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const summarize = (score: SentenceScore): string =>
  `recall ${percent(score.recall)} on ${score.risky} risky sentences, ` +
  `false positives ${percent(score.falsePositiveRate)} on ${score.safe} safe sentences, ` +
  `language ${percent(score.languageAccuracy)} of ${score.risky + score.safe}`;

describe("labelled corpus", () => {
  const sentences = loadSentences();
  const letters = loadLetters();

  it("is big and varied enough to mean something", () => {
    expect(sentences.length).toBeGreaterThanOrEqual(200);
    expect(letters.length).toBeGreaterThanOrEqual(10);
    for (const language of ["ru", "uk", "be", "en"] as const) {
      const ofLanguage = sentences.filter((item) => item.lang === language);
      expect(ofLanguage.some((item) => item.expect.length > 0), `${language} risky`).toBe(true);
      expect(ofLanguage.some((item) => item.expect.length === 0), `${language} safe`).toBe(true);
    }
    expect(new Set(sentences.map((item) => item.id)).size).toBe(sentences.length);
  });

  it(`finds at least ${MIN_RECALL * 100}% of risky sentences with at most ${MAX_FALSE_POSITIVE_RATE * 100}% false positives`, () => {
    const check = (item: CorpusSentence) => checkLetter(item.text, { system: item.system, status: item.status });
    for (const file of new Set(sentences.map((item) => item.file))) {
      const part = scoreSentences(sentences.filter((item) => item.file === file), check);
      console.log(`  ${file}: ${summarize(part)}`);
    }
    const score = scoreSentences(sentences, check);
    console.log(`censorship corpus, all files: ${summarize(score)}`);
    for (const { item, found } of score.missed) {
      console.log(`  missed ${item.id} expected [${item.expect}] found [${found}]: ${item.text}`);
    }
    for (const { item, found } of score.falsePositives) {
      console.log(`  false positive ${item.id} [${found}]: ${item.text}`);
    }
    for (const { item, detected } of score.misdetected) {
      console.log(`  language ${item.id} labelled ${item.lang}, detected ${detected}: ${item.text}`);
    }
    expect(score.recall).toBeGreaterThanOrEqual(MIN_RECALL);
    expect(score.falsePositiveRate).toBeLessThanOrEqual(MAX_FALSE_POSITIVE_RATE);
    expect(score.languageAccuracy).toBeGreaterThanOrEqual(MIN_LANGUAGE_ACCURACY);
  });

  describe("whole letters", () => {
    for (const letter of letters) {
      it(`${letter.id}: reports exactly [${letter.expect.join(", ")}]`, () => {
        const result = checkLetter(letter.text, { system: letter.system, status: letter.status });
        const categories = contentCategories(result);
        if (result.findings.some((finding) => finding.category === "language")) categories.add("language");
        expect([...categories].sort()).toEqual([...letter.expect].sort());
        expect(result.language.primary).toBe(letter.lang);
      });
    }
  });
});
