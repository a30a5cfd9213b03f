import { campaignsInScope as inScope } from "../../../services/organisers/roles.js";
import type { FlowContext } from "../../context.js";
import { actorOf } from "../../roles.js";

/** Campaigns the sender may act for right now: every campaign for an admin, their own for an organiser. */
export function campaignsInScope(ctx: FlowContext): Promise<{ admin: boolean; campaigns: string[] }> {
  return inScope(ctx.deps.db, actorOf(ctx));
}

/**
 * The sender's campaigns when they organise one or are an admin; anyone else is told once what organiser tools are and how
 * to get an invite, rather than how to use a command they cannot use (a writer sending a bare `/move` or `/link`).
 */
export async function teamScope(ctx: FlowContext): Promise<{ admin: boolean; campaigns: string[] } | undefined> {
  const scope = await campaignsInScope(ctx);
  if (scope.admin || scope.campaigns.length > 0) return scope;
  await ctx.reply(ctx.t("organisers-not-organiser"));
  return undefined;
}

/** The words after the command, split on whitespace. */
export function commandArgs(ctx: FlowContext): string[] {
  const text = ctx.msg?.text ?? "";
  return text.replace(/^\/\S+/, "").trim().split(/\s+/).filter(Boolean);
}
