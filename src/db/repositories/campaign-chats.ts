import { type Expression, expressionBuilder, sql } from "kysely";
import type { DB } from "../database.js";
import type { MessageRef } from "../message-ref.js";
import type { Database } from "../schema.js";
import { prepared } from "../prepared.js";
import type { CampaignChat, RelayChatType } from "../tables/organisers.js";
import { DESK_SLUG, deskChat, markDeskBroken, markDeskWorking, moveDesk, recordDeskPublic } from "./desk.js";

export interface LinkChatInput {
  campaignSlug: string;
  chatId: number;
  chatType: RelayChatType;
  title: string | null;
  locale: string;
  linkedBy: number;
  /** Anyone can read it (a channel or a public @username; the link flow asked for an explicit yes). Unknown if absent. */
  public?: boolean;
  /**
   * The message whose button was pressed to link, so that press delivered again links nothing more. Absent when the
   * link was asked by a command, or by a press that has no message (one on a message sent in inline mode).
   */
  press?: PressedMessage | undefined;
  now: Date;
}

/** A message whose inline button was pressed, and the press itself (its callback query id). */
export interface PressedMessage extends MessageRef {
  id: string;
}

/**
 * Points a campaign's relayed letters at a chat whose rights were just checked, so the link starts out working.
 * Returns the chat it replaces, if another one, so held letters can follow (see `redirectHeldRelays`).
 * `campaigns.relay_chat_id` is kept in step for the directory, which only needs to know that letters are relayed.
 */
export async function linkCampaignChat(db: DB, input: LinkChatInput): Promise<{ previousChatId: number | null }> {
  const previous = await getCampaignChat(db, input.campaignSlug);
  const values = freshLinkValues(input);
  await db
    .insertInto("campaign_chats")
    .values({ campaign_slug: input.campaignSlug, ...values })
    .onConflict((oc) => oc.column("campaign_slug").doUpdateSet(values))
    .execute();
  await db.updateTable("campaigns").set({ relay_chat_id: input.chatId }).where("slug", "=", input.campaignSlug).execute();
  return { previousChatId: previous && previous.chat_id !== input.chatId ? previous.chat_id : null };
}

/** The columns of a link whose rights were just checked (campaign chats and the desk alike): working from now. */
export function freshLinkValues(input: Omit<LinkChatInput, "campaignSlug">) {
  const at = input.now.toISOString();
  return {
    chat_id: input.chatId,
    chat_type: input.chatType,
    title: input.title,
    locale: input.locale,
    linked_by: input.linkedBy,
    linked_at: at,
    status: "ok" as const,
    last_error: null,
    status_changed_at: at,
    public: input.public === undefined ? null : input.public ? (1 as const) : (0 as const),
    press_chat_id: input.press?.chatId ?? null,
    press_message_id: input.press?.messageId ?? null,
    press_id: input.press?.id ?? null,
  };
}

/** False when the campaign had no chat linked. */
export async function unlinkCampaignChat(db: DB, campaignSlug: string): Promise<boolean> {
  const result = await db.deleteFrom("campaign_chats").where("campaign_slug", "=", campaignSlug).executeTakeFirst();
  await db.updateTable("campaigns").set({ relay_chat_id: null }).where("slug", "=", campaignSlug).execute();
  return Number(result.numDeletedRows) > 0;
}

export async function getCampaignChat(db: DB, campaignSlug: string): Promise<CampaignChat | undefined> {
  return db.selectFrom("campaign_chats").selectAll().where("campaign_slug", "=", campaignSlug).executeTakeFirst();
}

/** Every campaign a chat serves (the organisation desk counts as one, see desk.ts). */
export async function campaignsOfChat(db: DB, chatId: number): Promise<CampaignChat[]> {
  const chats = await db.selectFrom("campaign_chats").selectAll().where("chat_id", "=", chatId).orderBy("campaign_slug").execute();
  const desk = await deskChat(db);
  return desk?.chat_id === chatId ? [...chats, desk] : chats;
}

/**
 * Marks every link to the chat broken. Returns the campaigns whose link was working until now: only they need an
 * alert (a second failed post to an already broken chat alerts nobody again).
 */
export async function markChatBroken(db: DB, chatId: number, lastError: string, now: Date): Promise<string[]> {
  const newlyBroken = await db
    .updateTable("campaign_chats")
    .set({ status: "broken", last_error: lastError, status_changed_at: now.toISOString() })
    .where("chat_id", "=", chatId)
    .where("status", "=", "ok")
    .returning("campaign_slug")
    .execute();
  await db
    .updateTable("campaign_chats")
    .set({ last_error: lastError })
    .where("chat_id", "=", chatId)
    .where("status", "=", "broken")
    .execute();
  const deskNewlyBroken = await markDeskBroken(db, chatId, lastError, now);
  return [...newlyBroken.map((row) => row.campaign_slug).sort(), ...(deskNewlyBroken ? [DESK_SLUG] : [])];
}

/** The bot is back with the rights it needs. Returns the campaigns whose link was broken until now. */
export async function markChatWorking(db: DB, chatId: number, now: Date): Promise<string[]> {
  const restored = await db
    .updateTable("campaign_chats")
    .set({ status: "ok", last_error: null, status_changed_at: now.toISOString() })
    .where("chat_id", "=", chatId)
    .where("status", "=", "broken")
    .returning("campaign_slug")
    .execute();
  const deskRestored = await markDeskWorking(db, chatId, now);
  return [...restored.map((row) => row.campaign_slug).sort(), ...(deskRestored ? [DESK_SLUG] : [])];
}

/** A group became a supergroup: its links follow it. */
export async function moveCampaignChat(db: DB, fromChatId: number, toChatId: number): Promise<void> {
  await db.updateTable("campaign_chats").set({ chat_id: toChatId, chat_type: "supergroup" }).where("chat_id", "=", fromChatId).execute();
  await db.updateTable("campaigns").set({ relay_chat_id: toChatId }).where("relay_chat_id", "=", fromChatId).execute();
  await moveDesk(db, fromChatId, toChatId);
}

/**
 * Builds the parts of statements below without a database handle: a part built on one would go through its plugins
 * on its own, as if it were a statement (the tests that count statements).
 */
const parts = expressionBuilder<Database, never>();

/** A link's columns but its campaign (the desk has none of its own), in the order both branches of `rankedLinks` give them. */
const LINK_COLUMNS = [
  "chat_id",
  "chat_type",
  "title",
  "locale",
  "linked_by",
  "linked_at",
  "status",
  "last_error",
  "status_changed_at",
  "offers_translation",
  "public",
  "press_chat_id",
  "press_message_id",
  "press_id",
] as const satisfies readonly (keyof CampaignChat)[];

/**
 * How a link ranks as a letter's way to organisers, lowest first: the one ranking both `relayTargetRow` (which link
 * a letter goes through) and `relayRankOf` (the letter flow's lookup: whose organisers take it) read, so that what a
 * writer is offered and where the letter then goes cannot disagree.
 */
const RANK = { workingCampaignChat: 0, workingDesk: 1, brokenCampaignChat: 2, brokenDesk: 3 } as const;

/** A rank by the link's status (`ok`: working). */
const rankBy = (status: Expression<string>, working: number, broken: number) =>
  sql<number>`case when ${status} = 'ok' then ${sql.lit(working)} else ${sql.lit(broken)} end`;

/**
 * Every link a letter to this prisoner could go through, ranked (RANK; then by campaign slug). `prisoner`: the slug,
 * or a reference to it in the statement around (the lookup).
 */
const rankedLinks = (prisoner: string | Expression<string>) =>
  parts
    .selectFrom("campaign_chats")
    .innerJoin("prisoner_campaigns", "prisoner_campaigns.campaign_slug", "campaign_chats.campaign_slug")
    .select([
      "campaign_chats.campaign_slug",
      ...LINK_COLUMNS.map((column) => `campaign_chats.${column}` as const),
      rankBy(sql.ref("campaign_chats.status"), RANK.workingCampaignChat, RANK.brokenCampaignChat).as("rank"),
    ])
    .where("prisoner_campaigns.prisoner_slug", "=", prisoner)
    .unionAll(
      parts
        .selectFrom("organisation_desk")
        .select([
          sql.lit(DESK_SLUG).as("campaign_slug"),
          ...LINK_COLUMNS.map((column) => `organisation_desk.${column}` as const),
          rankBy(sql.ref("organisation_desk.status"), RANK.workingDesk, RANK.brokenDesk).as("rank"),
        ])
        .where("organisation_desk.id", "=", 1),
    );

/**
 * Where a letter to this prisoner goes, as one row (or none): the first of `rankedLinks`. A part of its own, so that a
 * statement that needs the chat with something else (the organisers' route) reads it the same way.
 */
export const relayTargetRow = (prisonerSlug: string) =>
  parts.selectFrom(rankedLinks(prisonerSlug).as("link")).selectAll("link").orderBy("link.rank").orderBy("link.campaign_slug").limit(1);

/**
 * The rank of the link a letter to `prisoner` (a reference to the slug in the statement around) would go through: the
 * lowest of `rankedLinks`, null when there is none. A scalar subquery for the letter flow's lookup; `relayViaOfRank`
 * reads it.
 */
export const relayRankOf = (prisoner: Expression<string>) =>
  parts.selectFrom(rankedLinks(prisoner).as("link")).select((eb) => eb.fn.min<number>("link.rank").as("rank"));

/** Whose organisers take a letter whose best link has this rank: a working link's, or nobody's (null). */
export function relayViaOfRank(rank: number | null | undefined): "campaign" | "desk" | null {
  if (rank === RANK.workingCampaignChat) return "campaign";
  if (rank === RANK.workingDesk) return "desk";
  return null;
}

/** Compiled once (db/prepared.ts): the relay, the organisers' route and the routes' coverage ask for it. */
const relayTargetQuery = prepared((db: DB, prisonerSlug: string) => db.selectFrom(relayTargetRow(prisonerSlug).as("target")).selectAll("target"));

/** The link of a `relayTargetRow` (its rank dropped). */
function relayTargetOf(row: CampaignChat & { rank: number }): CampaignChat {
  const { rank: _rank, ...chat } = row;
  return chat;
}

/**
 * Where a letter to this prisoner goes, in the order writers are offered routes: a working chat of one of the
 * prisoner's campaigns (the first by slug), else a working organisation desk, else a broken campaign chat (the first
 * by slug) or the broken desk (the letter then waits, held, until it is fixed). One statement.
 */
export async function relayTargetForPrisoner(db: DB, prisonerSlug: string): Promise<CampaignChat | undefined> {
  const row = await relayTargetQuery.first(db, prisonerSlug);
  return row && relayTargetOf(row as CampaignChat & { rank: number });
}

/** Campaign links made before the link flow recorded whether the chat is public, by campaign. */
export async function campaignChatsWithUnknownPublic(db: DB): Promise<Array<{ chat_id: number; title: string | null; campaign_slug: string }>> {
  return db.selectFrom("campaign_chats").select(["chat_id", "title", "campaign_slug"]).where("public", "is", null).orderBy("campaign_slug").execute();
}

/**
 * Records whether the chat is public on every link to it (campaigns and the desk) not recorded yet. Returns how many
 * links were recorded now: 0 when another instance recorded the answer first.
 */
export async function recordChatPublic(db: DB, chatId: number, isPublic: boolean): Promise<number> {
  const result = await db.updateTable("campaign_chats").set({ public: isPublic ? 1 : 0 }).where("chat_id", "=", chatId).where("public", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows) + ((await recordDeskPublic(db, chatId, isPublic)) ? 1 : 0);
}

/**
 * Who organisers take letters for now, for the whole directory in two queries (the few-letters list must not ask per
 * person): everyone when the organisation desk works, else the people of campaigns whose chat works. The same answer
 * as `relayTargetForPrisoner(db, slug)?.status === "ok"` for each person.
 */
export async function workingRelays(db: DB): Promise<{ desk: boolean; prisoners: Set<string> }> {
  const desk = await deskChat(db);
  if (desk?.status === "ok") return { desk: true, prisoners: new Set() };
  const rows = await db
    .selectFrom("prisoner_campaigns")
    .innerJoin("campaign_chats", "campaign_chats.campaign_slug", "prisoner_campaigns.campaign_slug")
    .select("prisoner_campaigns.prisoner_slug")
    .where("campaign_chats.status", "=", "ok")
    .execute();
  return { desk: false, prisoners: new Set(rows.map((row) => row.prisoner_slug)) };
}
