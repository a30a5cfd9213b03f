import { getInstitutionBySlug } from "../../db/repositories/institutions.js";
import { intermediariesOf } from "../../db/repositories/intermediaries.js";
import { listPrisonersInCampaign } from "../../db/repositories/prisoners.js";
import type { DB } from "../../db/database.js";
import type { PrisonerIntermediary } from "../../db/tables/routes.js";
import { decideWrite } from "../../domain/directory/write-decision.js";
import { FREE_OR_DEAD_STATUSES, type PrisonerForLetter, type PrisonerRecord } from "../../domain/directory/types.js";
import { RUSSIAN_PRISON_INTERMEDIARIES } from "../../domain/letters/intermediaries.js";
import { hasOrganiserRelay } from "../relay/relay-letter.js";

/** At most this many other people are suggested under a refusal: a few good buttons, not a list. */
export const MAX_NEIGHBOURS = 3;

export interface RefusalAlternatives {
  /** Services recorded for this person (with as-of and source), else the general pages for Russian prisons. */
  intermediaries: { service: string; url: string; asOf: string | null; source: string | null }[];
  /** People of the same campaigns a letter can reach now. */
  neighbours: { slug: string; names: PrisonerRecord["names"] }[];
}

/**
 * What a writer can do instead when a letter cannot go to this person: a service known to deliver to them (or the
 * services' general pages; the writer uses them themselves, the bot never submits anything), and other people of
 * the same campaigns who can receive letters now. Never suggests anyone free, dead or without a route.
 */
export async function refusalAlternatives(db: DB, prisoner: PrisonerForLetter, today: Date): Promise<RefusalAlternatives> {
  const known = await intermediariesOf(db, prisoner.slug);
  const inCustody = !FREE_OR_DEAD_STATUSES.includes(prisoner.status.value);
  const intermediaries: RefusalAlternatives["intermediaries"] = !inCustody
    ? []
    : known.length > 0
      ? known.map((row: PrisonerIntermediary) => ({ service: row.service, url: row.url, asOf: row.as_of, source: row.source }))
      : prisoner.system === "ru"
        ? RUSSIAN_PRISON_INTERMEDIARIES.map((service) => ({ service: service.id, url: service.url, asOf: null, source: null }))
        : [];
  const neighbours: RefusalAlternatives["neighbours"] = [];
  const seen = new Set([prisoner.slug]);
  for (const campaign of prisoner.campaigns) {
    for (const other of await listPrisonersInCampaign(db, campaign)) {
      if (neighbours.length >= MAX_NEIGHBOURS) break;
      if (seen.has(other.slug)) continue;
      seen.add(other.slug);
      const institution = other.location.institution ? await getInstitutionBySlug(db, other.location.institution) : undefined;
      const decision = decideWrite(other, institution, { organiserRelay: await hasOrganiserRelay(db, other.slug), today });
      if (decision.kind !== "refused") neighbours.push({ slug: other.slug, names: other.names });
    }
  }
  return { intermediaries, neighbours };
}

/** Services recorded for this person (prisoner_intermediaries), newest fact first: offered as a route of their own. */
export async function recordedIntermediaries(db: DB, prisonerSlug: string): Promise<{ service: string; url: string; asOf: string; source: string }[]> {
  return (await intermediariesOf(db, prisonerSlug)).map((row) => ({ service: row.service, url: row.url, asOf: row.as_of, source: row.source }));
}
