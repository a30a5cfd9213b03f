import { randomBytes } from "node:crypto";
import type { DB } from "../database.js";

export async function isOrganiserOf(db: DB, userId: number, campaignSlug: string): Promise<boolean> {
  const row = await db
    .selectFrom("organisers")
    .select("user_id")
    .where("user_id", "=", userId)
    .where("campaign_slug", "=", campaignSlug)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Campaigns the user currently organises (empty for everyone else). */
export async function organiserCampaigns(db: DB, userId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("organisers")
    .select("campaign_slug")
    .where("user_id", "=", userId)
    .where("revoked_at", "is", null)
    .orderBy("campaign_slug")
    .execute();
  return rows.map((row) => row.campaign_slug);
}

export async function listOrganisers(db: DB, campaignSlug?: string) {
  let query = db.selectFrom("organisers").selectAll().where("revoked_at", "is", null);
  if (campaignSlug) query = query.where("campaign_slug", "=", campaignSlug);
  return query.orderBy("campaign_slug").orderBy("granted_at").execute();
}

export async function grantOrganiser(
  db: DB,
  grant: { userId: number; campaignSlug: string; grantedBy: number; at: Date },
): Promise<void> {
  const at = grant.at.toISOString();
  await db
    .insertInto("organisers")
    .values({ user_id: grant.userId, campaign_slug: grant.campaignSlug, granted_by: grant.grantedBy, granted_at: at })
    .onConflict((oc) =>
      oc.columns(["user_id", "campaign_slug"]).doUpdateSet({
        granted_by: grant.grantedBy,
        granted_at: at,
        revoked_at: null,
        revoked_by: null,
      }),
    )
    .execute();
}

export async function revokeOrganiser(
  db: DB,
  revoke: { userId: number; campaignSlug: string; revokedBy: number; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable("organisers")
    .set({ revoked_at: revoke.at.toISOString(), revoked_by: revoke.revokedBy })
    .where("user_id", "=", revoke.userId)
    .where("campaign_slug", "=", revoke.campaignSlug)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** A one-time invite; the token is unguessable (128 random bits) and short enough for a deep link. */
export async function createOrganiserInvite(
  db: DB,
  invite: { campaignSlug: string; createdBy: number; at: Date; validForHours: number; request?: InviteRequest },
): Promise<string> {
  const token = randomBytes(16).toString("base64url");
  await db
    .insertInto("organiser_invites")
    .values({
      token,
      campaign_slug: invite.campaignSlug,
      created_by: invite.createdBy,
      created_at: invite.at.toISOString(),
      expires_at: new Date(invite.at.getTime() + invite.validForHours * 3_600_000).toISOString(),
      request_message_id: invite.request?.messageId ?? null,
      request_press_id: invite.request?.pressId ?? null,
    })
    .execute();
  return token;
}

/** What asked for an invite, as Telegram may deliver it again: the admin's `/invite <campaign>` message or their press of a campaign's button. */
export type InviteRequest = { messageId: number; pressId?: undefined } | { pressId: string; messageId?: undefined };

/** The invite an admin's `/invite` message or button press already made, if any. */
export async function inviteOfRequest(db: DB, createdBy: number, request: InviteRequest): Promise<string | undefined> {
  const row = await db
    .selectFrom("organiser_invites")
    .select("token")
    .where("created_by", "=", createdBy)
    .$if(request.messageId !== undefined, (query) => query.where("request_message_id", "=", request.messageId ?? 0))
    .$if(request.pressId !== undefined, (query) => query.where("request_press_id", "=", request.pressId ?? ""))
    .executeTakeFirst();
  return row?.token;
}

export type RedeemResult =
  | {
      ok: true;
      campaignSlug: string;
      createdBy: number;
      /** Already an organiser of it: the role is left as granted. */
      already: boolean;
      /** This person used this link before and still organises the campaign (their `/start` delivered again): nothing written. */
      again: boolean;
    }
  | { ok: false; reason: "unknown" | "used" | "expired" };

/**
 * Marks the invite used and grants the role; the caller runs it in the transaction that also tells the admin, so one
 * link makes exactly one organiser and one notice: only the redemption whose UPDATE changed the row grants, and one
 * that lost the row to a concurrent redemption answers as for a used link (or `again`, when the winner was the same
 * person). Someone who already organises the campaign uses the link up too (it was sent to them), and keeps the grant
 * they had.
 */
export async function redeemOrganiserInvite(trx: DB, token: string, userId: number, at: Date): Promise<RedeemResult> {
  const invite = await trx.selectFrom("organiser_invites").selectAll().where("token", "=", token).executeTakeFirst();
  if (!invite) return { ok: false, reason: "unknown" } as const;
  const joined = { ok: true, campaignSlug: invite.campaign_slug, createdBy: invite.created_by } as const;
  const usedBefore = async (usedBy: number | null): Promise<RedeemResult> => {
    const again = usedBy === userId && (await isOrganiserOf(trx, userId, invite.campaign_slug));
    return again ? { ...joined, already: false, again } : ({ ok: false, reason: "used" } as const);
  };
  if (invite.used_at) return usedBefore(invite.used_by);
  if (invite.expires_at <= at.toISOString()) return { ok: false, reason: "expired" } as const;
  // The claim: on Postgres another transaction may have read the invite unused too and marked it first; this UPDATE
  // then waits for it to commit and changes no row. Only the one that changed the row grants the role.
  const claimed = await trx
    .updateTable("organiser_invites")
    .set({ used_by: userId, used_at: at.toISOString() })
    .where("token", "=", token)
    .where("used_at", "is", null)
    .executeTakeFirst();
  if (claimed.numUpdatedRows === 0n) {
    // Under READ COMMITTED this read sees the other transaction's commit: who took it (the same person twice: `again`).
    const used = await trx.selectFrom("organiser_invites").select("used_by").where("token", "=", token).executeTakeFirst();
    return usedBefore(used?.used_by ?? null);
  }
  const already = await isOrganiserOf(trx, userId, invite.campaign_slug);
  if (!already) await grantOrganiser(trx, { userId, campaignSlug: invite.campaign_slug, grantedBy: invite.created_by, at });
  return { ...joined, already, again: false };
}

/**
 * Who did what to which record, when. Details carry ids and codes only. `pressMessageId`: the actor's message whose
 * button asked for it, so that press delivered again finds the entry (`auditOfPress`); none (null) when nothing was
 * pressed or the press had no message.
 */
export async function audit(
  db: DB,
  entry: { actorId: number; action: string; target?: string; details?: Record<string, unknown>; at: Date; pressMessageId?: number },
): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      target: entry.target ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
      at: entry.at.toISOString(),
      press_message_id: entry.pressMessageId ?? null,
    })
    .execute();
}

/** The details of the entry an actor's pressed message already made, if any (its press delivered again). */
export async function auditOfPress(db: DB, actorId: number, pressMessageId: number): Promise<Record<string, unknown> | undefined> {
  const row = await db
    .selectFrom("audit_log")
    .select("details")
    .where("actor_id", "=", actorId)
    .where("press_message_id", "=", pressMessageId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return row.details === null ? {} : (JSON.parse(row.details) as Record<string, unknown>);
}
