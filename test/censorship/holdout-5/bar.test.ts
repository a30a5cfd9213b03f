/**
 * Issue 16's second bar: on held-out text, recall ≥ 0.75 and false positives ≤ 0.05.
 *
 * Set 5 was written and frozen before round 4 changed the check (first run 76.0 % / 4.2 % at 878492c) and scored
 * once on the merged round (78.1 % / 2.8 %). From then on it guards against a change that loses what the check finds on
 * text nobody tuned it on. Its failures are not a to-do list: fixing the sentences it lists is tuning to the set. A
 * round that wants an honest figure writes a new set first (see the folder's README).
 */
import { describe, expect, it } from "vitest";
import { checkLetter } from "../../../src/domain/censorship/index.js";
import { evaluateHoldout } from "../holdout/evaluate.js";
import { loadHoldoutLetters, loadHoldoutSentences } from "../holdout/load.js";

const SET_5 = new URL("./", import.meta.url);

describe("held-out set 5 (issue 16's held-out bar)", () => {
  it("keeps recall ≥ 0.75 and false positives ≤ 0.05 on sentences written before the code", () => {
    const report = evaluateHoldout(loadHoldoutSentences(SET_5), loadHoldoutLetters(SET_5), (text, system) =>
      checkLetter(text, { system }),
    );
    expect(report.overall.recall).toBeGreaterThanOrEqual(0.75);
    expect(report.overall.falsePositiveRate).toBeLessThanOrEqual(0.05);
  });
});
