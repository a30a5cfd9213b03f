import { sql } from "kysely";
import { conversationKey } from "../conversation-storage.js";
import type { DB } from "../database.js";
import type { OutboxStatus } from "../tables/outbox.js";
import { AWAITING_ORGANISERS } from "../../domain/letters/status.js";
import { deleteUnusedAttachments } from "../../outbox/admin.js";
import { deletePrivatePrisonersOf, listPrivatePrisonersOf } from "./prisoners.js";

/**
 * Where Lysty keeps something about a person. /mydata exports every source; /forget deletes the `personal` ones
 * and keeps the `team` ones (records of what an organiser or admin did to shared data: ids only, the campaign's
 * accountability). A feature that adds a table with a user id adds a source here; test/production/privacy.test.ts
 * fails for any table that is neither here nor in TABLES_WITHOUT_PERSONAL_DATA (src/services/privacy/sources.ts).
 */
export interface PersonalDataSource {
  /** The table, as named in the export. */
  table: string;
  kind: "personal" | "team";
  /** The person's rows as stored. */
  collect(db: DB, userId: number): Promise<unknown[]>;
  /** Deletes (or detaches) the person's rows; returns how many. Only `personal` sources have it. */
  forget?(trx: DB, userId: number): Promise<number>;
}

/** The one-time keys of scheduled sends that carry a user id in their second segment (`digest:<id>:<day>`). */
const SCHEDULED_SEND_PREFIXES = ["digest", "birthday"] as const;

const count = (result: { numDeletedRows?: bigint; numUpdatedRows?: bigint }) =>
  Number(result.numDeletedRows ?? result.numUpdatedRows ?? 0n);

/** Letters organisers still hold stay until they print or return them (see src/services/privacy/forget.ts). */
const awaiting = [...AWAITING_ORGANISERS];

export const PERSONAL_DATA_SOURCES: readonly PersonalDataSource[] = [
  {
    table: "conversation_state",
    kind: "personal",
    // The conversations plugin keys a private chat's flow by the chat id, which is the user id.
    collect: (db, userId) => db.selectFrom("conversation_state").selectAll().where("key", "=", conversationKey(userId)).execute(),
    forget: async (trx, userId) => count(await trx.deleteFrom("conversation_state").where("key", "=", conversationKey(userId)).executeTakeFirst()),
  },
  {
    table: "letters",
    kind: "personal",
    collect: (db, userId) => db.selectFrom("letters").selectAll().where("writer_id", "=", userId).orderBy("id").execute(),
    forget: async (trx, userId) =>
      count(await trx.deleteFrom("letters").where("writer_id", "=", userId).where("status", "not in", awaiting).executeTakeFirst()),
  },
  {
    // Someone not in the list as this writer gave them: a card only they see until an organiser adds the person.
    // After `letters` (forgotten in this order): a card is deleted once no remaining letter names it.
    table: "prisoners",
    kind: "personal",
    collect: (db, userId) => listPrivatePrisonersOf(db, userId),
    forget: (trx, userId) => deletePrivatePrisonersOf(trx, userId),
  },
  {
    table: "relayed_letters",
    kind: "personal",
    // Deleted with their letters (foreign key), kept with the letters organisers still hold.
    collect: (db, userId) =>
      db
        .selectFrom("relayed_letters")
        .selectAll("relayed_letters")
        .innerJoin("letters", "letters.id", "relayed_letters.letter_id")
        .where("letters.writer_id", "=", userId)
        .orderBy("relayed_letters.letter_id")
        .execute(),
  },
  {
    table: "rate_limit_windows",
    kind: "personal",
    collect: (db, userId) => db.selectFrom("rate_limit_windows").selectAll().where("user_id", "=", userId).execute(),
    forget: async (trx, userId) => count(await trx.deleteFrom("rate_limit_windows").where("user_id", "=", userId).executeTakeFirst()),
  },
  {
    table: "writer_profiles",
    kind: "personal",
    collect: (db, userId) => db.selectFrom("writer_profiles").selectAll().where("user_id", "=", userId).execute(),
    forget: async (trx, userId) => count(await trx.deleteFrom("writer_profiles").where("user_id", "=", userId).executeTakeFirst()),
  },
  ...(["news_follows", "news_mutes", "news_preferences", "news_digest_items", "news_reminders"] as const).map(
    (table): PersonalDataSource => ({
      table,
      kind: "personal",
      collect: (db, userId) => db.selectFrom(table).selectAll().where("user_id", "=", userId).execute(),
      forget: async (trx, userId) => count(await trx.deleteFrom(table).where("user_id", "=", userId).executeTakeFirst()),
    }),
  ),
  {
    table: "news_scheduled_sends",
    kind: "personal",
    collect: async (db, userId) => {
      const rows = [];
      for (const [from, to] of scheduledSendKeys(userId)) {
        rows.push(...(await db.selectFrom("news_scheduled_sends").selectAll().where("key", ">=", from).where("key", "<", to).execute()));
      }
      return rows;
    },
    forget: async (trx, userId) => {
      let deleted = 0;
      for (const [from, to] of scheduledSendKeys(userId)) {
        deleted += count(await trx.deleteFrom("news_scheduled_sends").where("key", ">=", from).where("key", "<", to).executeTakeFirst());
      }
      return deleted;
    },
  },
  {
    table: "outbox",
    kind: "personal",
    // Messages to the person: waiting ones are dropped; one being sent right now is left to its worker.
    collect: (db, userId) =>
      db
        .selectFrom("outbox")
        .select(["id", "kind", "ref", "method", "payload", "attachment_id", "status", "created_at", "sent_at", "last_error"])
        .where("chat_id", "=", userId)
        .orderBy("id")
        .execute(),
    forget: async (trx, userId) => {
      const deleted = await trx
        .deleteFrom("outbox")
        .where("chat_id", "=", userId)
        .where("status", "!=", sql.lit<OutboxStatus>("sending"))
        .executeTakeFirst();
      await deleteUnusedAttachments(trx);
      return count(deleted);
    },
  },
  {
    table: "organisers",
    kind: "personal",
    collect: (db, userId) => db.selectFrom("organisers").selectAll().where("user_id", "=", userId).execute(),
    // Forgetting an organiser ends their role in every campaign.
    forget: async (trx, userId) => count(await trx.deleteFrom("organisers").where("user_id", "=", userId).executeTakeFirst()),
  },
  {
    table: "organiser_invites",
    kind: "personal",
    collect: (db, userId) =>
      db
        .selectFrom("organiser_invites")
        .selectAll()
        .where((eb) => eb.or([eb("used_by", "=", userId), eb("created_by", "=", userId)]))
        .execute(),
    // The invite stays used (a link must not work twice); who used it is dropped.
    forget: async (trx, userId) =>
      count(await trx.updateTable("organiser_invites").set({ used_by: null }).where("used_by", "=", userId).executeTakeFirst()),
  },
  {
    // People a user suggested ("someone not listed") are theirs; reviews an organiser resolved stay as team records.
    table: "directory_reviews",
    kind: "personal",
    collect: (db, userId) =>
      db
        .selectFrom("directory_reviews")
        .selectAll()
        .where((eb) => eb.or([eb("submitted_by", "=", userId), eb("resolved_by", "=", userId)]))
        .orderBy("id")
        .execute(),
    forget: async (trx, userId) =>
      count(await trx.deleteFrom("directory_reviews").where("submitted_by", "=", userId).executeTakeFirst()),
  },
  {
    // Which of an admin's messages carried a directory file already imported (ids and a time: the file is not kept).
    table: "directory_uploads",
    kind: "personal",
    collect: (db, userId) => db.selectFrom("directory_uploads").selectAll().where("chat_id", "=", userId).orderBy("message_id").execute(),
    forget: async (trx, userId) => count(await trx.deleteFrom("directory_uploads").where("chat_id", "=", userId).executeTakeFirst()),
  },
  {
    // Which of an admin's messages a sync run imports the file of (ids only; the run's counts name nobody).
    table: "directory_upload_runs",
    kind: "personal",
    collect: (db, userId) => db.selectFrom("directory_upload_runs").selectAll().where("chat_id", "=", userId).orderBy("message_id").execute(),
    forget: async (trx, userId) => count(await trx.deleteFrom("directory_upload_runs").where("chat_id", "=", userId).executeTakeFirst()),
  },
  {
    table: "audit_log",
    kind: "team",
    collect: (db, userId) => db.selectFrom("audit_log").selectAll().where("actor_id", "=", userId).orderBy("id").execute(),
  },
  {
    table: "news_posts",
    kind: "team",
    collect: (db, userId) =>
      db
        .selectFrom("news_posts")
        .select(["id", "prisoner_slug", "event_type", "texts", "source_url", "published_at"])
        .where("author_id", "=", userId)
        .orderBy("id")
        .execute(),
  },
  {
    table: "campaign_chats",
    kind: "team",
    collect: (db, userId) => db.selectFrom("campaign_chats").selectAll().where("linked_by", "=", userId).execute(),
  },
  {
    table: "organisation_desk",
    kind: "team",
    collect: (db, userId) => db.selectFrom("organisation_desk").selectAll().where("linked_by", "=", userId).execute(),
  },
  {
    table: "letter_replies",
    kind: "personal",
    // File ids only (the photos stay on Telegram's servers); without them the bot can no longer show the reply.
    collect: (db, userId) => db.selectFrom("letter_replies").selectAll().where("writer_id", "=", userId).orderBy("id").execute(),
    forget: async (trx, userId) => count(await trx.deleteFrom("letter_replies").where("writer_id", "=", userId).executeTakeFirst()),
  },
  {
    table: "letter_translations",
    kind: "personal",
    // An organiser's translation of the writer's letter: letter text, so it is exported and forgotten with the letter.
    collect: (db, userId) => db.selectFrom("letter_translations").selectAll().where("writer_id", "=", userId).orderBy("letter_id").execute(),
    forget: async (trx, userId) => count(await trx.deleteFrom("letter_translations").where("writer_id", "=", userId).executeTakeFirst()),
  },
  {
    table: "print_batches",
    kind: "team",
    collect: (db, userId) =>
      db
        .selectFrom("print_batches")
        .selectAll()
        .where((eb) => eb.or([eb("created_by", "=", userId), eb("marked_printed_by", "=", userId)]))
        .execute(),
  },
  {
    table: "prisoner_history",
    kind: "team",
    collect: (db, userId) => db.selectFrom("prisoner_history").selectAll().where("changed_by", "=", userId).orderBy("id").execute(),
  },
  {
    table: "forget_requests",
    kind: "personal",
    collect: (db, userId) => db.selectFrom("forget_requests").selectAll().where("user_id", "=", userId).execute(),
  },
  {
    table: "users",
    kind: "personal",
    collect: (db, userId) => db.selectFrom("users").selectAll().where("id", "=", userId).execute(),
    // Last: while organisers hold a letter the row stays (their letter refers to it); see forget.ts.
    forget: async (trx, userId) =>
      count(
        await trx
          .deleteFrom("users")
          .where("id", "=", userId)
          .where(({ not, exists, selectFrom }) =>
            not(exists(selectFrom("letters").select("letters.id").where("letters.writer_id", "=", userId).where("letters.status", "in", awaiting))),
          )
          .executeTakeFirst(),
      ),
  },
];

/** Key ranges `<prefix>:<userId>:…` (a range on the primary key rather than a LIKE; ";" follows ":"). */
function scheduledSendKeys(userId: number): Array<[string, string]> {
  return SCHEDULED_SEND_PREFIXES.map((prefix) => [`${prefix}:${userId}:`, `${prefix}:${userId};`]);
}
