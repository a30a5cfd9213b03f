import type { Kysely } from "kysely";
import { institutionMatchKey } from "../../domain/institutions/match-key.js";
import type { InstitutionAliasEntry } from "../../domain/institutions/match.js";
import type { Database } from "../schema.js";

type Db = Kysely<Database>;

/** Replaces the aliases one origin gave an institution; aliases from other origins stay. */
export async function setInstitutionAliases(db: Db, slug: string, origin: string, aliases: readonly string[]): Promise<void> {
  await db.deleteFrom("institution_aliases").where("institution_slug", "=", slug).where("origin", "=", origin).execute();
  const existing = new Set(
    (await db.selectFrom("institution_aliases").select("alias").where("institution_slug", "=", slug).execute()).map((row) => row.alias),
  );
  const rows = [...new Set(aliases)]
    .filter((alias) => !existing.has(alias))
    .map((alias) => ({ institution_slug: slug, alias, match_key: institutionMatchKey(alias), origin }));
  if (rows.length > 0) await db.insertInto("institution_aliases").values(rows).execute();
}

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
