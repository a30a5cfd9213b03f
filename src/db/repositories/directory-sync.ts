/** SQL of the directory sync: observations, runs, the lock and the review queue. */
import type { Insertable, Kysely, Selectable } from "kysely";
import type { Database } from "../schema.js";
import { forUpdateOnPostgres } from "../database.js";
import type { DirectoryObservationsTable, DirectoryReviewsTable, DirectorySyncRunsTable } from "../tables/directory-sync.js";

type Db = Kysely<Database>;
export type ObservationRow = Selectable<DirectoryObservationsTable>;
export type NewObservation = Omit<Insertable<DirectoryObservationsTable>, "id">;
export type SyncRunRow = Selectable<DirectorySyncRunsTable>;
export type ReviewRow = Selectable<DirectoryReviewsTable>;

export async function getObservation(db: Db, source: string, sourceRecordId: string): Promise<ObservationRow | undefined> {
  return db
    .selectFrom("directory_observations")
    .selectAll()
    .where("source", "=", source)
    .where("source_record_id", "=", sourceRecordId)
    .executeTakeFirst();
}

/** Inserts or replaces the one row of a source record; returns its id. */
export async function saveObservation(db: Db, row: NewObservation): Promise<number> {
  const existing = await getObservation(db, row.source, row.source_record_id);
  if (existing) {
    await db.updateTable("directory_observations").set(row).where("id", "=", existing.id).execute();
    return existing.id;
  }
  const inserted = await db.insertInto("directory_observations").values(row).returning("id").executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function listObservationsOf(db: Db, prisonerSlug: string): Promise<ObservationRow[]> {
  return db.selectFrom("directory_observations").selectAll().where("prisoner_slug", "=", prisonerSlug).orderBy("id").execute();
}

export async function linkObservation(db: Db, id: number, prisonerSlug: string | null, outcome: string): Promise<void> {
  await db.updateTable("directory_observations").set({ prisoner_slug: prisonerSlug, outcome }).where("id", "=", id).execute();
}

export async function getObservationById(db: Db, id: number): Promise<ObservationRow | undefined> {
  return db.selectFrom("directory_observations").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Everyone's name and birth years, to find namesakes without a query per record. A writer's own unchecked card is left
 * out: a registry record never merges into details nobody has checked (the organiser's review decides).
 */
export async function listPeopleForMatching(db: Db) {
  return db
    .selectFrom("prisoners")
    .select(["slug", "surname_ru", "given_name_ru", "patronymic_ru", "birth_year", "birth_year_alternatives", "alt_spellings"])
    .where("private_to", "is", null)
    .execute();
}

/**
 * The person's own letter address from a source record linked to them that places them in `institutionSlug` (the
 * card's current facility) and gives an address: the newest by the source's date. Undefined when none does.
 */
export async function findPersonalAddress(db: Db, prisonerSlug: string, institutionSlug: string): Promise<{ text: string; sourceUrl: string; asOf: string } | undefined> {
  const rows = await db
    .selectFrom("directory_observations")
    .select(["facts", "source_url", "status_as_of"])
    .where("prisoner_slug", "=", prisonerSlug)
    .where("institution_slug", "=", institutionSlug)
    .where("address_state", "=", "known")
    .orderBy("status_as_of", "desc")
    .orderBy("id", "desc")
    .execute();
  for (const row of rows) {
    const { postalAddress } = JSON.parse(row.facts) as { postalAddress?: unknown };
    if (typeof postalAddress === "string" && postalAddress.trim() !== "") return { text: postalAddress, sourceUrl: row.source_url, asOf: row.status_as_of };
  }
  return undefined;
}

// Runs

/**
 * The newest real (not dry) run of a source in a state: `running` is one to resume, `finished` gives the high-water
 * mark. A run importing an admin's uploaded file is left out: only that file's message resumes it (directory-uploads.ts).
 */
export async function latestRun(db: Db, source: string, state: "running" | "finished"): Promise<SyncRunRow | undefined> {
  return db
    .selectFrom("directory_sync_runs")
    .selectAll()
    .where("source", "=", source)
    .where("state", "=", state)
    .where("dry_run", "=", 0)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom("directory_upload_runs").select("run_id").whereRef("directory_upload_runs.run_id", "=", "directory_sync_runs.id"))))
    .orderBy("id", "desc")
    .executeTakeFirst();
}

export async function createRun(db: Db, source: string, dryRun: boolean, counts: string, startedAt: string): Promise<number> {
  const row = await db
    .insertInto("directory_sync_runs")
    .values({ source, state: "running", dry_run: dryRun ? 1 : 0, cursor: null, high_water: null, counts, errors: "[]", started_at: startedAt, finished_at: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function saveRunProgress(
  db: Db,
  id: number,
  progress: { cursor: string | null; highWater: string | null; counts: string; errors: string },
): Promise<void> {
  await db
    .updateTable("directory_sync_runs")
    .set({ cursor: progress.cursor, high_water: progress.highWater, counts: progress.counts, errors: progress.errors })
    .where("id", "=", id)
    .execute();
}

export async function finishRun(db: Db, id: number, state: "finished" | "failed", finishedAt: string): Promise<void> {
  await db.updateTable("directory_sync_runs").set({ state, finished_at: finishedAt }).where("id", "=", id).execute();
}

// Lock

export async function readLock(db: Db, name: string) {
  return db.selectFrom("directory_sync_lock").selectAll().where("name", "=", name).executeTakeFirst();
}

/** Takes the lock when it is free or `stale` says its holder is gone; false when someone else holds it. */
export async function takeLock(db: Db, name: string, owner: string, at: string, stale: (holder: { owner: string; heartbeat_at: string }) => boolean): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const holder = await readLock(trx, name);
    if (holder && holder.owner !== owner && !stale(holder)) return false;
    if (holder) await trx.deleteFrom("directory_sync_lock").where("name", "=", name).where("owner", "=", holder.owner).execute();
    try {
      await trx.insertInto("directory_sync_lock").values({ name, owner, heartbeat_at: at }).execute();
      return true;
    } catch {
      return false;
    }
  });
}

export async function touchLock(db: Db, name: string, owner: string, at: string): Promise<void> {
  await db.updateTable("directory_sync_lock").set({ heartbeat_at: at }).where("name", "=", name).where("owner", "=", owner).execute();
}

export async function releaseLock(db: Db, name: string, owner: string): Promise<void> {
  await db.deleteFrom("directory_sync_lock").where("name", "=", name).where("owner", "=", owner).execute();
}

// Review queue

export async function addReview(
  db: Db,
  review: {
    kind: string;
    prisonerSlug: string | null;
    observationId: number | null;
    payload: unknown;
    submittedBy?: number | null;
    /**
     * The submitter's message whose press sent it (a writer's suggestion), unique with `submittedBy`; none (null)
     * for a review nobody pressed for, or a press that had no message.
     */
    requestMessageId?: number;
    at: string;
  },
): Promise<number> {
  const row = await db
    .insertInto("directory_reviews")
    .values({
      kind: review.kind,
      prisoner_slug: review.prisonerSlug,
      observation_id: review.observationId,
      payload: JSON.stringify(review.payload),
      state: "open",
      submitted_by: review.submittedBy ?? null,
      resolved_by: null,
      resolution: null,
      created_at: review.at,
      resolved_at: null,
      request_message_id: review.requestMessageId ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** The review a submitter's message already sent, if any (its press delivered again). */
export async function reviewOfRequest(db: Db, submittedBy: number, requestMessageId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom("directory_reviews")
    .select("id")
    .where("submitted_by", "=", submittedBy)
    .where("request_message_id", "=", requestMessageId)
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.id);
}

/** How many suggestions of someone not listed a user has waiting for review. */
export async function countOpenSuggestionsBy(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom("directory_reviews")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("kind", "=", "suggestion")
    .where("state", "=", "open")
    .where("submitted_by", "=", userId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** An open review of the same kind for the same observation (a re-sync must not queue it twice). */
export async function findOpenReview(db: Db, kind: string, observationId: number): Promise<ReviewRow | undefined> {
  return db
    .selectFrom("directory_reviews")
    .selectAll()
    .where("kind", "=", kind)
    .where("observation_id", "=", observationId)
    .where("state", "=", "open")
    .executeTakeFirst();
}

export async function updateReviewPayload(db: Db, id: number, payload: unknown): Promise<void> {
  await db.updateTable("directory_reviews").set({ payload: JSON.stringify(payload) }).where("id", "=", id).execute();
}

export async function listOpenReviews(db: Db, limit: number): Promise<ReviewRow[]> {
  return db.selectFrom("directory_reviews").selectAll().where("state", "=", "open").orderBy("id").limit(limit).execute();
}

export async function countOpenReviews(db: Db): Promise<number> {
  const row = await db.selectFrom("directory_reviews").select((eb) => eb.fn.countAll<number>().as("n")).where("state", "=", "open").executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function listOpenReviewsOf(db: Db, prisonerSlug: string): Promise<ReviewRow[]> {
  return db.selectFrom("directory_reviews").selectAll().where("prisoner_slug", "=", prisonerSlug).where("state", "=", "open").orderBy("id").execute();
}

export async function getReview(db: Db, id: number): Promise<ReviewRow | undefined> {
  return db.selectFrom("directory_reviews").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * The review, locked for the caller's transaction on Postgres (`FOR UPDATE`): a second person settling it at the same
 * moment waits here until the first commits, then reads it closed, before changing anything the first did not decide.
 * On SQLite the transaction's one connection already keeps every other statement out.
 */
export async function lockReview(trx: Db, id: number): Promise<ReviewRow | undefined> {
  return forUpdateOnPostgres(trx, trx.selectFrom("directory_reviews").selectAll().where("id", "=", id)).executeTakeFirst();
}

/** Closes an open review; false when someone else closed it first. */
export async function closeReview(db: Db, id: number, state: "accepted" | "dismissed", by: number, resolution: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable("directory_reviews")
    .set({ state, resolved_by: by, resolution, resolved_at: at })
    .where("id", "=", id)
    .where("state", "=", "open")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Runs `work` in a transaction, or inside the caller's when `db` already is one (a dry run wraps a whole sync). */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** What became of an observation (added, updated, conflict, skipped:…) and the card it belongs to. */
export async function setObservationOutcome(db: Db, observationId: number, outcome: string, prisonerSlug: string | null): Promise<void> {
  await db.updateTable("directory_observations").set({ outcome, prisoner_slug: prisonerSlug }).where("id", "=", observationId).execute();
}

/** Forgets an observation's hash so the next sync applies that record again (after a review changed the card). */
export async function forgetObservationHash(db: Db, observationId: number): Promise<void> {
  await db.updateTable("directory_observations").set({ raw_sha256: "" }).where("id", "=", observationId).execute();
}
