import type { DB } from "../database.js";

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

/** Every waiting request with when its person was last seen (a returning user's request is dropped). */
export async function listForgetRequests(db: DB): Promise<Array<{ user_id: number; requested_at: string; last_seen_at: string }>> {
  return db
    .selectFrom("forget_requests")
    .innerJoin("users", "users.id", "forget_requests.user_id")
    .select(["forget_requests.user_id", "forget_requests.requested_at", "users.last_seen_at"])
    .execute();
}

/** Drops the request made at `requestedAt` (not a newer one made meanwhile). */
export async function dropForgetRequest(db: DB, userId: number, requestedAt: string): Promise<void> {
  await db.deleteFrom("forget_requests").where("user_id", "=", userId).where("requested_at", "=", requestedAt).execute();
}

/** Deletes stored conversations (replay logs of what people typed) untouched since `cutoff`; returns how many. */
export async function deleteConversationsUntouchedSince(db: DB, cutoff: string): Promise<number> {
  return Number((await db.deleteFrom("conversation_state").where("updated_at", "<=", cutoff).executeTakeFirst()).numDeletedRows);
}
