import { type DB, isPostgresDb } from "../database.js";
import type { User } from "../schema.js";
import { prepared } from "../prepared.js";

export async function findUser(db: DB, id: number): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * How stale a recorded visit may be before it is written again. `last_seen_at` only decides what the retention job
 * keeps (a writing stage is kept for days, allowing for this: privacy.ts) and whether someone came back after asking
 * to be forgotten (written every time while such a request waits, below), so recording every update was a database
 * write and a commit on every update for nothing (issue 14).
 */
export const VISIT_RESOLUTION_MS = 10 * 60_000;

/**
 * Records that a user wrote to the bot. A new user gets `guessedLocale`; a returning one keeps the locale they
 * have. Writing again also clears a "blocked the bot" mark: Telegram only delivers updates from users who unblocked.
 * The visit is written when it is new, older than `VISIT_RESOLUTION_MS`, the person was marked blocked, or they have a
 * forget request waiting (the retention job drops the request of someone seen after it); otherwise the row is only read.
 * `created`: the row was made for this visit (the person's first contact).
 */
export async function touchUser(db: DB, id: number, guessedLocale: string, now: Date): Promise<{ user: User; created: boolean }> {
  const known = await visitor.first(db, id);
  if (known) {
    const { forget_waiting, ...user } = known;
    if (!forget_waiting && user.blocked_at === null && now.getTime() - Date.parse(user.last_seen_at) < VISIT_RESOLUTION_MS) return { user, created: false };
  }
  const at = now.toISOString();
  const user = await upsertVisit.first(db, id, guessedLocale, at);
  if (!user) throw new Error("touchUser: the upsert returned no row");
  // Nobody before, and the row has this visit's time: a row another update made meanwhile (an inline query beside
  // the first message) keeps its own. The time alone is not enough: a known person's row can carry this very
  // millisecond (two visits in one, a clock set back), and taking them for new skips reading their stored flow.
  return { user, created: known === undefined && user.created_at === at };
}

/** The person's row, and whether a forget request of theirs waits (compiled once, db/prepared.ts; runs on every update). */
const visitor = prepared((db: DB, id: number) =>
  db
    .selectFrom("users")
    .selectAll("users")
    .select(({ exists, selectFrom }) => exists(selectFrom("forget_requests").select("forget_requests.user_id").whereRef("forget_requests.user_id", "=", "users.id")).as("forget_waiting"))
    .where("id", "=", id),
);

/** Compiled once, db/prepared.ts. */
const upsertVisit = prepared((db: DB, id: number, locale: string, at: string) =>
  db
    .insertInto("users")
    .values({ id, locale, created_at: at, last_seen_at: at, blocked_at: null })
    .onConflict((oc) => oc.column("id").doUpdateSet({ last_seen_at: at, blocked_at: null }))
    .returningAll(),
);

/** Records a visit of someone known at `now`, unless a later one is recorded already. */
export async function recordVisit(db: DB, id: number, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.updateTable("users").set({ last_seen_at: at }).where("id", "=", id).where("last_seen_at", "<", at).execute();
}

export async function setUserLocale(db: DB, id: number, locale: string): Promise<void> {
  await db.updateTable("users").set({ locale, locale_chosen: 1 }).where("id", "=", id).execute();
}

export async function markUserBlocked(db: DB, id: number, now: Date): Promise<void> {
  await db.updateTable("users").set({ blocked_at: now.toISOString() }).where("id", "=", id).execute();
}

/** Blocked (`blockedAt`) or unblocked (null) by the person in their private chat; false when the person is unknown. */
export async function setUserBlocked(db: DB, id: number, blockedAt: Date | null): Promise<boolean> {
  const result = await db.updateTable("users").set({ blocked_at: blockedAt?.toISOString() ?? null }).where("id", "=", id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The stored locale of a person, undefined when Lysty has never seen them. */
export async function storedLocaleOf(db: DB, id: number): Promise<string | undefined> {
  return (await db.selectFrom("users").select("locale").where("id", "=", id).executeTakeFirst())?.locale;
}

/** Of `ids`, the people who have not blocked the bot, with their stored locale (for notes sent to each of them). */
export async function reachableUsersWithLocale(db: DB, ids: readonly number[]): Promise<Array<{ id: number; locale: string }>> {
  if (ids.length === 0) return [];
  return db.selectFrom("users").select(["id", "locale"]).where("id", "in", ids).where("blocked_at", "is", null).execute();
}

/** The stored locale of each of these users who has one row (one query, for notices to several people). */
export async function storedLocalesOf(db: DB, ids: readonly number[]): Promise<Map<number, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("users").select(["id", "locale"]).where("id", "in", [...ids]).execute();
  return new Map(rows.map((row) => [row.id, row.locale]));
}

/** When the person asked /forget while organisers still held letters of theirs, if that request is still open. */
export async function forgetRequestedAt(db: DB, userId: number): Promise<string | undefined> {
  const row = await db.selectFrom("forget_requests").select("requested_at").where("user_id", "=", userId).executeTakeFirst();
  return row?.requested_at;
}

/** The letter flow's writing stage (JSON, or null to leave it); compiled once, as a hand-over runs it every time. */
const writeLetterStage = prepared((db: DB, id: number, stage: string | null) =>
  db.updateTable("users").set({ letter_stage: stage }).where("id", "=", id),
);

export async function setLetterStage(db: DB, id: number, stage: string | null): Promise<void> {
  await writeLetterStage.execute(db, id, stage);
}

/**
 * Writes the stage only if it is still `expected`: the letter editor saves beside the chat's updates, which are not
 * ordered with it, and must not put back a stage that an update has just replaced.
 */
export async function replaceLetterStageIf(db: DB, id: number, expected: string, stage: string): Promise<void> {
  await db.updateTable("users").set({ letter_stage: stage }).where("id", "=", id).where("letter_stage", "=", expected).execute();
}

/** What deciding on a person needs: their last recorded visit, and when they asked to be forgotten (null: they did not). */
export interface LockedPerson {
  id: number;
  last_seen_at: string;
  forget_requested_at: string | null;
}

/**
 * The person's row, locked until the caller's transaction ends, with their waiting forget request: the first thing
 * every transaction that writes several of a person's rows beside other such transactions takes, so that all of them
 * take the person's rows in one order (users first, then letters and the rest) and none waits for another in a cycle
 * (docs/production.md, "Postgres"). `delete` for /forget and retention's finish (FOR UPDATE: the row may go), `write`
 * for a writer's own changes (FOR NO KEY UPDATE: a foreign key's check by an insert beside it does not wait). On SQLite
 * the transaction's one connection already keeps every other statement out: a plain read. Undefined: no such person.
 */
export async function lockPerson(trx: DB, id: number, mode: "delete" | "write"): Promise<LockedPerson | undefined> {
  const row = trx.selectFrom("users").select(["id", "last_seen_at"]).where("id", "=", id);
  const person = await (!isPostgresDb(trx) ? row : mode === "delete" ? row.forUpdate() : row.forNoKeyUpdate()).executeTakeFirst();
  if (!person) return undefined;
  // Read after the lock is granted, in a statement of its own: it sees what the transaction that held the lock
  // committed (a request it recorded), which a join in the locking statement would not have read again.
  const request = await trx.selectFrom("forget_requests").select("requested_at").where("user_id", "=", id).executeTakeFirst();
  return { ...person, forget_requested_at: request?.requested_at ?? null };
}

/**
 * `lockPerson(trx, id, "write")` where the caller needs nothing from the row: one statement on Postgres, none on
 * SQLite (the chat's paragraph edits run it; the transaction already keeps everything else out there).
 */
export async function holdPersonForWrite(trx: DB, id: number): Promise<void> {
  if (isPostgresDb(trx)) await trx.selectFrom("users").select("id").where("id", "=", id).forNoKeyUpdate().execute();
}
