import type { Generated, Selectable } from "kysely";
import type { DeliveryRoute, LetterStatus } from "../../domain/letters/status.js";

export interface LettersTable {
  id: Generated<number>;
  /** Human-friendly reference (`L-2611-7K3Q`), set when the letter is finished. */
  reference: string | null;
  /** Telegram id of the writer. */
  writer_id: number;
  prisoner_slug: string;
  status: Generated<LetterStatus>;
  route: DeliveryRoute | null;
  /** The letter; NULL once purged after retention or on discard. Never logged. */
  text: string | null;
  /**
   * The text's running figures (code points, words, printed lines), kept by every draft write so that a message adds
   * its own instead of recounting the letter (issue 14, src/domain/letters/text-counts.ts); NULL until counted.
   */
  text_characters: number | null;
  text_words: number | null;
  text_lines: number | null;
  /** JSON `FindingsSummary`: counts per category and severity, never excerpts. */
  findings_summary: string | null;
  /**
   * The ids of the writer's messages last saved into the draft (`,101,102,`, bounded: domain/letters/saved-messages.ts),
   * written with the text: the same message delivered again by Telegram is recognised, not saved twice. Never text.
   */
  saved_messages: string | null;
  /** The starter's closing the draft was made with; new messages go before it while the text still ends with it. */
  starter_closing: string | null;
  signature_name: string | null;
  signature_city: string | null;
  /** 1 when the writer agreed that organisers may see who they are (relayed letters). */
  share_identity: Generated<0 | 1>;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  text_purged_at: string | null;
  /** Why organisers returned the letter, shown to the writer. */
  return_reason: string | null;
  /**
   * The press that finished the letter (Telegram's callback query id): the same press delivered again is answered with
   * the letter's final screen again (docs/letter-flow-stages.md, "A press delivered again"). No text.
   */
  finished_press: string | null;
}

export interface WriterProfilesTable {
  user_id: number;
  signature_name: string | null;
  signature_city: string | null;
  remembered: Generated<0 | 1>;
  grammatical_gender: "male" | "female" | null;
  updated_at: string;
}

export type Letter = Selectable<LettersTable>;
export type WriterProfile = Selectable<WriterProfilesTable>;
