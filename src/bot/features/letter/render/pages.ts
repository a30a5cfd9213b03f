import { SCREEN_BUDGET } from "./text.js";

/** One page of a list: the indices of its items, first to last. */
export interface ListPage {
  from: number;
  to: number;
}

/**
 * Splits a list into pages whose screens fit the budget (issue 15): the heading, the page's items and, when there is
 * more than one page, the page line. Every item is on exactly one page, in order; an item too long for a page of its
 * own still gets one (we never drop an option). The split depends only on the texts, so it is the same on every replay.
 */
export function pageList(
  heading: string,
  items: readonly string[],
  pageLine: (page: ListPage, total: number) => string,
  budget: number = SCREEN_BUDGET,
): ListPage[] {
  const length = (page: ListPage, withLine: boolean) =>
    [heading, ...items.slice(page.from, page.to + 1), ...(withLine ? [pageLine(page, items.length)] : [])].join("\n\n").length;
  if (items.length === 0) return [];
  if (length({ from: 0, to: items.length - 1 }, false) <= budget) return [{ from: 0, to: items.length - 1 }];
  const pages: ListPage[] = [];
  let from = 0;
  while (from < items.length) {
    let to = from;
    while (to + 1 < items.length && length({ from, to: to + 1 }, true) <= budget) to++;
    pages.push({ from, to });
    from = to + 1;
  }
  return pages;
}

/** The page that holds an item. */
export function pageOf(pages: readonly ListPage[], index: number): number {
  const found = pages.findIndex((page) => index >= page.from && index <= page.to);
  return found < 0 ? 0 : found;
}
