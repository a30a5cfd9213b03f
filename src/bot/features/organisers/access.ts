import { campaignsInScope as inScope } from "../../../services/organisers/roles.js";
import type { FlowContext } from "../../context.js";
import { actorOf } from "../../roles.js";

/** Campaigns the sender may act for right now: every campaign for an admin, their own for an organiser. */
export function campaignsInScope(ctx: FlowContext): Promise<{ admin: boolean; campaigns: string[] }> {
  return inScope(ctx.deps.db, actorOf(ctx));
}

/** The words after the command, split on whitespace. */
export function commandArgs(ctx: FlowContext): string[] {
  const text = ctx.msg?.text ?? "";
  return text.replace(/^\/\S+/, "").trim().split(/\s+/).filter(Boolean);
}
