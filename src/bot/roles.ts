import { isOrganiserOf, organiserCampaigns } from "../db/repositories/roles.js";
import type { FlowContext } from "./context.js";

/** Admins come from BOT_ADMINS; checked on every privileged action, never cached in a button. */
export function isAdmin(ctx: FlowContext): boolean {
  const id = ctx.from?.id;
  return id !== undefined && ctx.deps.config.botAdmins.includes(id);
}

/** Admins may act for every campaign; organisers only for theirs, as of this moment. */
export async function canActForCampaign(ctx: FlowContext, campaignSlug: string): Promise<boolean> {
  if (isAdmin(ctx)) return true;
  const id = ctx.from?.id;
  return id !== undefined && isOrganiserOf(ctx.deps.db, id, campaignSlug);
}

export async function isAnyOrganiser(ctx: FlowContext): Promise<boolean> {
  if (isAdmin(ctx)) return true;
  const id = ctx.from?.id;
  return id !== undefined && (await organiserCampaigns(ctx.deps.db, id)).length > 0;
}
