import type { Kysely } from "kysely";
import { institutionMatchKey } from "../../domain/institutions/match-key.js";
import type { InstitutionAliasEntry } from "../../domain/institutions/match.js";
import type { Database } from "../schema.js";
import { inTransaction } from "../database.js";

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

/**
 * Institutions whose name or alias contains all the words typed (folded the way facility strings are matched), for a
 * user picking a facility. The seed's own institutions have no alias rows, so their names are searched too.
 */
export async function searchInstitutions(db: Db, query: string, limit: number): Promise<{ slug: string; name: string; region: string }[]> {
  const words = institutionMatchKey(query).split(" ").filter((word) => word.length > 0).slice(0, 5);
  if (words.length === 0) return [];
  const aliases = await db.selectFrom("institution_aliases").select(["institution_slug as slug", "match_key"]).execute();
  const named = await db.selectFrom("institutions").select(["slug", "name", "official_name", "region"]).orderBy("slug").execute();
  const keys = [
    ...aliases.map((row) => ({ slug: row.slug, key: row.match_key })),
    ...named.flatMap((row) => [row.name, row.official_name].filter((name): name is string => name !== null).map((name) => ({ slug: row.slug, key: institutionMatchKey(name) }))),
  ];
  const found = new Set(keys.filter(({ key }) => words.every((word) => key.includes(word))).map(({ slug }) => slug));
  return named
    .filter((row) => found.has(row.slug))
    .slice(0, limit)
    .map((row) => ({ slug: row.slug, name: row.name, region: row.region }));
}

/** Replaces every alias of one origin (a data file, a source list) with these, in the caller's transaction or its own. */
export async function replaceAliasesOfOrigin(db: Db, origin: string, aliases: readonly { slug: string; alias: string }[]): Promise<number> {
  return inTransaction(db, async (trx) => {
    await trx.deleteFrom("institution_aliases").where("origin", "=", origin).execute();
    const others = new Set((await trx.selectFrom("institution_aliases").select(["institution_slug", "alias"]).execute()).map((row) => `${row.institution_slug}\u0000${row.alias}`));
    const rows = [...new Map(aliases.map((entry) => [`${entry.slug}\u0000${entry.alias}`, entry])).entries()]
      .filter(([key]) => !others.has(key))
      .map(([, entry]) => ({ institution_slug: entry.slug, alias: entry.alias, match_key: institutionMatchKey(entry.alias), origin }));
    if (rows.length > 0) await trx.insertInto("institution_aliases").values(rows).execute();
    return rows.length;
  });
}
