import { COUNTED_AS_WRITTEN } from "../../domain/letters/status.js";
import type { DB } from "../database.js";

export interface PrisonerLetterCounts {
  prisonerSlug: string;
  lastWeek: number;
  lastMonth: number;
  /** People following this prisoner's news directly (campaign followers are counted on the campaign). */
  followers: number;
}

export interface CampaignStats {
  campaignSlug: string;
  lastWeek: number;
  lastMonth: number;
  /** People following the whole campaign's news. */
  campaignFollowers: number;
  prisoners: PrisonerLetterCounts[];
}

const DAY_MS = 86_400_000;

/** Letters written to each prisoner of the campaign (any route) in the 7 and 30 days before `now`. */
export async function campaignStats(db: DB, campaignSlug: string, now: Date): Promise<CampaignStats> {
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS).toISOString();
  const monthAgo = new Date(now.getTime() - 30 * DAY_MS).toISOString();
  const members = await db
    .selectFrom("prisoner_campaigns")
    .select("prisoner_slug")
    .where("campaign_slug", "=", campaignSlug)
    .orderBy("prisoner_slug")
    .execute();
  const counts = await db
    .selectFrom("letters")
    .innerJoin("prisoner_campaigns", "prisoner_campaigns.prisoner_slug", "letters.prisoner_slug")
    .select(({ fn, eb }) => [
      "letters.prisoner_slug as prisonerSlug",
      fn.countAll<number | string>().as("lastMonth"),
      fn.sum<number | string | null>(eb.case().when("letters.finished_at", ">=", weekAgo).then(1).else(0).end()).as("lastWeek"),
    ])
    .where("prisoner_campaigns.campaign_slug", "=", campaignSlug)
    .where("letters.status", "in", COUNTED_AS_WRITTEN)
    .where("letters.finished_at", ">=", monthAgo)
    .where("letters.finished_at", "<=", now.toISOString())
    .groupBy("letters.prisoner_slug")
    .execute();
  const bySlug = new Map(counts.map((row) => [row.prisonerSlug, { lastWeek: Number(row.lastWeek ?? 0), lastMonth: Number(row.lastMonth) }]));

  const slugs = members.map((member) => member.prisoner_slug);
  const follows = await db
    .selectFrom("news_follows")
    .select(["target_type", "target_slug", (eb) => eb.fn.countAll<number | string>().as("count")])
    .where((eb) =>
      eb.or([
        eb.and([eb("target_type", "=", "campaign"), eb("target_slug", "=", campaignSlug)]),
        ...(slugs.length > 0 ? [eb.and([eb("target_type", "=", "prisoner"), eb("target_slug", "in", slugs)])] : []),
      ]),
    )
    .groupBy(["target_type", "target_slug"])
    .execute();
  const followers = new Map(follows.filter((row) => row.target_type === "prisoner").map((row) => [row.target_slug, Number(row.count)]));
  const campaignFollowers = Number(follows.find((row) => row.target_type === "campaign")?.count ?? 0);

  const prisoners = members.map(({ prisoner_slug }) => ({
    prisonerSlug: prisoner_slug,
    lastWeek: bySlug.get(prisoner_slug)?.lastWeek ?? 0,
    lastMonth: bySlug.get(prisoner_slug)?.lastMonth ?? 0,
    followers: followers.get(prisoner_slug) ?? 0,
  }));
  return {
    campaignSlug,
    lastWeek: prisoners.reduce((sum, p) => sum + p.lastWeek, 0),
    lastMonth: prisoners.reduce((sum, p) => sum + p.lastMonth, 0),
    campaignFollowers,
    prisoners,
  };
}
