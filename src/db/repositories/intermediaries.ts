import type { DB } from "../database.js";
import type { PrisonerIntermediary } from "../tables/routes.js";

/** Services known to deliver letters to this person, newest knowledge first. */
export async function intermediariesOf(db: DB, prisonerSlug: string): Promise<PrisonerIntermediary[]> {
  return db.selectFrom("prisoner_intermediaries").selectAll().where("prisoner_slug", "=", prisonerSlug).orderBy("as_of", "desc").execute();
}

/** Records (or refreshes) that a service delivers letters to this person, with the date and source of that fact. */
export async function upsertIntermediary(db: DB, row: PrisonerIntermediary): Promise<void> {
  const { prisoner_slug: _slug, service: _service, ...values } = row;
  await db
    .insertInto("prisoner_intermediaries")
    .values(row)
    .onConflict((oc) => oc.columns(["prisoner_slug", "service"]).doUpdateSet(values))
    .execute();
}

/** Slugs of everyone with at least one recorded intermediary. */
export async function prisonersWithIntermediaries(db: DB): Promise<Set<string>> {
  return new Set((await db.selectFrom("prisoner_intermediaries").select("prisoner_slug").execute()).map((row) => row.prisoner_slug));
}
