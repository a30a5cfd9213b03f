/**
 * A directory in the imported registry's shape, without the import: the generated Memorial cards `bench:sync` serves,
 * parsed and turned into cards by the same domain code the sync runs, plus the 20-person seed; and the query mix
 * `bench:sync` times. Used by `bench:search` and by the search equivalence test.
 */
import { readFileSync } from "node:fs";
import { parseMemorialListPage } from "../../src/domain/directory-sources/memorial-rest.js";
import { prisonerFromCandidate } from "../../src/domain/directory-sources/identity.js";
import type { PrisonerRecord } from "../../src/domain/directory/types.js";
import { type SearchEntry, toSearchEntry } from "../../src/domain/search/entry.js";
import { generatedMemorialCards } from "./registries.js";

export function seedEntries(): SearchEntry[] {
  const document = JSON.parse(readFileSync(new URL("../../data/directory/prisoners.json", import.meta.url), "utf8")) as { prisoners: PrisonerRecord[] };
  return document.prisoners.map(toSearchEntry);
}

export function importedShapeEntries(people: number): SearchEntry[] {
  const parsed = parseMemorialListPage(generatedMemorialCards(people, { recognisedEvery: 1 }), "2026-12-06T00:00:00Z");
  const entries: SearchEntry[] = [];
  for (const record of parsed.records) {
    const card = prisonerFromCandidate(record, null);
    if (!("skip" in card)) entries.push(toSearchEntry(card));
  }
  return [...seedEntries(), ...entries];
}

/** The query mix of `bench:sync`: full names, every fifth a six-letter prefix, every seventh with two letters swapped. */
export function importedShapeQueries(entries: readonly SearchEntry[], count: number): string[] {
  const pool = entries.map((entry) => `${entry.surnames[0]} ${entry.otherNames[0]}`);
  return Array.from({ length: count }, (_, query) => {
    const text = pool[(query * 7919) % pool.length] as string;
    if (query % 5 === 0) return text.slice(0, 6);
    if (query % 7 === 0) return `${text.slice(0, 3)}${text.charAt(4)}${text.charAt(3)}${text.slice(5)}`;
    return text;
  });
}
