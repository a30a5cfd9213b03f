import { type Kysely, sql } from "kysely";
import { withAutoId } from "./_portable.js";

/**
 * Case news (docs/news.md): who follows which prisoner or campaign and how they want to hear, the news organisers
 * publish, the daily digest's waiting list, channel posts offered as news, and reminders to write. Event types and
 * delivery modes are spelled out here rather than imported, so that this migration stays frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // A follow of one prisoner or of a whole campaign. Campaign follows are resolved when news is published, so
  // prisoners added to the campaign later are covered without any new row.
  await db.schema
    .createTable("news_follows")
    .addColumn("user_id", "bigint", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("target_type", "text", (c) => c.notNull())
    .addColumn("target_slug", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("news_follows_pk", ["user_id", "target_type", "target_slug"])
    .addCheckConstraint("news_follows_target_type_check", sql`target_type in ('prisoner', 'campaign')`)
    .execute();
  // Fan-out: everyone following this prisoner or this campaign.
  await db.schema.createIndex("news_follows_target").on("news_follows").columns(["target_type", "target_slug"]).execute();

  // "Unfollow" pressed under news about one prisoner of a campaign the person follows: no more news about them.
  await db.schema
    .createTable("news_mutes")
    .addColumn("user_id", "bigint", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("prisoner_slug", "text", (c) => c.notNull().references("prisoners.slug").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("news_mutes_pk", ["user_id", "prisoner_slug"])
    .execute();

  await db.schema
    .createTable("news_preferences")
    .addColumn("user_id", "bigint", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("delivery", "text", (c) => c.notNull().defaultTo("immediate"))
    .addColumn("birthday_reminders", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("news_preferences_delivery_check", sql`delivery in ('immediate', 'digest')`)
    .addCheckConstraint("news_preferences_birthday_check", sql`birthday_reminders in (0, 1)`)
    .execute();

  await withAutoId(db, db.schema.createTable("news_posts"))
    .addColumn("prisoner_slug", "text", (c) => c.notNull().references("prisoners.slug"))
    .addColumn("event_type", "text", (c) => c.notNull())
    // Punishment cell: the number of days when the source gives it.
    .addColumn("cell_days", "integer")
    // Transfer: the new institution; NULL when the destination is not known yet.
    .addColumn("institution_slug", "text", (c) => c.references("institutions.slug"))
    // JSON {"uk": "...", "en": "...", "ru": "..."}: the organiser's text as written, plus optional translations.
    .addColumn("texts", "text", (c) => c.notNull())
    .addColumn("author_locale", "text", (c) => c.notNull())
    .addColumn("source_url", "text")
    .addColumn("author_id", "bigint", (c) => c.notNull())
    .addColumn("published_at", "text", (c) => c.notNull())
    // Subscribers sent the news at once (outbox rows) and those waiting for their daily digest.
    .addColumn("immediate_count", "integer", (c) => c.notNull())
    .addColumn("digest_count", "integer", (c) => c.notNull())
    // The organiser's progress message, edited while the broadcast runs.
    .addColumn("progress_chat_id", "bigint")
    .addColumn("progress_message_id", "bigint")
    .addColumn("progress_text", "text")
    .addColumn("progress_edited_at", "text")
    .addColumn("reported_at", "text")
    .addCheckConstraint(
      "news_posts_event_type_check",
      sql`event_type in ('punishment-cell', 'transfer', 'hunger-strike', 'health', 'court', 'release', 'exchange', 'other')`,
    )
    .execute();
  await db.schema.createIndex("news_posts_prisoner").on("news_posts").columns(["prisoner_slug", "id"]).execute();
  // Broadcasts whose final report is still due.
  await db.schema
    .createIndex("news_posts_unreported")
    .on("news_posts")
    .column("id")
    .where(sql.ref("reported_at"), "is", null)
    .execute();

  // News waiting for a subscriber's next daily digest.
  await withAutoId(db, db.schema.createTable("news_digest_items"))
    .addColumn("user_id", "bigint", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("news_id", "bigint", (c) => c.notNull().references("news_posts.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("digested_at", "text")
    .execute();
  await db.schema
    .createIndex("news_digest_items_waiting")
    .on("news_digest_items")
    .columns(["user_id", "id"])
    .where(sql.ref("digested_at"), "is", null)
    .execute();

  // A post in an organisers' linked channel that names a prisoner's hashtag, offered to organisers as news.
  await withAutoId(db, db.schema.createTable("news_channel_offers"))
    .addColumn("chat_id", "bigint", (c) => c.notNull())
    .addColumn("message_id", "bigint", (c) => c.notNull())
    .addColumn("campaign_slug", "text", (c) => c.notNull().references("campaigns.slug").onDelete("cascade"))
    .addColumn("prisoner_slug", "text", (c) => c.notNull().references("prisoners.slug").onDelete("cascade"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("source_url", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("news_id", "bigint", (c) => c.references("news_posts.id"))
    .execute();
  // Telegram may deliver the same channel post twice (a restart before the offset was confirmed): offer it once.
  await db.schema
    .createIndex("news_channel_offers_post")
    .on("news_channel_offers")
    .columns(["chat_id", "message_id", "prisoner_slug"])
    .unique()
    .execute();

  // "Remind me to write to X every N weeks".
  await withAutoId(db, db.schema.createTable("news_reminders"))
    .addColumn("user_id", "bigint", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("prisoner_slug", "text", (c) => c.notNull().references("prisoners.slug").onDelete("cascade"))
    .addColumn("every_weeks", "integer", (c) => c.notNull())
    .addColumn("next_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint("news_reminders_weeks_check", sql`every_weeks between 1 and 52`)
    .execute();
  await db.schema
    .createIndex("news_reminders_user_prisoner")
    .on("news_reminders")
    .columns(["user_id", "prisoner_slug"])
    .unique()
    .execute();
  await db.schema.createIndex("news_reminders_due").on("news_reminders").column("next_at").execute();

  // Once-only scheduled sends (a birthday reminder, a day's digest): the key is inserted in the transaction that
  // enqueues the message, so a second scheduler pass or a second instance finds it and sends nothing.
  await db.schema
    .createTable("news_scheduled_sends")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("news_scheduled_sends").execute();
  await db.schema.dropTable("news_reminders").execute();
  await db.schema.dropTable("news_channel_offers").execute();
  await db.schema.dropTable("news_digest_items").execute();
  await db.schema.dropTable("news_posts").execute();
  await db.schema.dropTable("news_preferences").execute();
  await db.schema.dropTable("news_mutes").execute();
  await db.schema.dropTable("news_follows").execute();
}
