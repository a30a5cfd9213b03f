import type { DB } from "../database.js";
import type { MessageRef } from "../message-ref.js";
import type { LetterTranslation } from "../tables/routes.js";
import { DESK_SLUG } from "./desk.js";

/** The writer asked for a Russian translation; written in the transaction that finishes and relays the letter. */
export async function requestTranslation(db: DB, input: { letterId: number; writerId: number; sourceLanguage: string; now: Date }): Promise<void> {
  await db
    .insertInto("letter_translations")
    .values({ letter_id: input.letterId, writer_id: input.writerId, source_language: input.sourceLanguage, requested_at: input.now.toISOString() })
    .execute();
}

export async function getTranslation(db: DB, letterId: number): Promise<LetterTranslation | undefined> {
  return db.selectFrom("letter_translations").selectAll().where("letter_id", "=", letterId).executeTakeFirst();
}

/** The organiser's translation (a later one replaces an earlier one, so a correction is one more reply). */
export async function saveTranslation(
  db: DB,
  input: { letterId: number; text: string; translatedBy: number; findingsSummary: string; message: MessageRef; now: Date },
): Promise<void> {
  await db
    .updateTable("letter_translations")
    .set({
      text: input.text,
      translated_by: input.translatedBy,
      translated_at: input.now.toISOString(),
      findings_summary: input.findingsSummary,
      message_chat_id: input.message.chatId,
      message_id: input.message.messageId,
    })
    .where("letter_id", "=", input.letterId)
    .execute();
}

/** Turns translation on or off for these campaigns' links to this chat (the desk by its slug); returns those changed. */
export async function setOffersTranslation(db: DB, chatId: number, campaignSlugs: readonly string[], on: boolean): Promise<number> {
  const value = on ? 1 : 0;
  let changed = 0;
  const campaigns = campaignSlugs.filter((slug) => slug !== DESK_SLUG);
  if (campaigns.length > 0) {
    const result = await db.updateTable("campaign_chats").set({ offers_translation: value }).where("chat_id", "=", chatId).where("campaign_slug", "in", campaigns).executeTakeFirst();
    changed += Number(result.numUpdatedRows);
  }
  if (campaignSlugs.includes(DESK_SLUG)) {
    const result = await db.updateTable("organisation_desk").set({ offers_translation: value }).where("chat_id", "=", chatId).executeTakeFirst();
    changed += Number(result.numUpdatedRows);
  }
  return changed;
}
