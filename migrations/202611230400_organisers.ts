import { type Kysely, sql } from "kysely";
import { withAutoId } from "./_portable.js";

/**
 * Organisers' side of relayed letters (docs/organisers.md): the chat each campaign receives letters in, which letter
 * went to which chat and which message carries its buttons, and the batches organisers printed. Statuses are
 * spelled out here so that this migration stays frozen when the code grows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // One relay chat per campaign; one chat may serve several campaigns. Unlinking deletes the row (the audit log
  // keeps the history).
  await db.schema
    .createTable("campaign_chats")
    .addColumn("campaign_slug", "text", (c) => c.primaryKey().references("campaigns.slug").onDelete("cascade"))
    .addColumn("chat_id", "bigint", (c) => c.notNull())
    .addColumn("chat_type", "text", (c) => c.notNull())
    .addColumn("title", "text")
    // The language relayed letters are announced in: the linking organiser's.
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("linked_by", "bigint", (c) => c.notNull())
    .addColumn("linked_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("ok"))
    // Telegram's error code and short description, never message text.
    .addColumn("last_error", "text")
    .addColumn("status_changed_at", "text", (c) => c.notNull())
    .addCheckConstraint("campaign_chats_status_check", sql`status in ('ok', 'broken')`)
    .addCheckConstraint("campaign_chats_type_check", sql`chat_type in ('group', 'supergroup', 'channel')`)
    .execute();
  await db.schema.createIndex("campaign_chats_chat").on("campaign_chats").column("chat_id").execute();

  // A letter relayed to organisers: where it went and the message with its buttons (set once Telegram accepted it).
  await db.schema
    .createTable("relayed_letters")
    .addColumn("letter_id", "bigint", (c) => c.primaryKey().references("letters.id").onDelete("cascade"))
    .addColumn("campaign_slug", "text", (c) => c.notNull())
    .addColumn("chat_id", "bigint", (c) => c.notNull())
    .addColumn("card_message_id", "bigint")
    // The card as posted, without its status line, so a status change can edit it without rebuilding it from data
    // that may have changed since (or, like the writer's Telegram name, was never stored elsewhere). No letter text.
    .addColumn("card_html", "text", (c) => c.notNull())
    .addColumn("card_locale", "text", (c) => c.notNull())
    .addColumn("relayed_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("relayed_letters_campaign").on("relayed_letters").columns(["campaign_slug", "letter_id"]).execute();
  await db.schema.createIndex("relayed_letters_chat").on("relayed_letters").column("chat_id").execute();

  // A PDF handed to an organiser for printing; its button marks exactly these letters printed.
  await withAutoId(db, db.schema.createTable("print_batches"))
    .addColumn("created_by", "bigint", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    // JSON array of letter ids, in the order they were printed.
    .addColumn("letter_ids", "text", (c) => c.notNull())
    .addColumn("marked_printed_at", "text")
    .addColumn("marked_printed_by", "bigint")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("print_batches").execute();
  await db.schema.dropTable("relayed_letters").execute();
  await db.schema.dropTable("campaign_chats").execute();
}
