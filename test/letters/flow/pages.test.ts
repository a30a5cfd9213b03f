import { describe, expect, it } from "vitest";
import { pageList, pageOf } from "../../../src/bot/features/letter/render/pages.js";

const line = (page: { from: number; to: number }, total: number) => `Options ${page.from + 1}–${page.to + 1} of ${total}.`;
const screen = (heading: string, items: readonly string[], page: { from: number; to: number }, paged: boolean) =>
  [heading, ...items.slice(page.from, page.to + 1), ...(paged ? [line(page, items.length)] : [])].join("\n\n");

describe("pageList: a list split into screens that fit the budget", () => {
  it("keeps a short list on one page without a page line", () => {
    expect(pageList("Choose", ["a", "b", "c"], line, 100)).toEqual([{ from: 0, to: 2 }]);
  });

  it("puts every item on exactly one page, in order, each page within the budget", () => {
    const items = Array.from({ length: 19 }, (_, index) => `${index + 1}. ${"x".repeat(40 + ((index * 37) % 90))}`);
    const pages = pageList("Questions: choose any", items, line, 400);
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.flatMap((page) => items.slice(page.from, page.to + 1))).toEqual(items);
    for (const page of pages) expect(screen("Questions: choose any", items, page, true).length).toBeLessThanOrEqual(400);
    expect(pageOf(pages, 18)).toBe(pages.length - 1);
    expect(pageOf(pages, 0)).toBe(0);
  });

  it("gives an item longer than the budget a page of its own rather than dropping it", () => {
    const pages = pageList("H", ["short", "y".repeat(500), "short too"], line, 100);
    expect(pages).toEqual([
      { from: 0, to: 0 },
      { from: 1, to: 1 },
      { from: 2, to: 2 },
    ]);
  });

  it("has no pages for no items", () => {
    expect(pageList("H", [], line)).toEqual([]);
  });
});
