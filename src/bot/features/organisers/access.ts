import { listCampaignSlugs } from "../../../db/repositories/campaigns.js";
import { isOrganiserOf, organiserCampaigns } from "../../../db/repositories/roles.js";
import type { DB } from "../../../db/database.js";
import type { FlowContext } from "../../context.js";
import { isAdmin } from "../../roles.js";

/** Campaigns the sender may act for right now: every campaign for an admin, their own for an organiser. */
export async function campaignsInScope(ctx: FlowContext): Promise<{ admin: boolean; campaigns: string[] }> {
  if (isAdmin(ctx)) return { admin: true, campaigns: [...(await listCampaignSlugs(ctx.deps.db))].sort() };
  const id = ctx.from?.id;
  return { admin: false, campaigns: id === undefined ? [] : await organiserCampaigns(ctx.deps.db, id) };
}

/**
 * The role check for work done inside a transaction: it must read through that transaction (SQLite has one
 * connection; a read outside it would wait for the transaction to end).
 */
export function mayActFor(ctx: FlowContext): (db: DB, campaignSlug: string) => Promise<boolean> {
  return async (db, campaignSlug) => {
    if (isAdmin(ctx)) return true;
    const id = ctx.from?.id;
    return id !== undefined && isOrganiserOf(db, id, campaignSlug);
  };
}

/** The words after the command, split on whitespace. */
export function commandArgs(ctx: FlowContext): string[] {
  const text = ctx.msg?.text ?? "";
  return text.replace(/^\/\S+/, "").trim().split(/\s+/).filter(Boolean);
}
