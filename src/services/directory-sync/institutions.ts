/**
 * Seeds the institutions table from polit-sake's `penitentiary.xml` (948 Russian facilities, Apache-2.0, shipped in
 * data/institutions/ with its licence). A facility that one of the hand-written seed institutions already names gets
 * the aliases and postcode added to that institution instead of a second row. Idempotent. Loaded once per database:
 * by every start (after the first getUpdates, `src/app.ts`) and by a sync, whichever comes first.
 */
import { readFileSync } from "node:fs";
import type { DB } from "../../db/database.js";
import { hasAliasesFrom, mergePenitentiaryFacilities } from "../../db/repositories/penitentiary-institutions.js";
import { parsePenitentiaryXml } from "../../domain/institutions/penitentiary-xml.js";
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

export async function loadPenitentiaryInstitutions(db: DB, options: { now: Date; file?: string }): Promise<InstitutionLoadResult> {
  const facilities = parsePenitentiaryXml(readFileSync(options.file ?? penitentiaryFile(), "utf8"));
  const merged = await mergePenitentiaryFacilities(db, facilities, { origin: PENITENTIARY_ORIGIN, now: options.now });
  return { facilities: facilities.length, ...merged };
}

/**
 * Loads the facilities when this database has none of polit-sake's yet (a fresh install, before any sync): "someone
 * not in the list", `/move` and `/news` transfers search them. Undefined when they were there already (one indexed read).
 */
export async function ensurePenitentiaryInstitutions(db: DB, options: { now: Date }): Promise<InstitutionLoadResult | undefined> {
  if (await hasAliasesFrom(db, PENITENTIARY_ORIGIN)) return undefined;
  return loadPenitentiaryInstitutions(db, options);
}
