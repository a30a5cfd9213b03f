import { inTransaction } from "../../db/database.js";
import { getCampaignBySlug } from "../../db/repositories/campaigns.js";
import { audit, listOrganisers, revokeOrganiser } from "../../db/repositories/roles.js";
import { storedLocaleOf } from "../../db/repositories/users.js";
import type { Locale } from "../../config.js";
import type { DB } from "../../db/database.js";
import { listCampaigns } from "../../db/repositories/campaigns.js";
import { escapeHtml } from "../../telegram/html.js";
import type { ServiceDeps } from "../deps.js";
import { notifyPerson } from "../relay/notices.js";

/**
 * An admin revokes an organiser of one campaign: the role ends, the audit log records it, and the person is told (in
 * their language, through the outbox), all in one transaction. Undefined when there was nothing to revoke; else the
 * person's stored language, for their command menu.
 */
export async function revokeOrganiserRole(
  deps: ServiceDeps,
  adminId: number,
  userId: number,
  campaignSlug: string,
): Promise<{ locale: string | undefined } | undefined> {
  const now = deps.clock.now();
  const revoked = await inTransaction(deps.db, async (trx) => {
    const done = await revokeOrganiser(trx, { userId, campaignSlug, revokedBy: adminId, at: now });
    if (!done) return false;
    await audit(trx, { actorId: adminId, action: "organiser.revoke", target: `user:${userId}`, details: { campaign: campaignSlug }, at: now });
    const campaign = await getCampaignBySlug(trx, campaignSlug);
    await notifyPerson(
      trx,
      userId,
      `organiser-revoked-${campaignSlug}-${now.getTime()}`,
      "organisers-revoked-notice",
      (locale) => ({ campaign: escapeHtml(campaign ? campaign.name[locale] : campaignSlug) }),
      now,
    );
    return true;
  });
  if (!revoked) return undefined;
  return { locale: await storedLocaleOf(deps.db, userId) };
}

/** Every active organiser, by campaign, with the campaigns' names in the reader's language. */
export async function organisersByCampaign(db: DB, locale: Locale) {
  const names = new Map((await listCampaigns(db)).map((campaign) => [campaign.slug, campaign.name[locale]]));
  return { names, organisers: await listOrganisers(db) };
}
