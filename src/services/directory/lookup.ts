import type { DB } from "../../db/database.js";
import { listInstitutions } from "../../db/repositories/institutions.js";
import { getPrisonerBySlug, getPrisonersBySlugs, prisonerSlugsInCampaigns } from "../../db/repositories/prisoners.js";
import type { Locale } from "../../config.js";
import type { ServiceDeps } from "../deps.js";
import { prisonerName } from "../../domain/directory/names.js";
import type { PrisonerRecord } from "../../domain/directory/types.js";
import { directorySearchFor } from "./search-index.js";

/**
 * What the publish flow needs from the directory, as JSON-safe values (conversations store them).
 */

export interface PrisonerChoice {
  slug: string;
  name: string;
  gender: "male" | "female";
  campaigns: string[];
}

export interface InstitutionChoice {
  slug: string;
  name: string;
  region: string;
}

export interface PrisonerChoicePage {
  choices: PrisonerChoice[];
  /** 1-based; a page beyond the last gives the last. */
  page: number;
  pageCount: number;
}

/**
 * One page of the hits of the directory's search index (shared with /find) as choices; `within` (slugs) searches among
 * those people only, and `unfiltered` then counts everyone the query matched.
 */
async function findPrisonerChoicePage(
  deps: ServiceDeps,
  query: string,
  locale: Locale,
  page: number,
  within?: ReadonlySet<string>,
): Promise<PrisonerChoicePage & { unfiltered?: number }> {
  const found = await directorySearchFor(deps).search(query, page, within && ((slug) => within.has(slug)));
  const records = await getPrisonersBySlugs(deps.db, found.hits.map((hit) => hit.slug));
  const choices = found.hits.flatMap((hit) => {
    const prisoner = records.get(hit.slug);
    return prisoner ? [choiceOf(prisoner, locale)] : [];
  });
  return { choices, page: found.page, pageCount: found.pageCount, ...(found.unfiltered === undefined ? {} : { unfiltered: found.unfiltered }) };
}

export type ScopedChoices = { kind: "none" } | { kind: "refused" } | ({ kind: "found" } & PrisonerChoicePage);

/**
 * A page of the people a typed name finds among those a scope covers (`/setstatus`, `/move`, `/news`): searched among
 * them alone, so theirs are found however many people of other campaigns rank above them; "refused" when only others
 * match, so the answer can say «not in your campaigns» rather than «nobody».
 */
export async function findChoicesInScope(
  deps: ServiceDeps,
  scope: { admin: boolean; campaigns: readonly string[] },
  query: string,
  locale: Locale,
  page: number,
): Promise<ScopedChoices> {
  const within = await peopleInScope(deps.db, scope);
  // One search: the count before the scope's filter tells «not yours» from «nobody» without ranking everyone again.
  const { unfiltered = 0, ...found } = await findPrisonerChoicePage(deps, query, locale, page, within);
  if (found.choices.length > 0) return { kind: "found", ...found };
  return unfiltered > 0 ? { kind: "refused" } : { kind: "none" };
}

/** The people of the campaigns a scope covers, for `within`; undefined for an admin, who acts for everyone. */
export async function peopleInScope(db: DB, scope: { admin: boolean; campaigns: readonly string[] }): Promise<Set<string> | undefined> {
  return scope.admin ? undefined : prisonerSlugsInCampaigns(db, scope.campaigns);
}

export async function prisonerChoice(db: DB, slug: string, locale: Locale): Promise<PrisonerChoice | undefined> {
  const prisoner = await getPrisonerBySlug(db, slug);
  return prisoner && choiceOf(prisoner, locale);
}

function choiceOf(prisoner: PrisonerRecord, locale: Locale): PrisonerChoice {
  return { slug: prisoner.slug, name: prisonerName(prisoner.names, locale, "list"), gender: prisoner.gender, campaigns: prisoner.campaigns };
}

/** Institutions whose name, official name, city or region contains every word typed («ИК-4 Торжок», «торжок»). */
export async function findInstitutionChoices(db: DB, query: string, limit: number): Promise<InstitutionChoice[]> {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const found: InstitutionChoice[] = [];
  for (const institution of await listInstitutions(db)) {
    const { name, officialName, city, region, slug } = institution;
    const haystack = fold([name, officialName, city, region, slug].join(" "));
    if (words.every((word) => haystack.includes(word))) {
      found.push({ slug: institution.slug, name: institution.name, region: institution.region });
    }
  }
  return found.slice(0, limit);
}

function fold(text: string): string {
  return text.normalize("NFC").toLocaleLowerCase("ru").replace(/ё/g, "е").replace(/[«»"(),.]/g, " ");
}
