import { oneOf } from "../../domain/directory/guards.js";
import { comparePartialDates } from "../../domain/directory/partial-date.js";
import type { PartialDate, PrisonerStatus, StatusConfidence } from "../../domain/directory/types.js";
import { type DB, forUpdateOnPostgres, inTransaction } from "../database.js";
import { PrisonerNotFoundError } from "./prisoners.js";
import { systemClock } from "../../clock.js";

/**
 * A prisoner's status and location change only through here: each change is written with its `prisoner_history` row
 * (source, date, who) in the same transaction.
 */

export interface StatusChange {
  status: PrisonerStatus;
  asOf: PartialDate;
  sourceUrl: string;
  /** Telegram id of the organiser; null for imports and the seed. */
  changedBy: number | null;
  confidence?: StatusConfidence;
  note?: string | null;
  /**
   * Leave the record alone when it already holds a status confirmed on the same day or later. Imports and the seed
   * set this so that shipping an old list never undoes an organiser's newer update.
   */
  onlyIfNewer?: boolean;
  now?: Date;
}

export interface LocationChange {
  /** Institution slug, or null when the person is no longer held anywhere we know of. */
  institution: string | null;
  asOf: PartialDate;
  sourceUrl: string;
  changedBy: number | null;
  believedCurrent?: boolean;
  onlyIfNewer?: boolean;
  now?: Date;
}

/**
 * The row read `FOR UPDATE` on Postgres for a change someone makes (an organiser, news): the value it is decided on
 * (changed or confirmed, the history's old value) is then the one it replaces, also when two organisers save at the
 * same moment; the second waits for the first to commit and reads its value. Imports (`onlyIfNewer`) read without the
 * lock: a dry run holds its one transaction for the whole sync, and would hold every card it only read. On SQLite the
 * transaction's one connection already keeps every other statement out.
 */
function lockedOnPostgres<Q extends { forUpdate(): Q }>(trx: DB, query: Q, change: { onlyIfNewer?: boolean }): Q {
  return change.onlyIfNewer ? query : forUpdateOnPostgres(trx, query);
}

/** `changed`: a new value, written to history; `confirmed`: same value, newer date or source; `kept`: ours is newer. */
export type ChangeOutcome = "changed" | "confirmed" | "kept";

/**
 * Sets a prisoner's status and records the change in `prisoner_history` in the same transaction. Called by the
 * organiser tools and the case-news feature as well as by imports.
 */
export async function updatePrisonerStatus(db: DB, slug: string, change: StatusChange): Promise<ChangeOutcome> {
  return inTransaction(db, async (trx) => {
    const current = await lockedOnPostgres(trx, trx.selectFrom("prisoners").select(["status", "status_as_of"]).where("slug", "=", slug), change).executeTakeFirst();
    if (!current) throw new PrisonerNotFoundError(slug);
    const newer = comparePartialDates(change.asOf, current.status_as_of);
    if (change.onlyIfNewer && (newer < 0 || (newer === 0 && current.status !== change.status))) return "kept";
    const at = (change.now ?? systemClock.now()).toISOString();
    await trx
      .updateTable("prisoners")
      .set({
        status: change.status,
        status_as_of: change.asOf,
        status_source_url: change.sourceUrl,
        ...(change.confidence !== undefined ? { status_confidence: change.confidence } : {}),
        ...(change.note !== undefined ? { status_note: change.note } : {}),
        updated_at: at,
      })
      .where("slug", "=", slug)
      .execute();
    if (current.status === change.status) return "confirmed";
    await trx
      .insertInto("prisoner_history")
      .values({
        prisoner_slug: slug,
        field: "status",
        old_value: current.status,
        new_value: change.status,
        as_of: change.asOf,
        source_url: change.sourceUrl,
        changed_by: change.changedBy,
        changed_at: at,
      })
      .execute();
    return "changed";
  });
}

/** Records a transfer (or that the location is no longer known) with its history row, in one transaction. */
export async function movePrisoner(db: DB, slug: string, move: LocationChange): Promise<ChangeOutcome> {
  return inTransaction(db, async (trx) => {
    const current = await lockedOnPostgres(trx, trx.selectFrom("prisoners").select(["institution_slug", "institution_as_of"]).where("slug", "=", slug), move).executeTakeFirst();
    if (!current) throw new PrisonerNotFoundError(slug);
    if (move.onlyIfNewer && current.institution_as_of !== null) {
      const newer = comparePartialDates(move.asOf, current.institution_as_of);
      if (newer < 0 || (newer === 0 && current.institution_slug !== move.institution)) return "kept";
    }
    const at = (move.now ?? systemClock.now()).toISOString();
    await trx
      .updateTable("prisoners")
      .set({
        institution_slug: move.institution,
        institution_as_of: move.asOf,
        institution_source_url: move.sourceUrl,
        // A transfer reported now is current unless the caller says otherwise; "no institution" is never current.
        institution_believed_current: move.institution !== null && (move.believedCurrent ?? true) ? 1 : 0,
        updated_at: at,
      })
      .where("slug", "=", slug)
      .execute();
    if (current.institution_slug === move.institution) return "confirmed";
    await trx
      .insertInto("prisoner_history")
      .values({
        prisoner_slug: slug,
        field: "institution",
        old_value: current.institution_slug,
        new_value: move.institution,
        as_of: move.asOf,
        source_url: move.sourceUrl,
        changed_by: move.changedBy,
        changed_at: at,
      })
      .execute();
    return "changed";
  });
}

/**
 * A fact confirmed without changing its value (an organiser adding a person a writer had described): the history says
 * who vouched for it from when, since the update itself writes no row for an unchanged value.
 */
export async function recordConfirmation(
  db: DB,
  slug: string,
  entry: { field: "status" | "institution"; value: string | null; asOf: PartialDate; sourceUrl: string; changedBy: number; now: Date },
): Promise<void> {
  await db
    .insertInto("prisoner_history")
    .values({
      prisoner_slug: slug,
      field: entry.field,
      old_value: entry.value,
      new_value: entry.value,
      as_of: entry.asOf,
      source_url: entry.sourceUrl,
      changed_by: entry.changedBy,
      changed_at: entry.now.toISOString(),
    })
    .execute();
}

export interface HistoryEntry {
  field: "status" | "institution";
  oldValue: string | null;
  newValue: string | null;
  asOf: PartialDate | null;
  sourceUrl: string;
  changedBy: number | null;
  changedAt: string;
}

/** Oldest first: the order in which the person's situation changed as far as the directory learned it. */
export async function getPrisonerHistory(db: DB, slug: string): Promise<HistoryEntry[]> {
  const rows = await db.selectFrom("prisoner_history").selectAll().where("prisoner_slug", "=", slug).orderBy("id").execute();
  return rows.map((row) => ({
    field: oneOf(["status", "institution"] as const, row.field, "history field"),
    oldValue: row.old_value,
    newValue: row.new_value,
    asOf: row.as_of,
    sourceUrl: row.source_url,
    changedBy: row.changed_by,
    changedAt: row.changed_at,
  }));
}
