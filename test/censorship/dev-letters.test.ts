import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkLetter } from "../../src/domain/censorship/index.js";
import { loadLetters } from "./corpus.js";

/**
 * Whole clean letters of family news written for the development sets (issue 16, precision side: a grandfather's
 * war in 1941-45, a school museum trip, a football season, a holiday on a train and a boat): a writer told that
 * such a letter is risky stops trusting the check, so none may raise anything but a language finding.
 */
const folder = new URL("./dev/", import.meta.url);
const letters = readdirSync(fileURLToPath(folder))
  .filter((name) => /^letters.*\.json$/u.test(name))
  .flatMap((name) => loadLetters(new URL(name, folder)));

describe("clean development letters", () => {
  it("are there", () => {
    expect(letters.length).toBeGreaterThanOrEqual(4);
  });

  it.each(letters.map((letter) => [letter.id, letter] as const))("%s raises no content finding", (_id, letter) => {
    const stray = checkLetter(letter.text, { system: letter.system, status: letter.status })
      .findings.filter((finding) => finding.category !== "language")
      .map((finding) => `${finding.category} ${finding.ruleId}: ${finding.excerpt}`);
    expect(stray).toEqual([]);
  });
});
