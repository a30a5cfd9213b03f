import type { Kysely } from "kysely";
import { institutionMatchKey } from "../../domain/institutions/match-key.js";
import type { InstitutionAliasEntry } from "../../domain/institutions/match.js";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

/** Every alias with its facility's postcode and address: what `buildInstitutionIndex` needs. */
export async function listInstitutionAliasEntries(db: Db): Promise<InstitutionAliasEntry[]> {
  const aliases = await db
    .selectFrom("institution_aliases")
    .innerJoin("institutions", "institutions.slug", "institution_aliases.institution_slug")
    .select(["institution_aliases.institution_slug as slug", "institution_aliases.alias", "institutions.postcode", "institutions.postal_address"])
    .execute();
  // Institutions of the hand-written seed have no alias rows: their names count as aliases.
  const named = await db.selectFrom("institutions").select(["slug", "name", "official_name", "postcode", "postal_address"]).execute();
  return [
    ...aliases.map((row) => ({ slug: row.slug, alias: row.alias, postcode: row.postcode, address: row.postal_address })),
    ...named.flatMap((row) =>
      [row.official_name, row.name]
        .filter((alias): alias is string => alias !== null)
        .map((alias) => ({ slug: row.slug, alias, postcode: row.postcode, address: row.postal_address })),
    ),
  ];
}

/** Institutions whose name or alias contains all the words typed, for a user picking a facility. */
export async function searchInstitutions(db: Db, query: string, limit: number): Promise<{ slug: string; name: string; region: string }[]> {
  const words = institutionMatchKey(query).split(" ").filter((word) => word.length > 0).slice(0, 5);
  if (words.length === 0) return [];
  let select = db
    .selectFrom("institution_aliases")
    .innerJoin("institutions", "institutions.slug", "institution_aliases.institution_slug")
    .select(["institutions.slug", "institutions.name", "institutions.region"])
    .distinct();
  for (const word of words) select = select.where("institution_aliases.match_key", "like", `%${word.replace(/[%_]/g, "")}%`);
  return select.orderBy("institutions.slug").limit(limit).execute();
}
