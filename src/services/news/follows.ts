/**
 * Following cases: a prisoner (from their card or under news about them) or a campaign (from /subscriptions), and
 * how news reaches the person. Each use case reads what its screen shows in one call.
 */
import type { Locale } from "../../config.js";
import { getCampaignBySlug, getCampaignsBySlugs, listCampaigns } from "../../db/repositories/campaigns.js";
import { getPrisonerBySlug, getPrisonerFor, getPrisonersBySlugs } from "../../db/repositories/prisoners.js";
import {
  followCampaign,
  followPrisoner,
  getNewsPreferences,
  isFollowingCampaign,
  isFollowingPrisoner,
  listFollows,
  listMutes,
  setNewsDelivery,
  setNewsTimeZone,
  unfollowCampaign,
  unfollowPrisoner,
  unmutePrisoner,
} from "../../db/repositories/subscriptions.js";
import type { NewsDelivery } from "../../db/tables/news.js";
import { campaignName } from "../../domain/directory/names.js";
import type { PrisonerRecord } from "../../domain/directory/types.js";
import type { ServiceDeps } from "../deps.js";
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "../../domain/news/time-zone.js";

type Names = PrisonerRecord["names"];

/** Whether news about the prisoner reaches this person now (for the Follow / Unfollow button). */
export async function followsPrisoner(deps: Pick<ServiceDeps, "db">, userId: number, prisonerSlug: string): Promise<boolean> {
  return isFollowingPrisoner(deps.db, userId, prisonerSlug);
}

/** "Follow the case": the prisoner's names for the answer, undefined when the button names nobody in the directory. */
export async function followCase(deps: Pick<ServiceDeps, "db" | "clock">, userId: number, prisonerSlug: string): Promise<Names | undefined> {
  const prisoner = await getPrisonerFor(deps.db, prisonerSlug, userId);
  if (!prisoner) return undefined;
  await followPrisoner(deps.db, userId, prisoner.slug, deps.clock.now());
  return prisoner.names;
}

/**
 * "Unfollow": the prisoner's names and the followed campaigns (named in `locale`) that include them, whose news
 * keeps coming without this person; undefined when the button names nobody in the directory.
 */
export async function unfollowCase(
  deps: Pick<ServiceDeps, "db" | "clock">,
  userId: number,
  prisonerSlug: string,
  locale: Locale,
): Promise<{ names: Names; stillInCampaigns: string[] } | undefined> {
  const prisoner = await getPrisonerBySlug(deps.db, prisonerSlug);
  if (!prisoner) return undefined;
  const slugs = await unfollowPrisoner(deps.db, userId, prisoner.slug, deps.clock.now());
  const campaigns = await getCampaignsBySlugs(deps.db, slugs);
  return { names: prisoner.names, stillInCampaigns: slugs.map((slug) => campaignName(campaigns.get(slug), slug, locale)) };
}

/** The /subscriptions screen: followed campaigns (named in `locale`), followed prisoners, and the delivery mode. */
export interface Subscriptions {
  campaigns: { slug: string; name: string }[];
  /** Names are null for someone no longer in the directory: the screen shows the slug. */
  prisoners: { slug: string; names: Names | null }[];
  /** People the person stopped within a followed campaign: listed, so they can see why that news stopped. */
  muted: { slug: string; names: Names | null }[];
  delivery: NewsDelivery;
}

export async function subscriptionsOf(deps: Pick<ServiceDeps, "db">, userId: number, locale: Locale, limit: number): Promise<Subscriptions> {
  const follows = (await listFollows(deps.db, userId)).slice(0, limit);
  const { delivery } = await getNewsPreferences(deps.db, userId);
  const campaignSlugs = follows.filter((follow) => follow.type === "campaign").map((follow) => follow.slug);
  const prisonerSlugs = follows.filter((follow) => follow.type === "prisoner").map((follow) => follow.slug);
  const mutedSlugs = campaignSlugs.length === 0 ? [] : (await listMutes(deps.db, userId)).slice(0, limit);
  const campaigns = await getCampaignsBySlugs(deps.db, campaignSlugs);
  const prisoners = await getPrisonersBySlugs(deps.db, [...prisonerSlugs, ...mutedSlugs]);
  const named = (slug: string) => ({ slug, names: prisoners.get(slug)?.names ?? null });
  return {
    campaigns: campaignSlugs.map((slug) => ({ slug, name: campaignName(campaigns.get(slug), slug, locale) })),
    prisoners: prisonerSlugs.map(named),
    muted: mutedSlugs.map(named),
    delivery,
  };
}

/** Every campaign, named in `locale`, and whether this person follows it (the "follow a campaign" screen). */
export async function campaignChoices(
  deps: Pick<ServiceDeps, "db">,
  userId: number,
  locale: Locale,
): Promise<{ slug: string; name: string; following: boolean }[]> {
  const choices = [];
  for (const campaign of await listCampaigns(deps.db)) {
    choices.push({ slug: campaign.slug, name: campaign.name[locale], following: await isFollowingCampaign(deps.db, userId, campaign.slug) });
  }
  return choices;
}

/** The person follows or stops following a campaign; its name in `locale`, undefined when there is no such campaign. */
export async function setCampaignFollowed(
  deps: Pick<ServiceDeps, "db" | "clock">,
  input: { userId: number; campaignSlug: string; follow: boolean; locale: Locale },
): Promise<string | undefined> {
  const campaign = await getCampaignBySlug(deps.db, input.campaignSlug);
  if (!campaign) return undefined;
  if (input.follow) await followCampaign(deps.db, input.userId, campaign.slug, deps.clock.now());
  else await unfollowCampaign(deps.db, input.userId, campaign.slug);
  return campaign.name[input.locale];
}

/** "Unfollow" pressed in the /subscriptions list: a prisoner still in the directory, or a campaign. */
export async function unfollowFromList(
  deps: Pick<ServiceDeps, "db" | "clock">,
  userId: number,
  target: { prisonerSlug: string } | { campaignSlug: string },
): Promise<void> {
  if ("prisonerSlug" in target) {
    const prisoner = await getPrisonerBySlug(deps.db, target.prisonerSlug);
    if (prisoner) await unfollowPrisoner(deps.db, userId, prisoner.slug, deps.clock.now());
  } else {
    await unfollowCampaign(deps.db, userId, target.campaignSlug);
  }
}

/** "Follow again" beside a muted person in /subscriptions: their news comes through the campaign again. */
export async function resumeMuted(deps: Pick<ServiceDeps, "db">, userId: number, prisonerSlug: string): Promise<boolean> {
  return unmutePrisoner(deps.db, userId, prisonerSlug);
}

/** News at once or as a daily digest; whether that changed anything. */
export async function chooseNewsDelivery(deps: Pick<ServiceDeps, "db" | "clock">, userId: number, delivery: NewsDelivery): Promise<{ changed: boolean }> {
  const before = await getNewsPreferences(deps.db, userId);
  await setNewsDelivery(deps.db, userId, delivery, deps.clock.now());
  return { changed: before.delivery !== delivery };
}

/** The person's time zone for the digest and reminders (the default when they never chose one). */
export async function timeZoneOf(deps: Pick<ServiceDeps, "db">, userId: number): Promise<string> {
  return (await getNewsPreferences(deps.db, userId)).timeZone ?? DEFAULT_TIME_ZONE;
}

/** Stores the zone the person named; undefined (nothing stored) when it is not a time zone. */
export async function chooseTimeZone(deps: Pick<ServiceDeps, "db" | "clock">, userId: number, name: string): Promise<string | undefined> {
  const zone = canonicalTimeZone(name);
  if (zone === undefined) return undefined;
  await setNewsTimeZone(deps.db, userId, zone, deps.clock.now());
  return zone;
}
