import { describe, expect, it } from "vitest";
import { checkLetter } from "../../src/domain/censorship/index.js";
import { type CorpusSentence, figuresByLanguageAndCategory, loadSentenceFiles, scoreSentences } from "./corpus.js";

/**
 * The development set (issue 16): sentences written to avoid the lexicon's words, in ru/uk/be/en, with innocent
 * look-alikes, never trained on. The lexicon, frames and senses were tuned while looking at it, so its figures are
 * optimistic; the frozen held-out set (test/censorship/holdout/, written by someone else) is the honest measure.
 * It must keep the held-out set's bar: recall ≥ 0.75, false positives ≤ 0.05.
 */
const MIN_RECALL = 0.75;
const MAX_FALSE_POSITIVE_RATE = 0.05;

describe("development set", () => {
  const sentences = loadSentenceFiles(new URL("./dev/", import.meta.url));
  const check = (item: CorpusSentence) => checkLetter(item.text, { system: item.system, status: item.status });

  it("has at least 40% innocent look-alikes in every language", () => {
    for (const language of ["ru", "uk", "be", "en"] as const) {
      const ofLanguage = sentences.filter((item) => item.lang === language);
      const safe = ofLanguage.filter((item) => item.expect.length === 0).length;
      expect(safe / ofLanguage.length, language).toBeGreaterThanOrEqual(0.4);
    }
  });

  it(`finds at least ${MIN_RECALL * 100}% of risky sentences with at most ${MAX_FALSE_POSITIVE_RATE * 100}% false positives`, () => {
    const score = scoreSentences(sentences, check);
    console.log(
      `censorship development set: recall ${(score.recall * 100).toFixed(1)}% of ${score.risky}, ` +
        `false positives ${(score.falsePositiveRate * 100).toFixed(1)}% of ${score.safe}`,
    );
    for (const line of figuresByLanguageAndCategory(sentences, check)) console.log(line);
    for (const { item, found } of score.missed) console.log(`  missed ${item.id} [${item.expect}] found [${found}]: ${item.text}`);
    for (const { item, found } of score.falsePositives) console.log(`  false positive ${item.id} [${found}]: ${item.text}`);
    expect(score.recall).toBeGreaterThanOrEqual(MIN_RECALL);
    expect(score.falsePositiveRate).toBeLessThanOrEqual(MAX_FALSE_POSITIVE_RATE);
  });
});
