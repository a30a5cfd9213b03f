import { describe, expect, it } from "vitest";
import { briefGuidance, guidanceFor } from "../../src/domain/letters/guidance.js";

const keys = (...args: Parameters<typeof guidanceFor>) => guidanceFor(...args).map((point) => point.key);

describe("guidance before writing", () => {
  it("tells a writer to a Russian prison to write in Russian and how a reply can come back", () => {
    const points = keys({ system: "ru", status: "sentenced" });
    expect(points[0]).toBe("letter-guidance-language-ru");
    expect(points).toContain("letter-guidance-avoid-ru");
    expect(points).toContain("letter-guidance-reply-ru");
    expect(points).toContain("letter-guidance-writer-risk-ru");
    expect(points.some((key) => key.includes("-by"))).toBe(false);
  });

  it("forbids any mention of the case in pre-trial detention, and only advises against it after sentencing", () => {
    expect(keys({ system: "ru", status: "pretrial" })).toContain("letter-guidance-case-pretrial");
    expect(keys({ system: "ru", status: "pretrial" })).not.toContain("letter-guidance-case");
    expect(keys({ system: "ru", status: "sentenced" })).toContain("letter-guidance-case");
    expect(keys({ system: "by", status: "pretrial" })).toContain("letter-guidance-case-pretrial");
  });

  it("is honest about Belarus: relatives-only after sentencing, arbitrary before, and short letters", () => {
    const sentenced = keys({ system: "by", status: "sentenced" });
    expect(sentenced[0]).toBe("letter-guidance-language-by");
    expect(sentenced).toContain("letter-guidance-by-relatives-only");
    expect(sentenced).toContain("letter-guidance-by-short");
    expect(sentenced).toContain("letter-guidance-reply-by");
    expect(sentenced).not.toContain("letter-guidance-reply-ru");
    const pretrial = keys({ system: "by", status: "pretrial" });
    expect(pretrial).toContain("letter-guidance-by-pretrial-arbitrary");
    expect(pretrial).not.toContain("letter-guidance-by-relatives-only");
  });

  it("always covers tone and what to write about, and never repeats a point", () => {
    for (const system of ["ru", "by"] as const) {
      for (const status of ["pretrial", "sentenced", "unknown", "not-in-custody"] as const) {
        const points = keys({ system, status });
        expect(points).toContain("letter-guidance-tone");
        expect(points).toContain("letter-guidance-topics");
        expect(new Set(points).size).toBe(points.length);
      }
    }
  });

  it("names only the routes this person has, and leaves out the signing advice once a signature is remembered", () => {
    const fsinOnly = keys({ system: "ru", status: "sentenced" }, { routes: ["fsin_pismo"] });
    expect(fsinOnly).toContain("letter-guidance-reply-ru-fsin");
    expect(fsinOnly).not.toContain("letter-guidance-reply-ru");
    expect(keys({ system: "ru", status: "sentenced" }, { routes: ["post"] })).toContain("letter-guidance-reply-ru-post");
    expect(keys({ system: "ru", status: "sentenced" }, { routes: ["organisers"] }).some((key) => key.includes("reply"))).toBe(false);
    expect(keys({ system: "by", status: "sentenced" }, { routes: ["organisers"] })).not.toContain("letter-guidance-reply-by");
    expect(keys({ system: "ru", status: "sentenced" }, { signatureRemembered: true })).not.toContain("letter-guidance-signature");
  });
});

describe("the folded guidance (issue 15)", () => {
  const brief = (...args: Parameters<typeof briefGuidance>) => briefGuidance(...args).map((point) => point.key);

  it("is three lines the first time and one line for a returning writer, per prison system", () => {
    expect(brief({ system: "ru", status: "sentenced" }, false)).toEqual([
      "letter-brief-language-ru",
      "letter-brief-avoid-ru",
      "letter-brief-tone",
    ]);
    expect(brief({ system: "by", status: "sentenced" }, false)[0]).toBe("letter-brief-language-by");
    expect(brief({ system: "ru", status: "pretrial" }, false)).toContain("letter-brief-avoid-pretrial");
    expect(brief({ system: "ru", status: "sentenced" }, true)).toEqual(["letter-brief-reminder-ru"]);
    expect(brief({ system: "by", status: "pretrial" }, true)).toEqual(["letter-brief-reminder-by"]);
  });
});
