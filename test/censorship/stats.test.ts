import { describe, expect, it } from "vitest";
import { CHARACTERS_PER_LINE, estimatePages, LINES_PER_PAGE, letterStats } from "../../src/domain/censorship/stats.js";

describe("letterStats", () => {
  it("counts code points, so an emoji is one character", () => {
    expect(letterStats("Привет 🇺🇦").characters).toBe(9);
  });

  it("counts words as a reader does", () => {
    expect(letterStats("Жовто-блакитний don't, 2024 рік — м'ясо!").words).toBe(5);
  });

  it("estimates pages as 30 lines of 60 characters, each paragraph starting a new line", () => {
    expect(estimatePages("")).toBe(0);
    expect(estimatePages("Коротко.")).toBe(1);
    const fullPage = Array.from({ length: LINES_PER_PAGE }, () => "а".repeat(CHARACTERS_PER_LINE)).join("\n");
    expect(estimatePages(fullPage)).toBe(1);
    expect(estimatePages(`${fullPage}\nещё строка`)).toBe(2);
    // 1,801 characters in one paragraph need 31 lines.
    expect(estimatePages("а".repeat(CHARACTERS_PER_LINE * LINES_PER_PAGE + 1))).toBe(2);
    // 31 one-word paragraphs take 31 lines, though only a few characters.
    expect(estimatePages(Array.from({ length: LINES_PER_PAGE + 1 }, () => "да").join("\n"))).toBe(2);
  });
});
