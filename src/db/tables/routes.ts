import type { Generated, Selectable } from "kysely";
import type { CampaignChatsTable } from "./organisers.js";

/**
 * The deploying organisation's desk: letters for people whose campaign has no chat of its own (one row, id 1). The
 * same columns and life cycle as a campaign's chat.
 */
export type OrganisationDeskTable = Omit<CampaignChatsTable, "campaign_slug"> & { id: number };

/** A service known to deliver letters to this person, with the date and source of that knowledge. */
export interface PrisonerIntermediariesTable {
  prisoner_slug: string;
  service: string;
  url: string;
  as_of: string;
  source: string;
}

export type LetterReplyKind = "photo" | "document";

/**
 * The prisoner's answer as a Telegram file id. `from_chat_id`: the organisers' chat it was posted in, or the writer's
 * private chat (their id) when they kept it themselves; null for scans writers kept before migration 202612072130.
 */
export interface LetterRepliesTable {
  id: Generated<number>;
  letter_id: number;
  writer_id: number;
  kind: LetterReplyKind;
  file_id: string;
  from_chat_id: number | null;
  posted_by: number | null;
  received_at: string;
  /**
   * The message carrying the reply, in `from_chat_id`: unique with it, so the same message delivered again by
   * Telegram is recorded (and copied to the writer) once. Null for older replies.
   */
  message_id: number | null;
}

/**
 * A writer's request for an organiser's Russian translation of a letter written in Ukrainian or English, and then the
 * translation itself (posted as a reply to the letter's card); it is what gets printed. Summary counts only.
 */
export interface LetterTranslationsTable {
  letter_id: number;
  writer_id: number;
  source_language: string;
  requested_at: string;
  text: string | null;
  translated_by: number | null;
  translated_at: string | null;
  /** The check's counts per category on the translation (JSON, as `letters.findings_summary`). */
  findings_summary: string | null;
  /** The organiser's message the saved translation came from: the same message delivered again is not taken twice. */
  message_chat_id: number | null;
  message_id: number | null;
}

export type LetterTranslation = Selectable<LetterTranslationsTable>;
export type OrganisationDesk = Selectable<OrganisationDeskTable>;
export type PrisonerIntermediary = Selectable<PrisonerIntermediariesTable>;
export type LetterReply = Selectable<LetterRepliesTable>;
