import { sql } from "kysely";
import type { DB } from "../database.js";
import type { MessageRef } from "../message-ref.js";
import { NO_TEXT_LEFT } from "./letters.js";
import type { NewsChannelOffer, NewsPost } from "../tables/news.js";

/** News posts, the digest waiting list, channel offers and the once-only keys of scheduled sends. */

export interface NewNewsPost {
  prisonerSlug: string;
  eventType: string;
  cellDays: number | null;
  institutionSlug: string | null;
  /** JSON of `NewsTexts`. */
  texts: string;
  authorLocale: string;
  sourceUrl: string | null;
  authorId: number;
  publishedAt: Date;
  progress: MessageRef | null;
  /** The author's message whose Publish button was pressed (`news_posts.confirmation_message_id`). */
  confirmationMessageId: number | null;
}

/** The new row's id; undefined when this confirmation was published already (a press delivered again). */
export async function insertNewsPost(db: DB, post: NewNewsPost): Promise<number | undefined> {
  const row = await db
    .insertInto("news_posts")
    .values({
      prisoner_slug: post.prisonerSlug,
      event_type: post.eventType,
      cell_days: post.cellDays,
      institution_slug: post.institutionSlug,
      texts: post.texts,
      author_locale: post.authorLocale,
      source_url: post.sourceUrl,
      author_id: post.authorId,
      published_at: post.publishedAt.toISOString(),
      immediate_count: 0,
      digest_count: 0,
      progress_chat_id: post.progress?.chatId ?? null,
      progress_message_id: post.progress?.messageId ?? null,
      confirmation_message_id: post.confirmationMessageId,
    })
    .onConflict((conflict) => conflict.columns(["author_id", "confirmation_message_id"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id;
}

/** The news published by pressing Publish on this message of the author's, if any. */
export async function newsConfirmedBy(db: DB, authorId: number, confirmationMessageId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom("news_posts")
    .select("id")
    .where("author_id", "=", authorId)
    .where("confirmation_message_id", "=", confirmationMessageId)
    .executeTakeFirst();
  return row?.id;
}

export async function setNewsAudience(db: DB, newsId: number, counts: { immediate: number; digest: number }): Promise<void> {
  await db
    .updateTable("news_posts")
    .set({ immediate_count: counts.immediate, digest_count: counts.digest })
    .where("id", "=", newsId)
    .execute();
}

export async function getNewsPost(db: DB, newsId: number): Promise<NewsPost | undefined> {
  return db.selectFrom("news_posts").selectAll().where("id", "=", newsId).executeTakeFirst();
}

/** Broadcasts whose organiser has not had the final report yet, oldest first. */
export async function unreportedNewsPosts(db: DB, limit = 50): Promise<NewsPost[]> {
  return db.selectFrom("news_posts").selectAll().where("reported_at", "is", null).orderBy("id").limit(limit).execute();
}

export async function recordProgressShown(db: DB, newsId: number, text: string, at: Date): Promise<void> {
  await db
    .updateTable("news_posts")
    .set({ progress_text: text, progress_edited_at: at.toISOString() })
    .where("id", "=", newsId)
    .execute();
}

/** The progress message cannot be edited any more (deleted by the organiser): the report goes out as a new one. */
export async function forgetProgressMessage(db: DB, newsId: number): Promise<void> {
  await db.updateTable("news_posts").set({ progress_message_id: null }).where("id", "=", newsId).execute();
}

/** Marks the final report done; false when another pass already did, so only one report is ever sent. */
export async function markNewsReported(db: DB, newsId: number, at: Date): Promise<boolean> {
  const result = await db
    .updateTable("news_posts")
    .set({ reported_at: at.toISOString() })
    .where("id", "=", newsId)
    .where("reported_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function addDigestItems(db: DB, newsId: number, userIds: readonly number[], now: Date): Promise<void> {
  const at = now.toISOString();
  for (let start = 0; start < userIds.length; start += 500) {
    await db
      .insertInto("news_digest_items")
      .values(userIds.slice(start, start + 500).map((userId) => ({ user_id: userId, news_id: newsId, created_at: at })))
      .execute();
  }
}

/** Users with news waiting for their digest. */
export async function usersWithWaitingDigest(db: DB): Promise<number[]> {
  const rows = await db
    .selectFrom("news_digest_items")
    .select("user_id")
    .distinct()
    .where("digested_at", "is", null)
    .orderBy("user_id")
    .execute();
  return rows.map((row) => row.user_id);
}

/** The user's waiting news, oldest first, marked as digested: call it in the transaction that enqueues the digest. */
export async function takeWaitingDigest(db: DB, userId: number, now: Date): Promise<NewsPost[]> {
  const items = await db
    .selectFrom("news_digest_items")
    .select(["id", "news_id"])
    .where("user_id", "=", userId)
    .where("digested_at", "is", null)
    .orderBy("id")
    .execute();
  if (items.length === 0) return [];
  await db
    .updateTable("news_digest_items")
    .set({ digested_at: now.toISOString() })
    .where("id", "in", items.map((item) => item.id))
    .execute();
  const posts = await db
    .selectFrom("news_posts")
    .selectAll()
    .where("id", "in", items.map((item) => item.news_id))
    .orderBy("id")
    .execute();
  return posts;
}

/**
 * Claims a once-only key (a day's digest for a user, a birthday reminder). True when this caller got it; run it in
 * the transaction that enqueues the message so that the key and the message commit together.
 */
export async function claimScheduledSend(db: DB, key: string, now: Date): Promise<boolean> {
  const inserted = await db
    .insertInto("news_scheduled_sends")
    .values({ key, created_at: now.toISOString() })
    .onConflict((oc) => oc.column("key").doNothing())
    .returning("key")
    .executeTakeFirst();
  return inserted !== undefined;
}

export interface NewChannelOffer {
  chatId: number;
  messageId: number;
  campaignSlug: string;
  prisonerSlug: string;
  text: string;
  sourceUrl: string | null;
  now: Date;
}

/** Stores the offer; undefined when this post was already offered for this prisoner (a redelivered update). */
export async function insertChannelOffer(db: DB, offer: NewChannelOffer): Promise<number | undefined> {
  const row = await db
    .insertInto("news_channel_offers")
    .values({
      chat_id: offer.chatId,
      message_id: offer.messageId,
      campaign_slug: offer.campaignSlug,
      prisoner_slug: offer.prisonerSlug,
      text: offer.text,
      source_url: offer.sourceUrl,
      created_at: offer.now.toISOString(),
    })
    .onConflict((oc) => oc.columns(["chat_id", "message_id", "prisoner_slug"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id;
}

export async function getChannelOffer(db: DB, offerId: number): Promise<NewsChannelOffer | undefined> {
  return db.selectFrom("news_channel_offers").selectAll().where("id", "=", offerId).executeTakeFirst();
}

/** False when the offer was published already (two organisers pressed the button): one post becomes one news. */
export async function markOfferPublished(db: DB, offerId: number, newsId: number): Promise<boolean> {
  const result = await db
    .updateTable("news_channel_offers")
    .set({ news_id: newsId })
    .where("id", "=", offerId)
    .where("news_id", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Writers with an unfinished letter to the prisoner: a transfer changes the address their letter needs. */
export async function writersWithDraftsTo(db: DB, prisonerSlug: string): Promise<number[]> {
  const rows = await db
    .selectFrom("letters")
    .select("writer_id")
    .distinct()
    .where("prisoner_slug", "=", prisonerSlug)
    .where("status", "=", sql.lit("draft"))
    .orderBy("writer_id")
    .execute();
  return rows.map((row) => row.writer_id);
}

/**
 * Closes every unfinished letter to someone who is free now, text included (it can no longer be sent to a prison
 * and we keep no letter text we do not need). Returns the writers, who get a kind note. The letters module's status
 * machine has no draft → closed move for writers; this is the one place news closes letters.
 */
export async function closeDraftsTo(db: DB, prisonerSlug: string, now: Date): Promise<number[]> {
  const at = now.toISOString();
  const rows = await db
    .updateTable("letters")
    .set({ status: "closed", ...NO_TEXT_LEFT, text_purged_at: at, updated_at: at })
    .where("prisoner_slug", "=", prisonerSlug)
    .where("status", "=", "draft")
    .returning("writer_id")
    .execute();
  return [...new Set(rows.map((row) => row.writer_id))].sort((a, b) => a - b);
}
