import { type DB, inTransactionRetryingDeadlocks } from "../../db/database.js";
import { AWAITING_ORGANISERS } from "../../domain/letters/status.js";
import { hideWriterFromOrganisers } from "./hide-writer.js";
import { PERSONAL_DATA_SOURCES } from "./sources.js";
import { countLettersByStatus, hideWriterOfHeldLetters } from "../../db/repositories/letters.js";
import { dropForgetRequest, listForgetRequests, type ListedForgetRequest, lockForgetRequest, recordForgetRequest } from "../../db/repositories/privacy.js";
import { organiserCampaigns } from "../../db/repositories/roles.js";
import { forgetRequestedAt, type LockedPerson, lockPerson } from "../../db/repositories/users.js";

export interface ForgetPlan {
  /** Letters (drafts included) that /forget deletes. */
  letters: number;
  /** Follows, mutes, preferences and reminders. */
  subscriptions: number;
  /** Letters organisers still hold (relayed or accepted): kept until they print or return them. */
  lettersWithOrganisers: number;
  /** Records of organiser or admin actions on shared data that stay (ids only). */
  teamRecords: number;
  /** Campaigns the person organises now: /forget deletes the role too, which they should know before saying yes. */
  organiserOf: string[];
}

const SUBSCRIPTION_TABLES = new Set(["news_follows", "news_mutes", "news_preferences", "news_reminders"]);

/** What /forget would do, for the confirmation message. */
export async function planForget(db: DB, userId: number): Promise<ForgetPlan> {
  const plan: ForgetPlan = { letters: 0, subscriptions: 0, lettersWithOrganisers: 0, teamRecords: 0, organiserOf: await organiserCampaigns(db, userId) };
  for (const source of PERSONAL_DATA_SOURCES) {
    if (source.kind === "team") plan.teamRecords += (await source.collect(db, userId)).length;
    else if (SUBSCRIPTION_TABLES.has(source.table)) plan.subscriptions += (await source.collect(db, userId)).length;
  }
  for (const row of await countLettersByStatus(db, userId)) {
    if (AWAITING_ORGANISERS.includes(row.status)) plan.lettersWithOrganisers += row.count;
    else plan.letters += row.count;
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
  return inTransactionRetryingDeadlocks(db, async (trx) => {
    // The person's row first, as retention's finish and the letter editor's save take it: deleting rows first and the
    // person's last, beside one of them holding the person and writing the same rows, deadlocked on Postgres.
    await lockPerson(trx, userId, "delete");
    const result = await deletePersonalData(trx, userId, now);
    if (result.lettersWithOrganisers > 0) await recordForgetRequest(trx, userId, now);
    return result;
  });
}

async function deletePersonalData(trx: DB, userId: number, now: Date): Promise<ForgetResult> {
  const deleted: Record<string, number> = {};
  for (const source of PERSONAL_DATA_SOURCES) {
    if (source.forget) deleted[source.table] = await source.forget(trx, userId);
  }
  await hideWriterFromOrganisers(trx, userId, now);
  const lettersWithOrganisers = await hideWriterOfHeldLetters(trx, userId);
  return { deleted, lettersWithOrganisers };
}

/**
 * For the retention job: people who asked to be forgotten while organisers held a letter of theirs. Whatever came
 * since (a status notice queued for them) is deleted again, and once no letter is with organisers the user row goes
 * too. Someone who has used the bot again since asking is a returning user: their request is dropped.
 * Returns how many people were completely forgotten.
 */
export async function finishForgetRequests(db: DB, now: Date): Promise<number> {
  let finished = 0;
  for (const request of await listForgetRequests(db)) {
    if ((await finishForgetRequest(db, request, now)) === "forgotten") finished += 1;
  }
  return finished;
}

/**
 * What finishing one request did: `held`, the person is forgotten but for the letters organisers still hold; `changed`,
 * they asked again after the pass listed the request, which leaves the newer request to the next pass.
 */
export type FinishedRequest = "dropped" | "held" | "forgotten" | "changed" | "gone";

/**
 * Finishes one request of the pass's list on facts read again in its own transaction, under a lock a visit waits for
 * (`lockForgetRequest`): between the list and this call the person may have come back and their letter left the
 * organisers, and deleting on the listed facts deleted everything of someone who came back. A visit committed after
 * the deletion makes a new person, as any first visit does. The request keeps the time the person asked: the pass's
 * `now` may be earlier than that, and a later visit compared with it would cancel the request.
 */
export async function finishForgetRequest(db: DB, listed: ListedForgetRequest, now: Date): Promise<FinishedRequest> {
  return inTransactionRetryingDeadlocks(db, async (trx) => {
    const request = await lockForgetRequest(trx, listed.user_id);
    if (!request) return "gone";
    if (request.requested_at !== listed.requested_at) return "changed";
    if (cameBackSinceAsking(request.last_seen_at, request.requested_at)) {
      await dropForgetRequest(trx, request.user_id, request.requested_at);
      return "dropped";
    }
    const result = await deletePersonalData(trx, request.user_id, now);
    return result.lettersWithOrganisers > 0 ? "held" : "forgotten";
  });
}

/** Whether a request to finish forgetting `userId` was recorded at or after `since` (and is still open). */
export async function forgetRequestedSince(db: DB, userId: number, since: Date): Promise<boolean> {
  const requestedAt = await forgetRequestedAt(db, userId);
  return requestedAt !== undefined && requestedAt >= since.toISOString();
}

/** Someone who used the bot after asking to be forgotten is a returning user (their request is dropped). */
function cameBackSinceAsking(lastSeenAt: string, requestedAt: string): boolean {
  return lastSeenAt > requestedAt;
}

/**
 * Whether Lysty is forgetting this person (read with `lockPerson`): their row is gone, or they asked and have not used
 * the bot since. Nothing of theirs is written then: the letter editor, open before they asked, saves nothing.
 */
export function isBeingForgotten(person: LockedPerson | undefined): boolean {
  return person === undefined || (person.forget_requested_at !== null && !cameBackSinceAsking(person.last_seen_at, person.forget_requested_at));
}
