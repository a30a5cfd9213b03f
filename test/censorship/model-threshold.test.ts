import { describe, expect, it } from "vitest";
import { letterAlarmShare, letterGuardedThresholds } from "../../src/domain/censorship/training/train.js";

/** The model's letter-level threshold rule (issue 16): a clean letter keeps at most 3 % model false alarms. */
describe("letter-guarded model thresholds", () => {
  const options = { safeLetterFalseAlarm: 0.03, letterSentences: 25 };

  it("spreads a per-sentence false-alarm share over a letter", () => {
    expect(letterAlarmShare(0, 25)).toBe(0);
    expect(letterAlarmShare(0.01, 25)).toBeCloseTo(0.222, 3);
  });

  it("keeps the per-category thresholds when no safe sentence reaches them", () => {
    const safe = Array.from({ length: 1000 }, () => [0.2, 0.3]);
    expect(letterGuardedThresholds(safe, [0.65, 0.65], options)).toEqual({ thresholds: [0.65, 0.65], raisedBy: 0 });
  });

  it("raises every threshold together until a clean letter is flagged at most 3 % of the time", () => {
    // 1 % of safe sentences score 0.7 on the first category: a 25-sentence letter would be flagged 22 % of the time.
    const safe = Array.from({ length: 1000 }, (_, index) => (index % 100 === 0 ? [0.7, 0.1] : [0.1, 0.1]));
    const { thresholds, raisedBy } = letterGuardedThresholds(safe, [0.65, 0.66], options);
    // The smallest step over 0.7 - 0.65: 0.05 or 0.055 depending on how 0.65 + 0.05 rounds in binary.
    expect(raisedBy).toBeGreaterThanOrEqual(0.05);
    expect(raisedBy).toBeLessThanOrEqual(0.055 + 1e-9);
    expect(thresholds[0]).toBeGreaterThan(0.7);
    expect((thresholds[1] ?? 0) - (thresholds[0] ?? 0)).toBeCloseTo(0.01, 9);
    const flagged = safe.filter((scores) => scores.some((score, category) => score >= (thresholds[category] ?? 1))).length;
    expect(letterAlarmShare(flagged / safe.length, 25)).toBeLessThanOrEqual(0.03);
  });
});
