import { describe, expect, it } from "vitest";
import { DirectorySearch } from "../../src/domain/search/directory-search.js";
import type { SearchEntry } from "../../src/domain/search/entry.js";

const entry = (slug: string, surname: string): SearchEntry => ({ slug, surnames: [surname], otherNames: [], birthYears: [] });

describe("DirectorySearch", () => {
  it("builds the index once and rebuilds it after invalidate()", async () => {
    let people = [entry("a", "Балух")];
    let loads = 0;
    const search = new DirectorySearch(async () => {
      loads += 1;
      return people;
    });
    expect((await search.search("Балух")).total).toBe(1);
    expect((await search.search("Горинов")).total).toBe(0);
    expect(loads).toBe(1);
    people = [...people, entry("b", "Горинов")];
    search.invalidate();
    expect((await search.search("Горинов")).total).toBe(1);
    expect(loads).toBe(2);
  });

  it("notices a change made by another process through the version, checked at most once per interval", async () => {
    let people = [entry("a", "Балух")];
    let version = "1";
    let now = 0;
    let loads = 0;
    const search = new DirectorySearch(
      async () => {
        loads += 1;
        return people;
      },
      { version: async () => version, recheckMs: 60_000, clock: () => now },
    );
    await search.search("Балух");
    people = [...people, entry("b", "Горинов")];
    version = "2";
    now = 30_000;
    expect((await search.search("Горинов")).total).toBe(0);
    now = 61_000;
    expect((await search.search("Горинов")).total).toBe(1);
    expect(loads).toBe(2);
  });

  it("retries a failed load on the next search", async () => {
    let fail = true;
    const search = new DirectorySearch(async () => {
      if (fail) throw new Error("database busy");
      return [entry("a", "Балух")];
    });
    await expect(search.search("Балух")).rejects.toThrow("database busy");
    fail = false;
    expect((await search.search("Балух")).total).toBe(1);
  });
});
