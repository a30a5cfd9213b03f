import type { DB } from "../db/database.js";
import { type Actor, actor, isAnyOrganiser as anyOrganiser, mayActForCampaign } from "../services/organisers/roles.js";
import type { FlowContext } from "./context.js";

/** The sender of this update as a role-check subject (admins come from BOT_ADMINS). */
export function actorOf(ctx: FlowContext): Actor {
  return actor(ctx.from?.id, ctx.deps.config.botAdmins);
}

export function isAdmin(ctx: FlowContext): boolean {
  return actorOf(ctx).admin;
}

/** Admins may act for every campaign; organisers only for theirs, as of this moment. */
export function canActForCampaign(ctx: FlowContext, campaignSlug: string): Promise<boolean> {
  return mayActForCampaign(ctx.deps.db, actorOf(ctx), campaignSlug);
}

export function isAnyOrganiser(ctx: FlowContext): Promise<boolean> {
  return anyOrganiser(ctx.deps.db, actorOf(ctx));
}

/** The check for work inside a transaction, reading through it. */
export function mayActFor(ctx: FlowContext): (db: DB, campaignSlug: string) => Promise<boolean> {
  const who = actorOf(ctx);
  return (db, campaignSlug) => mayActForCampaign(db, who, campaignSlug);
}
