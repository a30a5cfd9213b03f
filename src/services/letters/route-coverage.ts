import { getInstitutionBySlug } from "../../db/repositories/institutions.js";
import { listPrisoners } from "../../db/repositories/prisoners.js";
import type { DB } from "../../db/database.js";
import { decideWrite } from "../../domain/directory/write-decision.js";
import { relayTargetForPrisoner } from "../../db/repositories/campaign-chats.js";
import { DESK_SLUG } from "../../db/repositories/desk.js";
import { prisonersWithIntermediaries } from "../../db/repositories/intermediaries.js";

export interface RouteCoverage {
  prisoners: number;
  /** FSIN-pismo or post from an institution believed current (what Lysty offered before issue 12, without chats). */
  direct: number;
  /** Direct, or a working campaign chat (before issue 12). */
  withCampaignChats: number;
  /** A person-specific intermediary is recorded (issue 12). */
  withIntermediary: number;
  /** Any route now: direct, campaign chat, the organisation desk, or a recorded intermediary. */
  any: number;
  /** The same if a desk were linked (every person in custody whose letters are not barred). */
  anyWithDesk: number;
}

/** How many people of the directory a writer can reach by at least one route, by kind of route. */
export async function routeCoverage(db: DB, today: Date): Promise<RouteCoverage> {
  const intermediaries = await prisonersWithIntermediaries(db);
  const coverage: RouteCoverage = { prisoners: 0, direct: 0, withCampaignChats: 0, withIntermediary: 0, any: 0, anyWithDesk: 0 };
  for (const prisoner of await listPrisoners(db)) {
    coverage.prisoners += 1;
    const institution = prisoner.location.institution ? await getInstitutionBySlug(db, prisoner.location.institution) : undefined;
    const target = await relayTargetForPrisoner(db, prisoner.slug);
    const campaignChat = target?.status === "ok" && target.campaign_slug !== DESK_SLUG;
    const desk = target?.status === "ok" && target.campaign_slug === DESK_SLUG;
    const reachable = (organiserRelay: boolean) => decideWrite(prisoner, institution, { organiserRelay, today }).kind !== "refused";
    const direct = reachable(false);
    // An intermediary never overrides the directory: free, dead or barred people get no route from it.
    const intermediary = intermediaries.has(prisoner.slug) && reachable(true);
    if (direct) coverage.direct += 1;
    if (reachable(campaignChat)) coverage.withCampaignChats += 1;
    if (intermediary) coverage.withIntermediary += 1;
    if (reachable(campaignChat || desk) || intermediary) coverage.any += 1;
    if (reachable(true)) coverage.anyWithDesk += 1;
  }
  return coverage;
}
