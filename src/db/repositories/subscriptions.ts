import { sql } from "kysely";
import type { DB } from "../database.js";
import type { FollowTargetType, NewsDelivery } from "../tables/news.js";

/**
 * Who follows which case. A prisoner is followed directly or through a campaign; campaign follows are resolved
 * when news is published (`subscribersOf`), so prisoners added to a campaign later are covered. "Unfollow" under
 * news about one prisoner of a followed campaign leaves a mute for that prisoner instead of dropping the campaign.
 */

export interface Follow {
  type: FollowTargetType;
  slug: string;
  createdAt: string;
}

export interface NewsPreferences {
  delivery: NewsDelivery;
  birthdayReminders: boolean;
  /** As stored; null means the default zone. */
  timeZone: string | null;
}

export async function followPrisoner(db: DB, userId: number, prisonerSlug: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await insertFollow(trx, userId, "prisoner", prisonerSlug, now);
    await unmutePrisoner(trx, userId, prisonerSlug);
  });
}

export async function followCampaign(db: DB, userId: number, campaignSlug: string, now: Date): Promise<void> {
  await insertFollow(db, userId, "campaign", campaignSlug, now);
}

async function insertFollow(db: DB, userId: number, type: FollowTargetType, slug: string, now: Date): Promise<void> {
  await db
    .insertInto("news_follows")
    .values({ user_id: userId, target_type: type, target_slug: slug, created_at: now.toISOString() })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * Stops news about the prisoner. Returns the followed campaigns that include them: the mute written for those keeps
 * the rest of the campaign coming.
 */
export async function unfollowPrisoner(db: DB, userId: number, prisonerSlug: string, now: Date): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("news_follows")
      .where("user_id", "=", userId)
      .where("target_type", "=", "prisoner")
      .where("target_slug", "=", prisonerSlug)
      .execute();
    const campaigns = await followedCampaignsIncluding(trx, userId, prisonerSlug);
    if (campaigns.length > 0) {
      await trx
        .insertInto("news_mutes")
        .values({ user_id: userId, prisoner_slug: prisonerSlug, created_at: now.toISOString() })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    return campaigns;
  });
}

export async function unfollowCampaign(db: DB, userId: number, campaignSlug: string): Promise<boolean> {
  const result = await db
    .deleteFrom("news_follows")
    .where("user_id", "=", userId)
    .where("target_type", "=", "campaign")
    .where("target_slug", "=", campaignSlug)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

async function followedCampaignsIncluding(db: DB, userId: number, prisonerSlug: string): Promise<string[]> {
  const rows = await db
    .selectFrom("news_follows")
    .innerJoin("prisoner_campaigns", "prisoner_campaigns.campaign_slug", "news_follows.target_slug")
    .select("news_follows.target_slug")
    .where("news_follows.user_id", "=", userId)
    .where("news_follows.target_type", "=", "campaign")
    .where("prisoner_campaigns.prisoner_slug", "=", prisonerSlug)
    .orderBy("news_follows.target_slug")
    .execute();
  return rows.map((row) => row.target_slug);
}

/** True when news about the prisoner reaches this user, directly or through a campaign they have not muted it in. */
export async function isFollowingPrisoner(db: DB, userId: number, prisonerSlug: string): Promise<boolean> {
  if (await followsDirectly(db, userId, "prisoner", prisonerSlug)) return true;
  const muted = await db
    .selectFrom("news_mutes")
    .select("user_id")
    .where("user_id", "=", userId)
    .where("prisoner_slug", "=", prisonerSlug)
    .executeTakeFirst();
  return !muted && (await followedCampaignsIncluding(db, userId, prisonerSlug)).length > 0;
}

/**
 * Prisoners muted within followed campaigns ("Unfollow" under a campaign's news), oldest first. A mute outlives the
 * campaign's follow (it holds again if the campaign is followed again), but while no followed campaign includes the
 * person, lifting it brings nothing, so it is not listed.
 */
export async function listMutes(db: DB, userId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("news_mutes")
    .select("news_mutes.prisoner_slug")
    .where("news_mutes.user_id", "=", userId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("news_follows")
          .innerJoin("prisoner_campaigns", "prisoner_campaigns.campaign_slug", "news_follows.target_slug")
          .select("news_follows.user_id")
          .whereRef("news_follows.user_id", "=", "news_mutes.user_id")
          .where("news_follows.target_type", "=", "campaign")
          .whereRef("prisoner_campaigns.prisoner_slug", "=", "news_mutes.prisoner_slug"),
      ),
    )
    .orderBy("news_mutes.created_at")
    .orderBy("news_mutes.prisoner_slug")
    .execute();
  return rows.map((row) => row.prisoner_slug);
}

/** Lifts a mute: news about the prisoner comes through their campaigns again. Whether there was one. */
export async function unmutePrisoner(db: DB, userId: number, prisonerSlug: string): Promise<boolean> {
  const result = await db.deleteFrom("news_mutes").where("user_id", "=", userId).where("prisoner_slug", "=", prisonerSlug).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function isFollowingCampaign(db: DB, userId: number, campaignSlug: string): Promise<boolean> {
  return followsDirectly(db, userId, "campaign", campaignSlug);
}

/** The user follows this prisoner or campaign itself (a row of news_follows). */
async function followsDirectly(db: DB, userId: number, targetType: FollowTargetType, targetSlug: string): Promise<boolean> {
  const row = await db
    .selectFrom("news_follows")
    .select("user_id")
    .where("user_id", "=", userId)
    .where("target_type", "=", targetType)
    .where("target_slug", "=", targetSlug)
    .executeTakeFirst();
  return row !== undefined;
}

/** Campaigns first, then prisoners, each in the order they were followed. */
export async function listFollows(db: DB, userId: number): Promise<Follow[]> {
  const rows = await db
    .selectFrom("news_follows")
    .select(["target_type", "target_slug", "created_at"])
    .where("user_id", "=", userId)
    .orderBy(sql`case target_type when 'campaign' then 0 else 1 end`)
    .orderBy("created_at")
    .orderBy("target_slug")
    .execute();
  return rows.map((row) => ({ type: row.target_type, slug: row.target_slug, createdAt: row.created_at }));
}

/** Prisoners whose news reaches the user (direct follows plus unmuted members of followed campaigns). */
export async function followedPrisonerSlugs(db: DB, userId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("prisoners")
    .select("slug")
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom("news_follows")
            .select("news_follows.user_id")
            .where("news_follows.user_id", "=", userId)
            .where("news_follows.target_type", "=", "prisoner")
            .whereRef("news_follows.target_slug", "=", "prisoners.slug"),
        ),
        eb.and([
          eb.exists(
            eb
              .selectFrom("news_follows")
              .innerJoin("prisoner_campaigns", "prisoner_campaigns.campaign_slug", "news_follows.target_slug")
              .select("news_follows.user_id")
              .where("news_follows.user_id", "=", userId)
              .where("news_follows.target_type", "=", "campaign")
              .whereRef("prisoner_campaigns.prisoner_slug", "=", "prisoners.slug"),
          ),
          eb.not(
            eb.exists(
              eb
                .selectFrom("news_mutes")
                .select("news_mutes.user_id")
                .where("news_mutes.user_id", "=", userId)
                .whereRef("news_mutes.prisoner_slug", "=", "prisoners.slug"),
            ),
          ),
        ]),
      ]),
    )
    .orderBy("slug")
    .execute();
  return rows.map((row) => row.slug);
}

export async function getNewsPreferences(db: DB, userId: number): Promise<NewsPreferences> {
  const row = await db.selectFrom("news_preferences").selectAll().where("user_id", "=", userId).executeTakeFirst();
  return { delivery: row?.delivery ?? "immediate", birthdayReminders: row?.birthday_reminders === 1, timeZone: row?.time_zone ?? null };
}

export async function setNewsTimeZone(db: DB, userId: number, timeZone: string, now: Date): Promise<void> {
  const values = { time_zone: timeZone, updated_at: now.toISOString() };
  await db
    .insertInto("news_preferences")
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
    .execute();
}

/** The time zones of these people (null: the default), for the scheduler. */
export async function timeZonesOf(db: DB, userIds: readonly number[]): Promise<Map<number, string | null>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom("news_preferences").select(["user_id", "time_zone"]).where("user_id", "in", [...userIds]).execute();
  return new Map(rows.map((row) => [row.user_id, row.time_zone]));
}

export async function setNewsDelivery(db: DB, userId: number, delivery: NewsDelivery, now: Date): Promise<void> {
  const values = { delivery, updated_at: now.toISOString() };
  await db
    .insertInto("news_preferences")
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
    .execute();
}

export async function setBirthdayReminders(db: DB, userId: number, enabled: boolean, now: Date): Promise<void> {
  const values = { birthday_reminders: enabled ? (1 as const) : (0 as const), updated_at: now.toISOString() };
  await db
    .insertInto("news_preferences")
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
    .execute();
}

export interface Subscriber {
  userId: number;
  /** The user's UI locale as stored. */
  locale: string;
  delivery: NewsDelivery;
}

/**
 * Everyone news about the prisoner should reach right now: direct followers and followers of any campaign that
 * includes the prisoner today, minus mutes and minus people who blocked the bot (Telegram answered 403; writing to
 * the bot again clears that, see `touchUser`). Ordered by user id, so a broadcast goes out in a stable order.
 */
export async function subscribersOf(db: DB, prisonerSlug: string): Promise<Subscriber[]> {
  const rows = await db
    .selectFrom("users")
    .leftJoin("news_preferences", "news_preferences.user_id", "users.id")
    .select(["users.id", "users.locale", "news_preferences.delivery"])
    .where("users.blocked_at", "is", null)
    .where((eb) =>
      eb.or([
        eb(
          "users.id",
          "in",
          eb
            .selectFrom("news_follows")
            .select("news_follows.user_id")
            .where("news_follows.target_type", "=", "prisoner")
            .where("news_follows.target_slug", "=", prisonerSlug),
        ),
        eb.and([
          eb(
            "users.id",
            "in",
            eb
              .selectFrom("news_follows")
              .innerJoin("prisoner_campaigns", "prisoner_campaigns.campaign_slug", "news_follows.target_slug")
              .select("news_follows.user_id")
              .where("news_follows.target_type", "=", "campaign")
              .where("prisoner_campaigns.prisoner_slug", "=", prisonerSlug),
          ),
          eb(
            "users.id",
            "not in",
            eb.selectFrom("news_mutes").select("news_mutes.user_id").where("news_mutes.prisoner_slug", "=", prisonerSlug),
          ),
        ]),
      ]),
    )
    .orderBy("users.id")
    .execute();
  return rows.map((row) => ({
    userId: row.id,
    locale: row.locale,
    delivery: row.delivery ?? "immediate",
  }));
}
