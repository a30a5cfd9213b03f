import { inTransaction } from "../../db/database.js";
import { getCampaignBySlug } from "../../db/repositories/campaigns.js";
import { audit, revokeOrganiser } from "../../db/repositories/roles.js";
import { escapeHtml } from "../../telegram/html.js";
import type { ServiceDeps } from "../deps.js";
import { notifyPerson } from "../relay/notices.js";

/**
 * An admin revokes an organiser of one campaign: the role ends, the audit log records it, and the person is told (in
 * their language, through the outbox), all in one transaction. False when there was nothing to revoke.
 */
export async function revokeOrganiserRole(deps: ServiceDeps, adminId: number, userId: number, campaignSlug: string): Promise<boolean> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
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
}
