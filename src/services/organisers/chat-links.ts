import type { Locale } from "../../config.js";
import { type DB, inTransaction } from "../../db/database.js";
import {
  campaignsOfChat,
  getCampaignChat,
  linkCampaignChat,
  type LinkChatInput,
  markChatBroken,
  markChatWorking,
  unlinkCampaignChat,
} from "../../db/repositories/campaign-chats.js";
import { getCampaignBySlug, getCampaignsBySlugs } from "../../db/repositories/campaigns.js";
import { DESK_SLUG, deskChat, linkDesk, unlinkDesk } from "../../db/repositories/desk.js";
import { redirectHeldRelays } from "../../db/repositories/relay.js";
import { audit } from "../../db/repositories/roles.js";
import type { CampaignChat } from "../../db/tables/organisers.js";
import { releaseHeld } from "../../outbox/index.js";
import type { ServiceDeps } from "../deps.js";
import { alertChatBroken, announceChatRestored } from "../relay/notices.js";

/**
 * Linking the chats where relayed letters arrive: a campaign's chat, or the organisation desk (`DESK_SLUG`, which
 * only admins link). Callers check roles and the bot's rights in the chat first; every change is audited.
 */
export { DESK_SLUG };

/** Campaigns' names in the reader's language, by slug; the desk and campaigns that do not exist are absent. */
export async function campaignNamesBySlug(db: DB, campaignSlugs: readonly string[], locale: Locale): Promise<Map<string, string>> {
  const campaigns = await getCampaignsBySlugs(db, campaignSlugs);
  return new Map([...campaigns].map(([slug, campaign]) => [slug, campaign.name[locale]]));
}

/** A campaign's name in the reader's language; undefined for the desk and for a campaign that does not exist. */
export async function campaignName(db: DB, campaignSlug: string, locale: Locale): Promise<string | undefined> {
  return (await getCampaignBySlug(db, campaignSlug))?.name[locale];
}

/** The chat letters for a campaign (or the desk) go to now, whatever its state. */
export async function linkedChatOf(db: DB, campaignSlug: string): Promise<CampaignChat | undefined> {
  return campaignSlug === DESK_SLUG ? deskChat(db) : getCampaignChat(db, campaignSlug);
}

/**
 * The link this press made already (Telegram delivered the press again after the process died once it committed).
 * Only while it works: a group's campaign pick keeps its buttons, and pressing one again once the link broke is a new
 * request to link, which must restore the link and release what it held. The press itself tells the delivery again
 * from a second press of the same button (z38e); a link made before it was kept is told by its message alone.
 */
function linkedBy(current: CampaignChat | undefined, input: Pick<LinkChatInput, "chatId" | "press">): boolean {
  const { press } = input;
  return (
    press !== undefined &&
    current?.status === "ok" &&
    current.chat_id === input.chatId &&
    current.press_chat_id === press.chatId &&
    current.press_message_id === press.messageId &&
    (current.press_id === null || current.press_id === press.id)
  );
}

/**
 * Links the chat whose rights were just checked; letters held for the campaign move to it and letters held for the
 * chat go out. Returns how many of each, `again` when the same press made this link already (nothing is written),
 * and `checked` when the chat already was the campaign's working link: linked afresh (its title, the organiser's
 * language), which the organiser is told as a check of a link that works, not as a new one.
 */
export async function linkRelayChat(
  deps: Pick<ServiceDeps, "db">,
  input: Omit<LinkChatInput, "public"> & { public: boolean },
): Promise<{ redirected: number; released: number; again: boolean; checked: boolean }> {
  const { campaignSlug, now, ...link } = input;
  return inTransaction(deps.db, async (trx) => {
    const current = await linkedChatOf(trx, campaignSlug);
    if (linkedBy(current, input)) return { redirected: 0, released: 0, again: true, checked: false };
    const checked = current?.status === "ok" && current.chat_id === link.chatId;
    const { previousChatId } = campaignSlug === DESK_SLUG ? await linkDesk(trx, { ...link, now }) : await linkCampaignChat(trx, input);
    const redirected = await redirectHeldRelays(trx, campaignSlug, link.chatId, now);
    // The rights were just checked: every campaign this chat serves can have its letters again.
    await markChatWorking(trx, link.chatId, now);
    const released = await releaseHeld(trx, { chatId: link.chatId, kind: "relay" }, now);
    await audit(trx, {
      actorId: link.linkedBy,
      action: "chat.link",
      target: `campaign:${campaignSlug}`,
      details: { chat_id: link.chatId, chat_type: link.chatType, previous_chat_id: previousChatId, redirected, released, public: link.public },
      at: now,
    });
    return { redirected, released, again: false, checked };
  });
}

/** Removes the campaign's (or the desk's) link to `chatId`, audited. */
export async function unlinkRelayChat(
  deps: Pick<ServiceDeps, "db" | "clock">,
  input: { actorId: number; campaignSlug: string; chatId: number },
): Promise<void> {
  const now = deps.clock.now();
  await inTransaction(deps.db, async (trx) => {
    if (input.campaignSlug === DESK_SLUG) await unlinkDesk(trx);
    else await unlinkCampaignChat(trx, input.campaignSlug);
    await audit(trx, { actorId: input.actorId, action: "chat.unlink", target: `campaign:${input.campaignSlug}`, details: { chat_id: input.chatId }, at: now });
  });
}

/**
 * The bot's own membership changed in a chat: when the chat is linked, a lost right marks the link broken and alerts
 * organisers and admins; regained rights repair it and send the letters held meanwhile. False when the chat is not
 * linked to anything (nothing was done).
 */
export async function botMembershipChanged(
  deps: ServiceDeps,
  change: { chatId: number; title: string | null; by: number; status: string; problem: string | undefined },
): Promise<boolean> {
  const { db, clock, config, logger } = deps;
  const { chatId, title, by, status, problem } = change;
  const links = await campaignsOfChat(db, chatId);
  if (links.length === 0) return false;
  const now = clock.now();
  await inTransaction(db, async (trx) => {
    if (problem) {
      const lastError = `my_chat_member ${status}: ${problem}`;
      const broken = await markChatBroken(trx, chatId, lastError, now);
      if (broken.length > 0) {
        await alertChatBroken(trx, { chatId, title, campaignSlugs: broken, lastError, admins: config.botAdmins, now });
      }
      await audit(trx, { actorId: by, action: "chat.bot_lost_rights", target: `chat:${chatId}`, details: { status, problem }, at: now });
      logger.warn({ chat_id: chatId, status, problem }, "organisers' chat no longer usable");
      return;
    }
    const restored = await markChatWorking(trx, chatId, now);
    const released = await releaseHeld(trx, { chatId, kind: "relay" }, now);
    if (restored.length > 0 || released > 0) {
      await announceChatRestored(trx, { chatId, title, campaignSlugs: links.map((link) => link.campaign_slug), released, now });
      await audit(trx, { actorId: by, action: "chat.bot_restored", target: `chat:${chatId}`, details: { status, released }, at: now });
      logger.info({ chat_id: chatId, released }, "organisers' chat usable again");
    }
  });
  return true;
}
