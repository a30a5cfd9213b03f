import { getCampaignBySlug } from "../../db/repositories/campaigns.js";
import { inTransaction } from "../../db/database.js";
import { audit, createOrganiserInvite, type InviteRequest, inviteOfRequest, type RedeemResult, redeemOrganiserInvite } from "../../db/repositories/roles.js";

export type { InviteRequest };
import type { CampaignRecord } from "../../domain/directory/types.js";
import { escapeHtml } from "../../telegram/html.js";
import type { ServiceDeps } from "../deps.js";
import { notifyPerson } from "../relay/notices.js";

/**
 * Organiser invites: an admin creates a one-time link for a campaign; whoever opens it first becomes an organiser of
 * it, and the admin is told. Callers check that the creator is an admin.
 */

/**
 * The campaign and its fresh token; undefined when the campaign does not exist. The token itself is a credential: the
 * audit log names the campaign only. `request`: the admin's `/invite <campaign>` message or press of a campaign's
 * button; when Telegram delivers it again (the process died after the invite was stored), the invite it made is
 * returned, not a second one.
 */
export async function inviteOrganiser(
  deps: Pick<ServiceDeps, "db" | "clock">,
  input: { adminId: number; campaignSlug: string; validForHours: number; request?: InviteRequest },
): Promise<{ campaign: CampaignRecord; token: string } | undefined> {
  const { db, clock } = deps;
  const { adminId, campaignSlug, validForHours, request } = input;
  const campaign = await getCampaignBySlug(db, campaignSlug);
  if (!campaign) return undefined;
  const now = clock.now();
  const token = await inTransaction(db, async (trx) => {
    const made = request === undefined ? undefined : await inviteOfRequest(trx, adminId, request);
    if (made !== undefined) return made;
    const created = await createOrganiserInvite(trx, { campaignSlug, createdBy: adminId, at: now, validForHours, ...(request === undefined ? {} : { request }) });
    await audit(trx, { actorId: adminId, action: "organiser.invite", target: `campaign:${campaignSlug}`, details: { valid_hours: validForHours }, at: now });
    return created;
  });
  return { campaign, token };
}

export type JoinResult =
  | Extract<RedeemResult, { ok: false }>
  | { ok: true; campaignSlug: string; campaign: CampaignRecord | undefined; already: boolean };

/**
 * Redeems the invite for `userId`, audits the join and tells the admin who created it (in the admin's language), in
 * one transaction: a death after it commits leaves no join untold, and the same `/start` delivered again (`again`)
 * writes and tells nothing more. When `userId` already organised the campaign, the admin hears that the invite
 * changed nothing.
 */
export async function joinAsOrganiser(deps: Pick<ServiceDeps, "db" | "clock">, token: string, userId: number): Promise<JoinResult> {
  const { db, clock } = deps;
  const now = clock.now();
  return inTransaction(db, async (trx): Promise<JoinResult> => {
    const result = await redeemOrganiserInvite(trx, token, userId, now);
    if (!result.ok) return result;
    const campaign = await getCampaignBySlug(trx, result.campaignSlug);
    const joined = { ok: true, campaignSlug: result.campaignSlug, campaign, already: result.already } as const;
    if (result.again) return joined;
    await audit(trx, {
      actorId: userId,
      action: result.already ? "organiser.invite-unneeded" : "organiser.join",
      target: `campaign:${result.campaignSlug}`,
      details: { invited_by: result.createdBy },
      at: now,
    });
    await notifyPerson(
      trx,
      result.createdBy,
      // Each redundant invite is its own notice; a join happens once per grant.
      result.already ? `organiser-invite-unneeded-${userId}-${result.campaignSlug}-${now.getTime()}` : `organiser-joined-${userId}-${result.campaignSlug}`,
      result.already ? "organisers-invite-unneeded-admin" : "organisers-invite-redeemed-admin",
      (adminLocale) => ({
        user: `<a href="tg://user?id=${userId}">${userId}</a>`,
        campaign: escapeHtml(campaign?.name[adminLocale] ?? result.campaignSlug),
      }),
      now,
    );
    return joined;
  });
}
