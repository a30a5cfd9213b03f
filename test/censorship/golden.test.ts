import { describe, expect, it } from "vitest";
import { computeGolden, readGolden } from "./golden/golden.js";

/**
 * Speed work on the check must not change a single finding (issue 16): the findings of the corpus, the
 * development sets and letters and the bench letters equal the snapshot in golden/findings.json. A deliberate change
 * of the findings rewrites it with `npx tsx test/censorship/golden/update.ts`.
 */
describe("golden output of the censorship check", () => {
  it("finds exactly what the snapshot holds", () => {
    const expected = readGolden();
    const actual = computeGolden();
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    const changed = Object.keys(expected).filter((id) => JSON.stringify(actual[id]) !== JSON.stringify(expected[id]));
    for (const id of changed.slice(0, 10)) {
      console.log(`changed ${id}\n  expected ${JSON.stringify(expected[id])}\n  actual   ${JSON.stringify(actual[id])}`);
    }
    expect(changed).toEqual([]);
  }, 120_000);
});
