import { describe, expect, it } from "vitest";
import { createSizedMemo } from "../../src/domain/censorship/line-memo.js";

describe("createSizedMemo", () => {
  it("lets the least recently used entries go once it holds more than its budget", () => {
    const memo = createSizedMemo<number>(100);
    memo.set("a", 1, 40);
    memo.set("b", 2, 40);
    expect(memo.get("a")).toBe(1); // "b" is now the least recently used
    memo.set("c", 3, 40);
    expect(memo.get("b")).toBeUndefined();
    expect(memo.get("a")).toBe(1);
    expect(memo.get("c")).toBe(3);
    expect(memo.bytes()).toBe(80);
  });

  it("replaces a key's entry and counts it once", () => {
    const memo = createSizedMemo<number>(100);
    memo.set("a", 1, 40);
    memo.set("a", 2, 30);
    expect(memo.get("a")).toBe(2);
    expect(memo.bytes()).toBe(30);
  });

  it("keeps nothing larger than the whole budget", () => {
    const memo = createSizedMemo<number>(100);
    memo.set("a", 1, 40);
    memo.set("huge", 2, 101);
    expect(memo.get("huge")).toBeUndefined();
    expect(memo.get("a")).toBe(1);
    memo.clear();
    expect(memo.bytes()).toBe(0);
    expect(memo.get("a")).toBeUndefined();
  });
});
