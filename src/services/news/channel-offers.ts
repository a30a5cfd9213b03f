/**
 * A post in a campaign's linked channel that carries a prisoner's hashtag (#Балух) becomes an offer: the campaign's
 * organisers get a private message with a "publish as news" button that opens the publish flow prefilled, so nobody
 * retypes what they already posted. Only prisoners of the campaigns linked to that chat are matched; posts from
 * chats no campaign links are ignored.
 */
import { escapeHtml } from "../../telegram/html.js";
import type { Locale } from "../../config.js";
import { type DB, inTransaction } from "../../db/database.js";
import { reachableUsersWithLocale } from "../../db/repositories/users.js";
import { campaignsOfChat } from "../../db/repositories/campaign-chats.js";
import { insertChannelOffer } from "../../db/repositories/news.js";
import { listPrisonersInCampaign } from "../../db/repositories/prisoners.js";
import { listOrganisers } from "../../db/repositories/roles.js";
import type { PrisonerRecord } from "../../domain/directory/types.js";
import { taggedSlugs } from "../../domain/news/hashtags.js";
import { enqueue, type OutboxItem } from "../../outbox/index.js";
import { publishOfferData } from "./callbacks.js";
import { NEWS_KIND } from "./publish.js";
import { excerpt } from "./render.js";
import type { Translate } from "../../telegram/i18n.js";
import { resolveLocale } from "../../telegram/locale.js";
import { prisonerName } from "../../domain/directory/names.js";

export interface ChannelPost {
  chatId: number;
  messageId: number;
  text: string;
  title: string | null;
  /** Public channels have one; the post's t.me link then serves as the news source. */
  username: string | null;
}

const EXCERPT_CHARACTERS = 300;

/** Returns the number of offers made (one per tagged prisoner, whatever the number of organisers told). */
export async function offerChannelPost(
  db: DB,
  post: ChannelPost,
  options: { now: Date; t: Translate; defaultLocale: Locale },
): Promise<number> {
  const links = await campaignsOfChat(db, post.chatId);
  if (links.length === 0) return 0;
  const offered = new Set<string>();
  for (const link of links) {
    const prisoners = await listPrisonersInCampaign(db, link.campaign_slug);
    for (const slug of taggedSlugs(post.text, prisoners)) {
      const prisoner = prisoners.find((candidate) => candidate.slug === slug);
      if (!prisoner || offered.has(slug)) continue;
      offered.add(slug);
      await offerToOrganisers(db, post, link.campaign_slug, prisoner, options);
    }
  }
  return offered.size;
}

async function offerToOrganisers(
  db: DB,
  post: ChannelPost,
  campaignSlug: string,
  prisoner: PrisonerRecord,
  options: { now: Date; t: Translate; defaultLocale: Locale },
): Promise<void> {
  const { now, t, defaultLocale } = options;
  await inTransaction(db, async (trx) => {
    const offerId = await insertChannelOffer(trx, {
      chatId: post.chatId,
      messageId: post.messageId,
      campaignSlug,
      prisonerSlug: prisoner.slug,
      text: post.text,
      sourceUrl: post.username ? `https://t.me/${post.username}/${post.messageId}` : null,
      now,
    });
    // Already offered: Telegram delivered the same post again.
    if (offerId === undefined) return;
    const organisers = await listOrganisers(trx, campaignSlug);
    const ids = [...new Set(organisers.map((organiser) => organiser.user_id))];
    if (ids.length === 0) return;
    const users = await reachableUsersWithLocale(trx, ids);
    const items = users.map((user): OutboxItem => {
      const locale = resolveLocale(user.locale, defaultLocale);
      const text = [
        escapeHtml(
          t(locale, "news-offer-text", { channel: post.title ?? "—", name: prisonerName(prisoner.names, locale, "list"), hashtag: prisoner.hashtag }),
        ),
        "",
        `<i>${escapeHtml(excerpt(post.text, EXCERPT_CHARACTERS))}</i>`,
      ].join("\n");
      return {
        kind: NEWS_KIND,
        ref: `newsoffer:${offerId}:${user.id}`,
        chatId: user.id,
        method: "sendMessage",
        // Organisers act on it; it should not wait behind a broadcast.
        priority: 5,
        payload: {
          text,
          parse_mode: "HTML",
          reply_markup: {
            inline_keyboard: [[{ text: t(locale, "news-offer-button"), callback_data: publishOfferData.pack(offerId) }]],
          },
        },
      };
    });
    await enqueue(trx, items, { now });
  });
}
