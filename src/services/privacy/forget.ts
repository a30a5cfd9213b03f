import type { DB } from "../../db/database.js";
import { AWAITING_ORGANISERS } from "../../domain/letters/status.js";
import { hideWriterFromOrganisers } from "./hide-writer.js";
import { PERSONAL_DATA_SOURCES } from "./sources.js";

export interface ForgetPlan {
  /** Letters (drafts included) that /forget deletes. */
  letters: number;
  /** Follows, mutes, preferences and reminders. */
  subscriptions: number;
  /** Letters organisers still hold (relayed or accepted): kept until they print or return them. */
  lettersWithOrganisers: number;
  /** Records of organiser or admin actions on shared data that stay (ids only). */
  teamRecords: number;
}

const SUBSCRIPTION_TABLES = new Set(["news_follows", "news_mutes", "news_preferences", "news_reminders"]);

/** What /forget would do, for the confirmation message. */
export async function planForget(db: DB, userId: number): Promise<ForgetPlan> {
  const plan: ForgetPlan = { letters: 0, subscriptions: 0, lettersWithOrganisers: 0, teamRecords: 0 };
  for (const source of PERSONAL_DATA_SOURCES) {
    if (source.kind === "team") plan.teamRecords += (await source.collect(db, userId)).length;
    else if (SUBSCRIPTION_TABLES.has(source.table)) plan.subscriptions += (await source.collect(db, userId)).length;
  }
  const letters = await db
    .selectFrom("letters")
    .select(["status", (eb) => eb.fn.countAll<number | string>().as("count")])
    .where("writer_id", "=", userId)
    .groupBy("status")
    .execute();
  for (const row of letters) {
    if (AWAITING_ORGANISERS.includes(row.status)) plan.lettersWithOrganisers += Number(row.count);
    else plan.letters += Number(row.count);
  }
  return plan;
}

export interface ForgetResult {
  /** Rows deleted or detached, per table. */
  deleted: Record<string, number>;
  /** Letters organisers still hold; the user row stays with them until they are printed or returned. */
  lettersWithOrganisers: number;
}

/**
 * Deletes what Lysty stores about a person, in one transaction. Letters organisers still hold stay with the minimum
 * they need (text, signature, prisoner, reference): the writer is no longer shown to organisers (their name comes
 * off the card, stored and posted), and the retention
 * job finishes the deletion once those letters leave the organisers' queue (`finishForgetRequests`).
 */
export async function forgetUser(db: DB, userId: number, now: Date): Promise<ForgetResult> {
  return db.transaction().execute(async (trx) => {
    const deleted: Record<string, number> = {};
    for (const source of PERSONAL_DATA_SOURCES) {
      if (source.forget) deleted[source.table] = await source.forget(trx, userId);
    }
    await hideWriterFromOrganisers(trx, userId, now);
    const held = await trx
      .updateTable("letters")
      .set({ share_identity: 0 })
      .where("writer_id", "=", userId)
      .where("status", "in", [...AWAITING_ORGANISERS])
      .executeTakeFirst();
    const lettersWithOrganisers = Number(held.numUpdatedRows);
    if (lettersWithOrganisers > 0) {
      const requested_at = now.toISOString();
      await trx
        .insertInto("forget_requests")
        .values({ user_id: userId, requested_at })
        .onConflict((oc) => oc.column("user_id").doUpdateSet({ requested_at }))
        .execute();
    }
    return { deleted, lettersWithOrganisers };
  });
}

/**
 * For the retention job: people who asked to be forgotten while organisers held a letter of theirs. Whatever came
 * since (a status notice queued for them) is deleted again, and once no letter is with organisers the user row goes
 * too. Someone who has used the bot again since asking is a returning user: their request is dropped.
 * Returns how many people were completely forgotten.
 */
export async function finishForgetRequests(db: DB, now: Date): Promise<number> {
  const requests = await db
    .selectFrom("forget_requests")
    .innerJoin("users", "users.id", "forget_requests.user_id")
    .select(["forget_requests.user_id", "forget_requests.requested_at", "users.last_seen_at"])
    .execute();
  let finished = 0;
  for (const request of requests) {
    if (request.last_seen_at > request.requested_at) {
      await db
        .deleteFrom("forget_requests")
        .where("user_id", "=", request.user_id)
        .where("requested_at", "=", request.requested_at)
        .execute();
      continue;
    }
    const result = await forgetUser(db, request.user_id, now);
    if (result.lettersWithOrganisers === 0) finished += 1;
  }
  return finished;
}
