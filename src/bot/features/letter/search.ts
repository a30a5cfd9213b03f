import { directoryVersion, getPrisonerBySlug, loadSearchEntries } from "../../../db/repositories/prisoners.js";
import type { DB } from "../../../db/database.js";
import type { PrisonerRecord } from "../../../domain/directory/types.js";
import { DirectorySearch } from "../../../domain/search/directory-search.js";

/** One search index per database handle (per running bot); rebuilt when the directory changes. */
const searches = new WeakMap<DB, DirectorySearch>();

function directorySearch(db: DB): DirectorySearch {
  let search = searches.get(db);
  if (!search) {
    search = new DirectorySearch(() => loadSearchEntries(db), { version: () => directoryVersion(db) });
    searches.set(db, search);
  }
  return search;
}

export interface PersonMatch {
  slug: string;
  names: PrisonerRecord["names"];
  birthYear: number | null;
}

/** The first page of matches for a typed name (at most 10), and how many there are in all. */
export async function findPeople(db: DB, query: string): Promise<{ total: number; matches: PersonMatch[] }> {
  const page = await directorySearch(db).search(query, 1);
  const matches: PersonMatch[] = [];
  for (const hit of page.hits) {
    const prisoner = await getPrisonerBySlug(db, hit.slug);
    if (prisoner) matches.push({ slug: prisoner.slug, names: prisoner.names, birthYear: prisoner.birthYear });
  }
  return { total: page.total, matches };
}
