/**
 * Belarusian facilities (issue 11, item 4) from `data/institutions/belarus.json`: each record names its published
 * source and the date, a postal address only where a source prints a complete one. Loaded with the Russian facilities
 * on every sync (idempotent: records upserted, this file's aliases replaced), so Viasna's facility strings match them.
 */
import { readFileSync } from "node:fs";
import * as v from "valibot";
import type { DB } from "../../db/database.js";
import { replaceAliasesOfOrigin } from "../../db/repositories/institution-aliases.js";
import { upsertInstitution } from "../../db/repositories/institutions.js";
import { InstitutionSchema } from "../../domain/directory/schema.js";
import { projectPath } from "../../project-path.js";

const BelarusFileSchema = v.object({
  origin: v.string(),
  institutions: v.array(
    v.object({
      asOf: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
      aliases: v.array(v.pipe(v.string(), v.minLength(3))),
      record: InstitutionSchema,
    }),
  ),
});

export function belarusFile(): string {
  return projectPath("data", "institutions", "belarus.json");
}

export interface BelarusLoadResult {
  institutions: number;
  aliases: number;
}

export async function loadBelarusInstitutions(db: DB, options: { now: Date; file?: string }): Promise<BelarusLoadResult> {
  const file = v.parse(BelarusFileSchema, JSON.parse(readFileSync(options.file ?? belarusFile(), "utf8")));
  for (const { record, asOf } of file.institutions) {
    if (record.system !== "by") throw new Error(`${record.slug}: not a Belarusian facility`);
    // The table has no as-of of its own for a facility: the note carries the source's date.
    await upsertInstitution(db, { ...record, note: `${record.note ?? ""} Source as of ${asOf}.`.trim() }, options.now);
  }
  const aliases = file.institutions.flatMap(({ record, aliases: names }) => names.map((alias) => ({ slug: record.slug, alias })));
  return { institutions: file.institutions.length, aliases: await replaceAliasesOfOrigin(db, file.origin, aliases) };
}
