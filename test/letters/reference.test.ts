import { describe, expect, it } from "vitest";
import { formatLetterReference, parseLetterReference, REFERENCE_ALPHABET } from "../../src/domain/letters/reference.js";

const november2026 = new Date("2026-11-23T12:00:00Z");

describe("letter references", () => {
  it("reads like L-2611-7K3Q: year and month, then four unambiguous characters", () => {
    const reference = formatLetterReference(1, november2026);
    expect(reference).toMatch(new RegExp(`^L-2611-[${REFERENCE_ALPHABET}]{4}$`, "u"));
    expect(formatLetterReference(1, new Date("2027-01-01T00:00:00Z"))).toMatch(/^L-2701-/u);
  });

  it("uses no look-alike characters", () => {
    expect(REFERENCE_ALPHABET).toHaveLength(32);
    expect(REFERENCE_ALPHABET).not.toMatch(/[01OI]/u);
    expect(new Set(REFERENCE_ALPHABET).size).toBe(32);
  });

  it("is unique over 100,000 letters", () => {
    const seen = new Set<string>();
    for (let id = 1; id <= 100_000; id++) seen.add(formatLetterReference(id, november2026));
    expect(seen.size).toBe(100_000);
  });

  it("stays unique past the four-character range by growing a character", () => {
    const boundary = 32 ** 4;
    const seen = new Set<string>();
    for (let id = boundary - 50_000; id < boundary + 50_000; id++) seen.add(formatLetterReference(id, november2026));
    expect(seen.size).toBe(100_000);
    expect(formatLetterReference(boundary, november2026)).toMatch(/^L-2611-[A-Z2-9]{5}$/u);
  });

  it("does not read as a counter: consecutive letters differ in most characters, not just the last", () => {
    let differing = 0;
    for (let id = 1; id <= 1000; id++) {
      const [a, b] = [formatLetterReference(id, november2026), formatLetterReference(id + 1, november2026)];
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differing++;
    }
    expect(differing / 1000).toBeGreaterThan(2.5);
  });

  it("is the same for the same letter", () => {
    expect(formatLetterReference(4242, november2026)).toBe(formatLetterReference(4242, november2026));
  });

  it("reads back what a person types, and rejects what it cannot be", () => {
    const reference = formatLetterReference(777, november2026);
    expect(parseLetterReference(reference)).toBe(reference);
    expect(parseLetterReference(` ${reference.toLowerCase().replaceAll("-", " ")} `)).toBe(reference);
    expect(parseLetterReference("L-2611-0O1I")).toBeUndefined();
    expect(parseLetterReference("L-2613-7K3Q")).toBeUndefined();
    expect(parseLetterReference("hello")).toBeUndefined();
  });

  it("refuses ids that are not positive integers", () => {
    expect(() => formatLetterReference(0, november2026)).toThrow(RangeError);
    expect(() => formatLetterReference(1.5, november2026)).toThrow(RangeError);
  });
});
