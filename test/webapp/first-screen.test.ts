import { describe, expect, it } from "vitest";
import { firstScreen } from "../../src/webapp/first-screen.js";
import { longLetter } from "../helpers/webapp-timing.js";

/** The bench's phone: its letter box is 342 × 618 px (390 × 760 less the header, the status and padding). */
const PHONE_BOX = { width: 342, height: 618 };
/** Lines of 57 narrow characters (342 / 6): the model's, which no real text is narrower than. */
const linesOf = (text: string, perLine: number) => text.split("\n").reduce((sum, paragraph) => sum + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);

describe("the first screen of a long draft", () => {
  it("counts lines: a letter of short paragraphs and blank lines gets fewer characters than the box's area", () => {
    const letter = longLetter();
    const beginning = firstScreen(letter, PHONE_BOX);
    expect(letter.startsWith(beginning)).toBe(true);
    // The box shows 24.7 lines; 26 at least, and far fewer characters than 26 × 57.
    expect(linesOf(beginning, 57)).toBeGreaterThanOrEqual(26);
    expect(beginning.length).toBeLessThan(26 * 57);
    expect(beginning.length).toBeGreaterThanOrEqual(1000);
  });

  it("fills the box's area with one long paragraph, cut at the end of a word", () => {
    const words = "слово ".repeat(3000).trimEnd();
    const beginning = firstScreen(words, PHONE_BOX);
    expect(beginning.length).toBeGreaterThanOrEqual(26 * 57);
    expect(beginning.length).toBeLessThan(26 * 57 + 6);
    expect(words[beginning.length]).toBe(" ");
  });

  it("gives a line to every empty paragraph", () => {
    const text = `${"\n".repeat(40)}${"а".repeat(5000)}`;
    const beginning = firstScreen(text, { width: 342, height: 618 });
    // 26 lines are 26 line breaks: the rest of the 1,000 characters at least comes from the paragraph after them.
    expect(beginning.startsWith("\n".repeat(40))).toBe(true);
    expect(beginning.length).toBeGreaterThanOrEqual(1000);
  });

  it("is all of a text not much longer than the box holds", () => {
    const text = "а".repeat(2000);
    expect(firstScreen(text, PHONE_BOX)).toBe(text);
    expect(firstScreen("Здравствуйте!", PHONE_BOX)).toBe("Здравствуйте!");
  });

  it("is at least 1,000 characters however small the box", () => {
    const letter = longLetter();
    expect(firstScreen(letter, { width: 100, height: 50 }).length).toBeGreaterThanOrEqual(1000);
  });
});
