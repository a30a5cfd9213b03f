import { sql } from "kysely";
import type { DB } from "../database.js";
import { prepared } from "../prepared.js";
import type { CampaignChat } from "../tables/organisers.js";
import { textOfColumn, wholeText } from "../utf8-text.js";
import { relayTargetRow } from "./campaign-chats.js";

/** What the organisers' route asks about before a letter goes: the link it would go through and the draft's text. */
export interface OrganiserRouteFacts {
  /** `relayTargetForPrisoner`'s link, the columns the questions need; undefined when there is none. */
  chat: Pick<CampaignChat, "chat_id" | "title" | "public" | "offers_translation"> | undefined;
  /** The writer's draft to this person (null without one, or without text). */
  text: string | null;
}

/**
 * Both in one statement (issue 14: the link and the draft were two, each built anew by Kysely and the draft's 57
 * columns made into a row for its text). A one-row base joined to each, so that neither hides the other when missing.
 */
const factsQuery = prepared((db: DB, prisonerSlug: string, writerId: number) =>
  db
    .selectFrom(sql<{ one: number }>`(select 1 as one)`.as("base"))
    .leftJoin(relayTargetRow(prisonerSlug).as("chat"), (join) => join.onTrue())
    .leftJoin("letters as draft", (join) =>
      join.on("draft.writer_id", "=", writerId).on("draft.prisoner_slug", "=", prisonerSlug).on("draft.status", "=", sql.lit<"draft">("draft")),
    )
    .select(["chat.chat_id", "chat.title", "chat.public", "chat.offers_translation", wholeText(db, sql.ref("draft.text")).as("draft_text")]),
);

export async function readOrganiserRouteFacts(db: DB, prisonerSlug: string, writerId: number): Promise<OrganiserRouteFacts> {
  const row = await factsQuery.first(db, prisonerSlug, writerId);
  const { chat_id, title, public: isPublic, offers_translation } = row ?? {};
  return {
    chat: chat_id === null || chat_id === undefined ? undefined : { chat_id, title: title ?? null, public: isPublic ?? null, offers_translation: offers_translation ?? 0 },
    text: textOfColumn(row?.draft_text),
  };
}
