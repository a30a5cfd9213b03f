import type { DB } from "../database.js";
import { lockPerson, VISIT_RESOLUTION_MS } from "./users.js";

/**
 * Requests to be forgotten that wait for organisers to finish with a letter (see src/services/privacy/forget.ts), and
 * the conversation logs the retention job deletes.
 */

export async function recordForgetRequest(db: DB, userId: number, now: Date): Promise<void> {
  const requested_at = now.toISOString();
  await db
    .insertInto("forget_requests")
    .values({ user_id: userId, requested_at })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ requested_at }))
    .execute();
}

export async function isForgetRequested(db: DB, userId: number): Promise<boolean> {
  return (await db.selectFrom("forget_requests").select("user_id").where("user_id", "=", userId).executeTakeFirst()) !== undefined;
}

export interface ListedForgetRequest {
  user_id: number;
  requested_at: string;
  last_seen_at: string;
}

/** Every waiting request with when its person was last seen (a returning user's request is dropped). */
export async function listForgetRequests(db: DB): Promise<ListedForgetRequest[]> {
  return db
    .selectFrom("forget_requests")
    .innerJoin("users", "users.id", "forget_requests.user_id")
    .select(["forget_requests.user_id", "forget_requests.requested_at", "users.last_seen_at"])
    .execute();
}

/**
 * One request as it stands now, with its person's last visit, for deciding it (src/services/privacy/forget.ts): the
 * person's row is locked first (`lockPerson`), as every transaction that writes several of their rows takes it, so a
 * visit (`touchUser`'s upsert), /forget run again and a save in the letter editor wait for the decision instead of
 * landing beside it. Undefined when the request is gone.
 */
export async function lockForgetRequest(trx: DB, userId: number): Promise<ListedForgetRequest | undefined> {
  const person = await lockPerson(trx, userId, "delete");
  if (!person?.forget_requested_at) return undefined;
  return { user_id: person.id, requested_at: person.forget_requested_at, last_seen_at: person.last_seen_at };
}

/** Drops the request made at `requestedAt` (not a newer one made meanwhile). */
export async function dropForgetRequest(db: DB, userId: number, requestedAt: string): Promise<void> {
  await db.deleteFrom("forget_requests").where("user_id", "=", userId).where("requested_at", "=", requestedAt).execute();
}

/**
 * Deletes stored conversations (replay logs of what people typed) untouched since `cutoff`, and leaves the letter's
 * writing stage of people not seen since (the flow in progress goes with the draft); returns how many of both. A
 * recorded visit may be up to `VISIT_RESOLUTION_MS` older than the person's last one (users.ts, `touchUser`), so a
 * stage is left only when even that last one is before `cutoff`: never earlier than when every visit was written.
 */
export async function deleteConversationsUntouchedSince(db: DB, cutoff: string): Promise<number> {
  const flows = Number((await db.deleteFrom("conversation_state").where("updated_at", "<=", cutoff).executeTakeFirst()).numDeletedRows);
  const recordedBy = new Date(Date.parse(cutoff) - VISIT_RESOLUTION_MS).toISOString();
  const stages = await db
    .updateTable("users")
    .set({ letter_stage: null })
    .where("letter_stage", "is not", null)
    .where("last_seen_at", "<=", recordedBy)
    .executeTakeFirst();
  return flows + Number(stages.numUpdatedRows);
}
