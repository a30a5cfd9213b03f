import type { DB } from "../../db/database.js";
import { getCampaignBySlug } from "../../db/repositories/campaigns.js";
import { listPrisonersInCampaign } from "../../db/repositories/prisoners.js";
import { type CampaignStats, campaignStats } from "../../db/repositories/stats.js";
import { type CampaignRecord, FREE_OR_DEAD_STATUSES, type PrisonerRecord } from "../../domain/directory/types.js";

/** What `/stats` shows for one campaign: its counts, its people by slug, and who a letter could reach but got none. */
export interface CampaignReport {
  campaign: CampaignRecord | undefined;
  stats: CampaignStats;
  prisoners: Map<string, PrisonerRecord>;
  /** Slugs of people with no letter in 30 days whom a letter can still reach: free, exchanged or dead people are not "missing letters". */
  forgotten: string[];
}

export async function campaignReport(db: DB, campaignSlug: string, now: Date): Promise<CampaignReport> {
  const [campaign, stats, members] = await Promise.all([
    getCampaignBySlug(db, campaignSlug),
    campaignStats(db, campaignSlug, now),
    listPrisonersInCampaign(db, campaignSlug),
  ]);
  const prisoners = new Map(members.map((prisoner) => [prisoner.slug, prisoner]));
  const forgotten = stats.prisoners
    .filter((entry) => {
      const prisoner = prisoners.get(entry.prisonerSlug);
      return entry.lastMonth === 0 && prisoner !== undefined && prisoner.letters.allowed && !FREE_OR_DEAD_STATUSES.includes(prisoner.status.value);
    })
    .map((entry) => entry.prisonerSlug);
  return { campaign, stats, prisoners, forgotten };
}
