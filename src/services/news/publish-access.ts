import { organiserCampaigns, audit } from "../../db/repositories/roles.js";
import { getPrisonerBySlug } from "../../db/repositories/prisoners.js";
import { getChannelOffer } from "../../db/repositories/news.js";
import { type Actor, isAnyOrganiser, mayActForAnyOf, mayActForCampaign } from "../organisers/roles.js";
import type { ServiceDeps } from "../deps.js";

/**
 * Who may publish news about whom: admins about anyone, organisers about prisoners of their campaigns. Checked when
 * the flow starts (to show only what they may publish) and again at the moment of publishing.
 */
export interface PublishAccess {
  admin: boolean;
  campaigns: string[];
}

export async function publishAccess(deps: ServiceDeps, who: Actor): Promise<PublishAccess> {
  if (who.id === undefined) return { admin: false, campaigns: [] };
  return { admin: who.admin, campaigns: await organiserCampaigns(deps.db, who.id) };
}

export function mayPublish(access: PublishAccess): boolean {
  return access.admin || access.campaigns.length > 0;
}

export function mayPublishAbout(access: PublishAccess, prisonerCampaigns: readonly string[]): boolean {
  return access.admin || prisonerCampaigns.some((campaign) => access.campaigns.includes(campaign));
}

/** The check at the moment of publishing, against the prisoner's campaigns as they are now; a refusal is audited. */
export async function mayPublishNow(deps: ServiceDeps, who: Actor, prisonerSlug: string): Promise<boolean> {
  const prisoner = await getPrisonerBySlug(deps.db, prisonerSlug);
  if (!prisoner || who.id === undefined) return false;
  const allowed = await mayActForAnyOf(deps.db, who, prisoner.campaigns);
  if (!allowed) {
    await audit(deps.db, {
      actorId: who.id,
      action: "news.publish.refused",
      target: `prisoner:${prisoner.slug}`,
      details: { reason: "not-organiser" },
      at: deps.clock.now(),
    });
  }
  return allowed;
}

/** /news from someone who organises nothing: refused, and the attempt audited. */
export async function mayStartPublishing(deps: ServiceDeps, who: Actor): Promise<boolean> {
  if (await isAnyOrganiser(deps.db, who)) return true;
  await auditRefusal(deps, who);
  return false;
}

export type OfferAccess = { kind: "ok"; offerId: number } | { kind: "stale" | "refused" | "published" };

/** "Publish as news" under a channel offer: the offer must exist, be unpublished, and be of one of the actor's campaigns. */
export async function offerAccess(deps: ServiceDeps, who: Actor, offerId: number): Promise<OfferAccess> {
  const offer = Number.isSafeInteger(offerId) ? await getChannelOffer(deps.db, offerId) : undefined;
  if (!offer) return { kind: "stale" };
  if (!(await mayActForCampaign(deps.db, who, offer.campaign_slug))) {
    await auditRefusal(deps, who, `offer:${offer.id}`);
    return { kind: "refused" };
  }
  if (offer.news_id !== null) return { kind: "published" };
  return { kind: "ok", offerId: offer.id };
}

async function auditRefusal(deps: ServiceDeps, who: Actor, target?: string): Promise<void> {
  await audit(deps.db, {
    actorId: who.id ?? 0,
    action: "news.publish.refused",
    ...(target ? { target } : {}),
    details: { reason: "not-organiser" },
    at: deps.clock.now(),
  });
}
