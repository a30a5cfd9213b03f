import { describe, expect, it } from "vitest";
import { letterStats } from "../../src/domain/censorship/stats.js";
import { normaliseLetterText } from "../../src/domain/letters/draft.js";
import { countsOf, joinedCounts, NO_TEXT, PARAGRAPH_SEPARATOR, statsOfCounts } from "../../src/domain/letters/text-counts.js";

/** A small deterministic generator, so a failure names the text that broke the sum. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

// Pieces that test word joining and code points: hyphens and apostrophes at edges, digits, emoji, Cyrillic, spaces.
const PIECES = ["Пишу", " ", "Вам", "-", "жовто-блакитний", "м'ясо", "don't", "2024", "🌻", " — ", "’", "\n", "ʼ", "Ї", "a", ".", "-", "'", "  ", "\t"];

function paragraphs(random: () => number, count: number): string {
  let text = "";
  for (let index = 0; index < count; index++) text += PIECES[Math.floor(random() * PIECES.length)];
  // A line longer than the 60 characters of a printed line, now and then.
  if (random() < 0.3) text += " слово".repeat(Math.floor(random() * 30));
  return normaliseLetterText(text);
}

describe("the draft's running figures (issue 14)", () => {
  it("of a whole text are letterStats' characters, words and pages", () => {
    const random = generator(14);
    for (let round = 0; round < 500; round++) {
      const text = paragraphs(random, Math.floor(random() * 40));
      expect(statsOfCounts(countsOf(text)), JSON.stringify(text)).toEqual(letterStats(text));
    }
    expect(countsOf(null)).toEqual(NO_TEXT);
    expect(statsOfCounts(countsOf(""))).toEqual(letterStats(""));
  });

  it("add up when two texts are joined with a blank line, as a message is appended", () => {
    const random = generator(2026);
    for (let round = 0; round < 500; round++) {
      const before = paragraphs(random, 1 + Math.floor(random() * 40));
      const added = paragraphs(random, 1 + Math.floor(random() * 40));
      if (before === "" || added === "") continue;
      const joined = `${before}${PARAGRAPH_SEPARATOR}${added}`;
      expect(joinedCounts(countsOf(before), countsOf(added)), JSON.stringify([before, added])).toEqual(countsOf(joined));
    }
  });

  it("count a page as 30 printed lines, each paragraph starting a line", () => {
    const line = "я".repeat(60);
    expect(countsOf(line)).toMatchObject({ characters: 60, lines: 1 });
    expect(countsOf(`${line}я`)).toMatchObject({ lines: 2 });
    expect(statsOfCounts(countsOf(Array.from({ length: 16 }, () => line).join("\n\n"))).pages).toBe(2);
  });
});
