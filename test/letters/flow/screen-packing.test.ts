import { describe, expect, it } from "vitest";
import { packBlocks, SCREEN_BUDGET, withClosing } from "../../../src/bot/features/letter/render/text.js";

describe("packBlocks", () => {
  it("packs blocks in order into as few messages as fit, never splitting one, and skips blank ones", () => {
    const blocks = ["a".repeat(300), " ", "b".repeat(300), "c".repeat(300), "d".repeat(900)];
    const messages = packBlocks(blocks, SCREEN_BUDGET);
    expect(messages).toEqual([`${"a".repeat(300)}\n\n${"b".repeat(300)}`, "c".repeat(300), "d".repeat(900)]);
  });
});

describe("withClosing", () => {
  const closing = "Thank you for writing.";

  it("joins the closing to the last message when both fit the screen budget", () => {
    const last = "x".repeat(SCREEN_BUDGET - closing.length - 2);
    expect(withClosing(["first", last], closing)).toEqual(["first", `${last}\n\n${closing}`]);
  });

  it("keeps it a message of its own when joining would pass the budget, or when there is nothing before it", () => {
    const last = "x".repeat(SCREEN_BUDGET - closing.length - 1);
    expect(withClosing(["first", last], closing)).toEqual(["first", last, closing]);
    expect(withClosing([], closing)).toEqual([closing]);
  });
});
