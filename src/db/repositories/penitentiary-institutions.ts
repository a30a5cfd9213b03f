/**
 * Writes polit-sake's facilities (parsed by `parsePenitentiaryXml`) into `institutions` and `institution_aliases`.
 * Set-based (a few dozen statements for 948 facilities): the first sync on Postgres must not pay a round trip per row.
 * A facility that a hand-written seed institution already names (by its official name's match key) adds its aliases and
 * postcode to that institution instead of a second row. Aliases of this origin are replaced as a whole.
 */
import { type DB, inTransaction } from "../database.js";
import { institutionMatchKey } from "../../domain/institutions/match-key.js";
import { PENITENTIARY_AS_OF, PENITENTIARY_SOURCE_URL, type PenitentiaryFacility } from "../../domain/institutions/penitentiary-xml.js";

export interface PenitentiaryMergeResult {
  inserted: number;
  updated: number;
  /** Facilities merged into an institution the hand-written seed already had. */
  mergedIntoSeed: number;
  aliases: number;
}

export async function mergePenitentiaryFacilities(
  db: DB,
  facilities: readonly PenitentiaryFacility[],
  options: { origin: string; now: Date },
): Promise<PenitentiaryMergeResult> {
  const at = options.now.toISOString();
  const result: PenitentiaryMergeResult = { inserted: 0, updated: 0, mergedIntoSeed: 0, aliases: 0 };
  await inTransaction(db, async (trx) => {
    const seedByKey = new Map<string, string>();
    // The seed's rows without an official name (ИК-4 (Торжок), СИЗО-1 (Тверь)) are matched by their short name in
    // the region: without this each became a second row of the same name, and a writer could pick the one without
    // the seed's FSIN-pismo names.
    const seedByShortName = new Map<string, string>();
    for (const row of await trx.selectFrom("institutions").select(["slug", "official_name", "name", "region", "source_url"]).execute()) {
      if (row.official_name !== null) seedByKey.set(institutionMatchKey(row.official_name), row.slug);
      else if (row.source_url !== PENITENTIARY_SOURCE_URL) seedByShortName.set(shortNameKey(row.name, row.region), row.slug);
    }
    const existing = new Set((await trx.selectFrom("institutions").select("slug").execute()).map((row) => row.slug));
    const inserts = [];
    const aliases = new Map<string, { institution_slug: string; alias: string; match_key: string; origin: string }>();
    const addAliases = (slug: string, names: readonly string[]) => {
      for (const alias of names) aliases.set(`${slug}\u0000${alias}`, { institution_slug: slug, alias, match_key: institutionMatchKey(alias), origin: options.origin });
    };
    for (const facility of facilities) {
      const seedSlug =
        facility.names.map((name) => seedByKey.get(institutionMatchKey(name))).find((slug) => slug !== undefined) ??
        seedByShortName.get(shortNameKey(facility.shortName, facility.region));
      if (seedSlug && seedSlug !== facility.slug) {
        // The seed's own address (with its source) stays; the facility adds spellings and a postcode.
        await trx.updateTable("institutions").set({ postcode: facility.zip, jurisdiction: facility.jurisdiction, updated_at: at }).where("slug", "=", seedSlug).execute();
        addAliases(seedSlug, facility.names);
        result.mergedIntoSeed += 1;
        continue;
      }
      const columns = {
        system: "ru",
        type: facility.type,
        region: facility.region,
        city: facility.city,
        name: facility.shortName,
        official_name: facility.names[0] as string,
        postal_address: facility.postalAddress,
        postal_address_source_url: PENITENTIARY_SOURCE_URL,
        postal_address_as_of: PENITENTIARY_AS_OF,
        source_url: PENITENTIARY_SOURCE_URL,
        postcode: facility.zip,
        jurisdiction: facility.jurisdiction,
        updated_at: at,
      };
      addAliases(facility.slug, facility.names);
      if (existing.has(facility.slug)) {
        // FSIN-pismo and Zonatelecom flags are set by the FSIN-pismo list, not by this file: left untouched.
        await trx.updateTable("institutions").set(columns).where("slug", "=", facility.slug).execute();
        result.updated += 1;
      } else {
        inserts.push({ slug: facility.slug, ...columns, fsin_pismo: null, fsin_pismo_region: null, fsin_pismo_name: null, zonatelecom: null, note: null, created_at: at });
        result.inserted += 1;
      }
    }
    for (let offset = 0; offset < inserts.length; offset += 50) await trx.insertInto("institutions").values(inserts.slice(offset, offset + 50)).execute();
    await trx.deleteFrom("institution_aliases").where("origin", "=", options.origin).execute();
    const others = new Set((await trx.selectFrom("institution_aliases").select(["institution_slug", "alias"]).execute()).map((row) => `${row.institution_slug}\u0000${row.alias}`));
    const rows = [...aliases].filter(([key]) => !others.has(key)).map(([, row]) => row);
    for (let offset = 0; offset < rows.length; offset += 200) await trx.insertInto("institution_aliases").values(rows.slice(offset, offset + 200)).execute();
    result.aliases = rows.length;
  });
  return result;
}

function shortNameKey(name: string, region: string): string {
  return `${institutionMatchKey(region)}\u0000${institutionMatchKey(name)}`;
}

/** Whether polit-sake's aliases have been loaded (the first sync loads the facilities before matching). */
export async function hasAliasesFrom(db: DB, origin: string): Promise<boolean> {
  return (await db.selectFrom("institution_aliases").select("alias").where("origin", "=", origin).limit(1).executeTakeFirst()) !== undefined;
}
