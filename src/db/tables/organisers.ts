import type { Generated, Selectable } from "kysely";

export type CampaignChatStatus = "ok" | "broken";
export type RelayChatType = "group" | "supergroup" | "channel";

/** The chat a campaign's relayed letters are posted to (one per campaign; a chat may serve several). */
export interface CampaignChatsTable {
  campaign_slug: string;
  chat_id: number;
  chat_type: RelayChatType;
  title: string | null;
  /** UI locale the letters are announced in: the linking organiser's. */
  locale: string;
  linked_by: number;
  linked_at: string;
  /** `broken` after a 403, a removal or a demotion, until the chat is fixed (re-link or the bot is back). */
  status: Generated<CampaignChatStatus>;
  /** Telegram's error code and description; never message text. */
  last_error: string | null;
  status_changed_at: string;
  /** 1 when its organisers translate letters written in Ukrainian or English into Russian (`/translation on`). */
  offers_translation: Generated<0 | 1>;
  /** 1 when anyone can read it (a channel, a public @username); null for a link made before this was recorded. */
  public: 0 | 1 | null;
  /** The message whose button made this link (a consent, a group's campaign pick); null for a typed `/link`. */
  press_chat_id: number | null;
  press_message_id: number | null;
  /** That press (Telegram's callback query id), which only its delivery again carries; null before z38e. */
  press_id: string | null;
}

export interface RelayedLettersTable {
  letter_id: number;
  campaign_slug: string;
  chat_id: number;
  /** The organisers' post carrying the status line and buttons; null until Telegram accepted it. */
  card_message_id: number | null;
  /** The card's HTML as posted, without the status line (no letter text). */
  card_html: string;
  card_locale: string;
  relayed_at: string;
}

export interface PrintBatchesTable {
  id: Generated<number>;
  created_by: number;
  created_at: string;
  /** JSON array of letter ids. */
  letter_ids: string;
  marked_printed_at: string | null;
  marked_printed_by: number | null;
}

export type CampaignChat = Selectable<CampaignChatsTable>;
export type RelayedLetter = Selectable<RelayedLettersTable>;
export type PrintBatch = Selectable<PrintBatchesTable>;
