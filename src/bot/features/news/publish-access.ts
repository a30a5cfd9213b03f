import { organiserCampaigns, audit } from "../../../db/repositories/roles.js";
import { getPrisonerBySlug } from "../../../db/repositories/prisoners.js";
import type { FlowContext } from "../../context.js";
import { canActForCampaign, isAdmin } from "../../roles.js";

/**
 * Who may publish news about whom: admins about anyone, organisers about prisoners of their campaigns. Checked when
 * the flow starts (to show only what they may publish) and again at the moment of publishing.
 */
export interface PublishAccess {
  admin: boolean;
  campaigns: string[];
}

export async function publishAccess(ctx: FlowContext): Promise<PublishAccess> {
  const id = ctx.from?.id;
  if (id === undefined) return { admin: false, campaigns: [] };
  return { admin: isAdmin(ctx), campaigns: await organiserCampaigns(ctx.deps.db, id) };
}

export function mayPublish(access: PublishAccess): boolean {
  return access.admin || access.campaigns.length > 0;
}

export function mayPublishAbout(access: PublishAccess, prisonerCampaigns: readonly string[]): boolean {
  return access.admin || prisonerCampaigns.some((campaign) => access.campaigns.includes(campaign));
}

/** The check at the moment of publishing, against the prisoner's campaigns as they are now; a refusal is audited. */
export async function mayPublishNow(ctx: FlowContext, prisonerSlug: string): Promise<boolean> {
  const prisoner = await getPrisonerBySlug(ctx.deps.db, prisonerSlug);
  if (!prisoner || ctx.from === undefined) return false;
  let allowed = isAdmin(ctx);
  for (const campaign of prisoner.campaigns) {
    if (allowed) break;
    allowed = await canActForCampaign(ctx, campaign);
  }
  if (!allowed) {
    await audit(ctx.deps.db, {
      actorId: ctx.from.id,
      action: "news.publish.refused",
      target: `prisoner:${prisoner.slug}`,
      details: { reason: "not-organiser" },
      at: ctx.deps.clock.now(),
    });
  }
  return allowed;
}
