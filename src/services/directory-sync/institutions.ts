/**
 * Seeds the institutions table from polit-sake's `penitentiary.xml` (948 Russian facilities, Apache-2.0, shipped in
 * data/institutions/ with its licence). A facility that one of the hand-written seed institutions already names gets
 * the aliases and postcode added to that institution instead of a second row. Idempotent: run on every sync.
 */
import { readFileSync } from "node:fs";
import type { Kysely } from "kysely";
import { setInstitutionAliases } from "../../db/repositories/institution-aliases.js";
import { inTransaction } from "../../db/repositories/prisoners.js";
import type { Database } from "../../db/schema.js";
import { institutionMatchKey } from "../../domain/institutions/match-key.js";
import { PENITENTIARY_AS_OF, PENITENTIARY_SOURCE_URL, parsePenitentiaryXml } from "../../domain/institutions/penitentiary-xml.js";
import { projectPath } from "../../project-path.js";

export const PENITENTIARY_ORIGIN = "polit-sake@5564be92";

export function penitentiaryFile(): string {
  return projectPath("data", "institutions", "penitentiary.xml");
}

export interface InstitutionLoadResult {
  facilities: number;
  inserted: number;
  updated: number;
  /** Facilities merged into an institution the hand-written seed already had. */
  mergedIntoSeed: number;
  aliases: number;
}

export async function loadPenitentiaryInstitutions(db: Kysely<Database>, options: { now: Date; file?: string }): Promise<InstitutionLoadResult> {
  const facilities = parsePenitentiaryXml(readFileSync(options.file ?? penitentiaryFile(), "utf8"));
  const at = options.now.toISOString();
  const result: InstitutionLoadResult = { facilities: facilities.length, inserted: 0, updated: 0, mergedIntoSeed: 0, aliases: 0 };
  await inTransaction(db, async (trx) => {
    const seedByKey = new Map<string, string>();
    for (const row of await trx.selectFrom("institutions").select(["slug", "official_name"]).where("official_name", "is not", null).execute()) {
      seedByKey.set(institutionMatchKey(row.official_name as string), row.slug);
    }
    const existing = new Set((await trx.selectFrom("institutions").select("slug").execute()).map((row) => row.slug));
    for (const facility of facilities) {
      const seedSlug = facility.names.map((name) => seedByKey.get(institutionMatchKey(name))).find((slug) => slug !== undefined);
      if (seedSlug && seedSlug !== facility.slug) {
        // The seed's own address (with its source) stays; the facility adds spellings and a postcode.
        await trx.updateTable("institutions").set({ postcode: facility.zip, jurisdiction: facility.jurisdiction, updated_at: at }).where("slug", "=", seedSlug).execute();
        await setInstitutionAliases(trx, seedSlug, PENITENTIARY_ORIGIN, facility.names);
        result.mergedIntoSeed += 1;
        result.aliases += facility.names.length;
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
      if (existing.has(facility.slug)) {
        // FSIN-pismo and Zonatelecom flags are set by the FSIN-pismo list, not by this file: left untouched.
        await trx.updateTable("institutions").set(columns).where("slug", "=", facility.slug).execute();
        result.updated += 1;
      } else {
        await trx
          .insertInto("institutions")
          .values({ slug: facility.slug, ...columns, fsin_pismo: null, fsin_pismo_region: null, fsin_pismo_name: null, zonatelecom: null, note: null, created_at: at })
          .execute();
        result.inserted += 1;
      }
      await setInstitutionAliases(trx, facility.slug, PENITENTIARY_ORIGIN, facility.names);
      result.aliases += facility.names.length;
    }
  });
  return result;
}
