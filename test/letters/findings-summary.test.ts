import { describe, expect, it } from "vitest";
import {
  parseFindingsSummary,
  serialiseFindingsSummary,
  summariseFindings,
} from "../../src/domain/letters/findings-summary.js";

describe("findings summary", () => {
  const findings = [
    { category: "war", severity: "block", excerpt: "секретная фраза", start: 0, end: 5 },
    { category: "war", severity: "block", excerpt: "ещё одна", start: 9, end: 12 },
    { category: "tone", severity: "advice", excerpt: "держись", start: 20, end: 27 },
  ];

  it("keeps counts per category and severity", () => {
    expect(summariseFindings(findings)).toEqual({ war: { block: 2 }, tone: { advice: 1 } });
  });

  it("keeps no excerpt of the letter", () => {
    const json = serialiseFindingsSummary(summariseFindings(findings));
    expect(json).not.toContain("секретная");
    expect(json).not.toContain("держись");
    expect(parseFindingsSummary(json)).toEqual({ war: { block: 2 }, tone: { advice: 1 } });
  });

  it("refuses anything but non-negative integer counts", () => {
    expect(() => parseFindingsSummary('{"war":{"block":"фраза"}}')).toThrow();
    expect(() => serialiseFindingsSummary({ war: { block: -1 } })).toThrow();
  });
});
