import type { Api } from "grammy";
import { type DB, inTransaction } from "../../db/database.js";
import { escapeHtml } from "../../telegram/html.js";
import { isChatAccessError } from "../../telegram/api-errors.js";
import type { Clock } from "../../clock.js";
import { SUPPORTED_LOCALES } from "../../config.js";
import type { Logger } from "../../logger.js";
import { DESK_SLUG, deskWithUnknownPublic } from "../../db/repositories/desk.js";
import { campaignChatsWithUnknownPublic, recordChatPublic } from "../../db/repositories/campaign-chats.js";
import { isPublicChat } from "./chat-rights.js";
import { campaignNames, notifyPerson, organisersAndAdmins } from "./notices.js";
import { lockForTransaction } from "../../db/repositories/advisory-lock.js";

export interface PublicLinkReviewDeps {
  api: Pick<Api, "getChat">;
  db: DB;
  admins: readonly number[];
  clock: Clock;
  logger: Logger;
}

/** Chats linked before the link flow recorded whether they are public (`public` is null), with what they serve. */
async function uncheckedLinks(db: DB): Promise<Map<number, { title: string | null; slugs: string[] }>> {
  const links = new Map<number, { title: string | null; slugs: string[] }>();
  const add = (chatId: number, title: string | null, slug: string) => {
    const entry = links.get(chatId) ?? { title, slugs: [] };
    entry.slugs.push(slug);
    links.set(chatId, entry);
  };
  for (const row of await campaignChatsWithUnknownPublic(db)) {
    add(Number(row.chat_id), row.title, row.campaign_slug);
  }
  const desk = await deskWithUnknownPublic(db);
  if (desk) add(Number(desk.chat_id), desk.title, DESK_SLUG);
  return links;
}

/**
 * Once after the upgrade that began asking before linking a public chat: every chat linked earlier is looked up
 * (getChat); a channel or a group with a public @username is recorded as public and its organisers (and the admins)
 * are told once, in private, through the outbox. The answer is stored, so the next start does not ask again; a chat
 * the bot cannot reach now stays unchecked and is tried at the next start.
 */
export async function reviewPublicLinks(deps: PublicLinkReviewDeps): Promise<{ checked: number; flagged: number }> {
  const { db, logger } = deps;
  let checked = 0;
  let flagged = 0;
  for (const [chatId, link] of await uncheckedLinks(db)) {
    let isPublic: boolean;
    let title = link.title;
    try {
      const chat = await deps.api.getChat(chatId);
      isPublic = isPublicChat(chat);
      title = ("title" in chat ? chat.title : undefined) ?? title;
    } catch (error) {
      if (!isChatAccessError(error)) throw error;
      logger.info({ chat_id: chatId }, "linked chat not reachable: public or not is checked at the next start");
      continue;
    }
    const now = deps.clock.now();
    await inTransaction(db, async (trx) => {
      // Several instances starting together each review the links: whoever records the answer first tells people,
      // the others find nothing left to record and stay silent, so organisers hear it once.
      await lockForTransaction(trx, `public-link:${chatId}`);
      const recorded = await recordChatPublic(trx, chatId, isPublic);
      if (!isPublic || recorded === 0) return;
      const names = new Map<string, string>();
      for (const locale of SUPPORTED_LOCALES) names.set(locale, await campaignNames(trx, link.slugs, locale));
      for (const userId of await organisersAndAdmins(trx, link.slugs.filter((slug) => slug !== DESK_SLUG), deps.admins)) {
        await notifyPerson(
          trx,
          userId,
          `public-link-${chatId}`,
          "routes-public-link-flagged",
          (locale) => ({ chat: escapeHtml(title ?? String(chatId)), campaign: escapeHtml(names.get(locale) ?? link.slugs.join(", ")) }),
          now,
        );
      }
    });
    checked += 1;
    if (isPublic) flagged += 1;
  }
  if (checked > 0) logger.info({ checked, flagged }, "links made before the public-chat question reviewed");
  return { checked, flagged };
}
