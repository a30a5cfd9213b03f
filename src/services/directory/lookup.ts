import type { DB } from "../../db/database.js";
import { listInstitutions } from "../../db/repositories/institutions.js";
import { getPrisonerBySlug } from "../../db/repositories/prisoners.js";
import type { Locale } from "../../config.js";
import type { ServiceDeps } from "../deps.js";
import { prisonerName } from "../../domain/directory/names.js";
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

/** The directory feature's search index, shared with /find. */
export async function findPrisonerChoices(deps: ServiceDeps, query: string, locale: Locale, limit: number): Promise<PrisonerChoice[]> {
  const page = await directorySearchFor(deps).search(query);
  const choices: PrisonerChoice[] = [];
  for (const hit of page.hits.slice(0, limit)) {
    const choice = await prisonerChoice(deps.db, hit.slug, locale);
    if (choice) choices.push(choice);
  }
  return choices;
}

export async function prisonerChoice(db: DB, slug: string, locale: Locale): Promise<PrisonerChoice | undefined> {
  const prisoner = await getPrisonerBySlug(db, slug);
  if (!prisoner) return undefined;
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
