import type { Generated, Selectable } from "kysely";

export type FollowTargetType = "prisoner" | "campaign";
export type NewsDelivery = "immediate" | "digest";

export interface NewsFollowsTable {
  user_id: number;
  target_type: FollowTargetType;
  /** A prisoner slug or a campaign slug, by `target_type`. */
  target_slug: string;
  created_at: string;
}

/** No news about this prisoner even though a followed campaign includes them. */
export interface NewsMutesTable {
  user_id: number;
  prisoner_slug: string;
  created_at: string;
}

/** Absent row: immediate delivery, no birthday reminders. */
export interface NewsPreferencesTable {
  user_id: number;
  delivery: Generated<NewsDelivery>;
  birthday_reminders: Generated<0 | 1>;
  /** IANA zone of the digest and reminder hours; null: Europe/Kyiv. */
  time_zone: string | null;
  updated_at: string;
}

export interface NewsPostsTable {
  id: Generated<number>;
  prisoner_slug: string;
  /** One of `NEWS_EVENT_TYPES` (src/domain/news/events.ts). */
  event_type: string;
  cell_days: number | null;
  institution_slug: string | null;
  /** JSON object locale → text; the author's locale is always present. */
  texts: string;
  author_locale: string;
  source_url: string | null;
  author_id: number;
  published_at: string;
  immediate_count: number;
  digest_count: number;
  progress_chat_id: number | null;
  progress_message_id: number | null;
  /** The text last shown in the progress message: Telegram refuses an edit that changes nothing. */
  progress_text: string | null;
  progress_edited_at: string | null;
  /** Set once the organiser got the final report. */
  reported_at: string | null;
  /**
   * The organiser's message whose Publish button was pressed (their private chat), unique with `author_id`: a press
   * delivered again publishes nothing more. NULL for news published before it was kept.
   */
  confirmation_message_id: number | null;
}

export interface NewsDigestItemsTable {
  id: Generated<number>;
  user_id: number;
  news_id: number;
  created_at: string;
  digested_at: string | null;
}

export interface NewsChannelOffersTable {
  id: Generated<number>;
  chat_id: number;
  message_id: number;
  campaign_slug: string;
  prisoner_slug: string;
  /** The channel post's text (public news), prefilled into the publish flow. */
  text: string;
  source_url: string | null;
  created_at: string;
  /** The news published from this offer, once it was. */
  news_id: number | null;
}

export interface NewsRemindersTable {
  id: Generated<number>;
  user_id: number;
  prisoner_slug: string;
  every_weeks: number;
  next_at: string;
  created_at: string;
}

export interface NewsScheduledSendsTable {
  key: string;
  created_at: string;
}

export type NewsPost = Selectable<NewsPostsTable>;
export type NewsReminder = Selectable<NewsRemindersTable>;
export type NewsChannelOffer = Selectable<NewsChannelOffersTable>;
