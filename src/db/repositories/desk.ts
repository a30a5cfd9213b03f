import type { DB } from "../database.js";
import { freshLinkValues, type LinkChatInput } from "./campaign-chats.js";
import type { CampaignChat } from "../tables/organisers.js";
import type { OrganisationDesk } from "../tables/routes.js";

/**
 * The campaign slug the desk is known by wherever a relayed letter names its campaign (relayed_letters, role checks,
 * alerts, `/link desk`). No directory campaign may use it.
 */
export const DESK_SLUG = "desk";

export async function getDesk(db: DB): Promise<OrganisationDesk | undefined> {
  return db.selectFrom("organisation_desk").selectAll().where("id", "=", 1).executeTakeFirst();
}

/** The desk seen as one more campaign chat, so the relay, alerts and held letters treat both alike. */
function deskAsCampaignChat(desk: OrganisationDesk): CampaignChat {
  const { id: _id, ...rest } = desk;
  return { campaign_slug: DESK_SLUG, ...rest };
}

export async function deskChat(db: DB): Promise<CampaignChat | undefined> {
  const desk = await getDesk(db);
  return desk ? deskAsCampaignChat(desk) : undefined;
}

/** Points the desk at a chat whose rights were just checked. Returns the chat it replaces, if another one. */
export async function linkDesk(db: DB, input: Omit<LinkChatInput, "campaignSlug">): Promise<{ previousChatId: number | null }> {
  const previous = await getDesk(db);
  const values = freshLinkValues(input);
  await db
    .insertInto("organisation_desk")
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column("id").doUpdateSet(values))
    .execute();
  return { previousChatId: previous && previous.chat_id !== input.chatId ? previous.chat_id : null };
}

export async function unlinkDesk(db: DB): Promise<boolean> {
  const result = await db.deleteFrom("organisation_desk").where("id", "=", 1).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Marks the desk broken if it is this chat; true when it was working until now (its people need an alert). Decided by
 * the UPDATE that changes `ok` to `broken`, not by a read before it: on Postgres a second session marking it at the
 * same moment waits for the first to commit, then changes no row and alerts nobody again (as markChatBroken does).
 */
export async function markDeskBroken(db: DB, chatId: number, lastError: string, now: Date): Promise<boolean> {
  const broken = await db
    .updateTable("organisation_desk")
    .set({ status: "broken", last_error: lastError, status_changed_at: now.toISOString() })
    .where("id", "=", 1)
    .where("chat_id", "=", chatId)
    .where("status", "=", "ok")
    .executeTakeFirst();
  if (broken.numUpdatedRows > 0n) return true;
  await db.updateTable("organisation_desk").set({ last_error: lastError }).where("id", "=", 1).where("chat_id", "=", chatId).where("status", "=", "broken").execute();
  return false;
}

/** The bot is back in the desk chat with the rights it needs; true when it was broken until now. */
export async function markDeskWorking(db: DB, chatId: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("organisation_desk")
    .set({ status: "ok", last_error: null, status_changed_at: now.toISOString() })
    .where("id", "=", 1)
    .where("chat_id", "=", chatId)
    .where("status", "=", "broken")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function moveDesk(db: DB, fromChatId: number, toChatId: number): Promise<void> {
  await db.updateTable("organisation_desk").set({ chat_id: toChatId, chat_type: "supergroup" }).where("chat_id", "=", fromChatId).execute();
}

/** The desk when it was linked before the link flow recorded whether its chat is public. */
export async function deskWithUnknownPublic(db: DB): Promise<{ chat_id: number; title: string | null } | undefined> {
  return db.selectFrom("organisation_desk").select(["chat_id", "title"]).where("public", "is", null).executeTakeFirst();
}

/** Records whether the desk's chat `chatId` is public, unless that was recorded already; true when it was recorded now. */
export async function recordDeskPublic(db: DB, chatId: number, isPublic: boolean): Promise<boolean> {
  const result = await db.updateTable("organisation_desk").set({ public: isPublic ? 1 : 0 }).where("chat_id", "=", chatId).where("public", "is", null).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
