/**
 * Maps the FSIN-pismo region/department list onto institutions: a department names a facility by type and number
 * («ИК-2 …») inside a region. Only a single facility of that type and number in that region is marked as served; an
 * institution that the list no longer names loses the flag. Nothing is guessed: unmatched departments are reported.
 */
import { readFileSync } from "node:fs";
import { listInstitutionAliasEntries } from "../../db/repositories/institution-aliases.js";
import { inTransaction } from "../../db/repositories/directory-sync.js";
import { clearFsinPismoExcept, listInstitutionRegions, markFsinPismoServed } from "../../db/repositories/institutions.js";
import type { DB } from "../../db/database.js";
import { type FsinPismoDepartment, parseFsinPismoRegions } from "../../domain/directory-sources/fsin-pismo.js";
import { SourceFormatError } from "../../domain/directory-sources/types.js";
import { designationOf, institutionMatchKey, keyWords } from "../../domain/institutions/match-key.js";
import type { PoliteClient } from "./http.js";

export interface FsinPismoResult {
  departments: number;
  marked: number;
  unmarked: number;
  skipped: Record<string, number>;
}

export async function readFsinPismoList(client: PoliteClient, baseUrl: string, file?: string): Promise<unknown> {
  const text = file ? readFileSync(file, "utf8") : await (async () => {
    const response = await client.get(`${baseUrl}/client/rest/static/regions`);
    if (response.status !== 200) throw new SourceFormatError(`FSIN-pismo regions: HTTP ${response.status}`);
    return response.text;
  })();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SourceFormatError("FSIN-pismo regions: not JSON");
  }
}

/** `complete`: the list names every department FSIN-pismo serves, so a facility it does not name is not served. */
export async function applyFsinPismoList(db: DB, payload: unknown, now: Date, options: { complete: boolean }): Promise<FsinPismoResult> {
  const parsed = parseFsinPismoRegions(payload);
  const result: FsinPismoResult = { departments: parsed.records.length, marked: 0, unmarked: 0, skipped: {} };
  for (const skipped of parsed.skipped) result.skipped[skipped.reason] = (result.skipped[skipped.reason] ?? 0) + 1;
  const at = now.toISOString();
  await inTransaction(db, async (trx) => {
    const regions = await listInstitutionRegions(trx);
    const byDesignation = new Map<string, Set<string>>();
    const byKey = new Map<string, Set<string>>();
    for (const entry of await listInstitutionAliasEntries(trx)) {
      const designation = designationOf(entry.alias);
      if (designation) byDesignation.set(designation, (byDesignation.get(designation) ?? new Set()).add(entry.slug));
      const key = institutionMatchKey(entry.alias);
      byKey.set(key, (byKey.get(key) ?? new Set()).add(entry.slug));
    }
    const served = new Map<string, FsinPismoDepartment>();
    for (const department of parsed.records) {
      const exact = byKey.get(institutionMatchKey(department.department));
      let slugs = exact ? [...exact] : [];
      if (slugs.length === 0) {
        const designation = designationOf(department.department);
        const regionWords = new Set(keyWords(department.region));
        slugs = [...(designation ? (byDesignation.get(designation) ?? []) : [])].filter((slug) =>
          keyWords(regions.get(slug) ?? "").some((word) => regionWords.has(word)),
        );
      }
      const reason = slugs.length === 0 ? "no-institution" : slugs.length > 1 ? "ambiguous-institution" : null;
      if (reason) result.skipped[reason] = (result.skipped[reason] ?? 0) + 1;
      else served.set(slugs[0] as string, department);
    }
    for (const [slug, department] of served) {
      await markFsinPismoServed(trx, slug, { region: department.region, name: department.department }, at);
      result.marked += 1;
    }
    if (options.complete) result.unmarked = await clearFsinPismoExcept(trx, [...served.keys()], at);
  });
  return result;
}
