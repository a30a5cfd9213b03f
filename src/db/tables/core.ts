import type { Generated } from "kysely";

export interface UsersTable {
  /** Telegram user id. */
  id: number;
  /** UI locale chosen by the user or guessed from Telegram's language_code on first contact. */
  locale: string;
  /** 1 once the user picked the locale themselves, so Telegram's language_code no longer overrides it. */
  locale_chosen: Generated<0 | 1>;
  created_at: string;
  last_seen_at: string;
  /** Set when Telegram answered 403 (the user blocked the bot); cleared when they write again. */
  blocked_at: string | null;
  /** JSON of the letter flow's writing stage while the person is in it (services/letters/writing-stage.ts), else null. */
  letter_stage: string | null;
}

export interface ConversationStateTable {
  key: string;
  /** JSON of the conversations plugin's versioned state (replay log of the flow in progress). */
  value: string;
  updated_at: string;
}
