import { listCampaignSlugs } from "../../db/repositories/campaigns.js";
import { isOrganiserOf, organiserCampaigns } from "../../db/repositories/roles.js";
import type { DB } from "../../db/database.js";

/**
 * Who asks for a privileged action: their Telegram id and whether BOT_ADMINS names them. Built from the update at
 * the moment the action runs (never cached in a button); every role check in the bot goes through this module.
 */
export interface Actor {
  id: number | undefined;
  admin: boolean;
}

export function actor(id: number | undefined, admins: readonly number[]): Actor {
  return { id, admin: id !== undefined && admins.includes(id) };
}

/**
 * Admins may act for every campaign; organisers only for theirs, as of this moment. `db` may be a transaction: work
 * done inside one must read through it (SQLite has one connection; a read outside would wait for it to end).
 */
export async function mayActForCampaign(db: DB, who: Actor, campaignSlug: string): Promise<boolean> {
  if (who.admin) return true;
  return who.id !== undefined && isOrganiserOf(db, who.id, campaignSlug);
}

/** For a prisoner: an admin, or an organiser of any of the prisoner's campaigns. */
export async function mayActForAnyOf(db: DB, who: Actor, campaignSlugs: readonly string[]): Promise<boolean> {
  if (who.admin) return true;
  for (const campaign of campaignSlugs) if (await mayActForCampaign(db, who, campaign)) return true;
  return false;
}

export async function isAnyOrganiser(db: DB, who: Actor): Promise<boolean> {
  if (who.admin) return true;
  return who.id !== undefined && (await organiserCampaigns(db, who.id)).length > 0;
}

/** Campaigns the actor may act for right now: every campaign for an admin, their own for an organiser. */
export async function campaignsInScope(db: DB, who: Actor): Promise<{ admin: boolean; campaigns: string[] }> {
  if (who.admin) return { admin: true, campaigns: [...(await listCampaignSlugs(db))].sort() };
  return { admin: false, campaigns: who.id === undefined ? [] : await organiserCampaigns(db, who.id) };
}
