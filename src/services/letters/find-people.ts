import { getPrisonersBySlugs } from "../../db/repositories/prisoners.js";
import type { PrisonerRecord } from "../../domain/directory/types.js";
import { directorySearchFor } from "../directory/search-index.js";
import type { ServiceDeps } from "../deps.js";

export interface PersonMatch {
  slug: string;
  names: PrisonerRecord["names"];
  birthYear: number | null;
}

/**
 * The first page of matches for a typed name (at most 10), and how many there are in all: the same search index as
 * /find (one per database handle), and the matches read in one query.
 */
export async function findPeople(deps: Pick<ServiceDeps, "db" | "clock">, query: string): Promise<{ total: number; matches: PersonMatch[] }> {
  const page = await directorySearchFor(deps).search(query, 1);
  const prisoners = await getPrisonersBySlugs(deps.db, page.hits.map((hit) => hit.slug));
  const matches: PersonMatch[] = [];
  for (const hit of page.hits) {
    const prisoner = prisoners.get(hit.slug);
    if (prisoner) matches.push({ slug: prisoner.slug, names: prisoner.names, birthYear: prisoner.birthYear });
  }
  return { total: page.total, matches };
}
