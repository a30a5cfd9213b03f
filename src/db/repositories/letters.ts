import { countCharacters, MAX_LETTER_CHARACTERS } from "../../domain/letters/draft.js";
import { type FindingsSummary, serialiseFindingsSummary } from "../../domain/letters/findings-summary.js";
import { formatLetterReference } from "../../domain/letters/reference.js";
import { DRAFT_RETENTION_DAYS, LETTER_TEXT_RETENTION_DAYS, retentionCutoff } from "../../domain/letters/retention.js";
import {
  AWAITING_ORGANISERS,
  COUNTED_AS_WRITTEN,
  canTransition,
  type DeliveryRoute,
  type LetterStatus,
  statusAfterFinishing,
} from "../../domain/letters/status.js";
import { countsOf, PARAGRAPH_SEPARATOR, type TextCounts } from "../../domain/letters/text-counts.js";
import { SAVED_MESSAGES_BEFORE_ENTRY, savedMessageEntry } from "../../domain/letters/saved-messages.js";
import type { Letter, WriterProfile } from "../tables/letters.js";
import { type DB, inTransaction } from "../database.js";
import { prepared } from "../prepared.js";
import { type RawBuilder, sql } from "kysely";

/** A database handle or a transaction: every function here works inside a caller's transaction too. */

/** The writer's draft to this prisoner (one per writer and prisoner), found by its unique index. */
export async function findDraftTo(db: DB, writerId: number, prisonerSlug: string): Promise<Letter | undefined> {
  return draftTo.first(db, writerId, prisonerSlug);
}

/** Remembers the starter's closing a draft was just made with (null: none), for when the writer takes it up again. */
export async function setStarterClosing(db: DB, input: { letterId: number; writerId: number; closing: string | null }): Promise<void> {
  await db
    .updateTable("letters")
    .set({ starter_closing: input.closing })
    .where("id", "=", input.letterId)
    .where("writer_id", "=", input.writerId)
    .where("status", "=", DRAFT)
    .execute();
}

/**
 * `status = 'draft'` written as a literal, never bound: a parameter compared with the column of a partial index's
 * predicate (`letters_one_draft_per_writer_and_prisoner`) makes SQLite plan the statement for the bound value and
 * prepare it again at every run (issue 14: 12 µs of a draft's 15 µs read; 160 of the letter flow lookup's 190).
 */
const DRAFT = sql.lit<"draft">("draft");

const savedMessages = sql.ref("saved_messages");

/**
 * The one place the draft's list of saved messages grows (domain/letters/saved-messages.ts says what it keeps): `list`
 * with the message's `entry` (`123,`) added after its last SAVED_MESSAGES_BEFORE_ENTRY characters, in SQL, so that
 * every statement that saves a message's text (the writing stage's appends, the first text, the full write) adds it
 * the same way and no caller reads the list to build it. The same on both databases: their `length` and `substr`
 * count characters, and the list is ASCII. The entry is named once, so a message sends its id twice in all (here and
 * in the check); a null entry makes the whole null (`|| null`).
 */
function savedMessagesWith(list: RawBuilder<string | null>, entry: string | null): RawBuilder<string | null> {
  const before = sql<string>`coalesce(${list}, ',')`;
  const room = SAVED_MESSAGES_BEFORE_ENTRY;
  return sql<string | null>`(case when length(${before}) > ${sql.lit(room)} then substr(${before}, length(${before}) - ${sql.lit(room - 1)}) else ${before} end || ${entry})`;
}

/** Every step of the letter flow reads the draft, and every message writes it: both compiled once (db/prepared.ts). */
const draftTo = prepared((db: DB, writerId: number, prisonerSlug: string) =>
  db.selectFrom("letters").selectAll().where("writer_id", "=", writerId).where("prisoner_slug", "=", prisonerSlug).where("status", "=", DRAFT),
);
/**
 * `entry`: the writer's message that made this text, as the list of saved messages takes it (`savedMessageEntry`);
 * null keeps the list (the Mini App): the grown list is then null and `coalesce` keeps the column, with the entry
 * bound once.
 */
const writeDraftText = prepared(
  (db: DB, text: string, updatedAt: string, letterId: number, writerId: number, characters: number, words: number, lines: number, entry: string | null) =>
    db
      .updateTable("letters")
      .set({
        text,
        updated_at: updatedAt,
        text_characters: characters,
        text_words: words,
        text_lines: lines,
        saved_messages: sql<string | null>`coalesce(${savedMessagesWith(sql<string | null>`${savedMessages}`, entry)}, ${savedMessages})`,
      })
      .where("id", "=", letterId)
      .where("writer_id", "=", writerId)
      .where("status", "=", DRAFT),
);

/** Running figures not counted (yet): the next full write counts them (see the migration). */
const UNCOUNTED = { text_characters: null, text_words: null, text_lines: null } as const;

/**
 * A letter's text gone (discarded, purged, closed by news of a release): its running figures and the messages it was
 * saved from go with it.
 */
export const NO_TEXT_LEFT = { text: null, ...UNCOUNTED, saved_messages: null } as const;

/** The draft's running figures, or undefined while they are not counted (NULL: see the migration). */
export function draftCounts(letter: Pick<Letter, "text_characters" | "text_words" | "text_lines">): TextCounts | undefined {
  const { text_characters: characters, text_words: words, text_lines: lines } = letter;
  return characters === null || words === null || lines === null ? undefined : { characters, words, lines };
}

/** A paragraph added to a draft without reading its text: which letter, its figures now, and where it went. */
export interface AppendedParagraph {
  letterId: number;
  counts: TextCounts;
  /** It went in before the starter's closing, which the draft ended with. */
  beforeEnding: boolean;
}

const textColumn = sql.ref("text");
const textLength = sql<number>`length(${textColumn})`;
/** The draft's text ends with `suffix` (`size` its length in code points: SQL's length and substr count characters). */
const endsWith = (suffix: string, size: number) => sql<boolean>`(${textLength} >= ${size} and substr(${textColumn}, ${textLength} - ${size} + 1) = ${suffix})`;

/** `entry`: the message being saved, as the draft's list of saved messages takes it (`savedMessageEntry`, `123,`). */
type Figures = [updatedAt: string, characters: number, words: number, lines: number, entry: string];

/**
 * The one statement of a message in the writing stage (issue 14): the paragraph joins the draft (`joined`: the new
 * text's SQL) and the figures grow by its own, in the database, as long as the draft is counted, not empty, stays
 * within the limit and satisfies `keep`.
 */
function appendUpdate(db: DB, writerId: number, slug: string, figures: Figures, joined: RawBuilder<string>, keep: RawBuilder<boolean>) {
  const [updatedAt, characters, words, lines, entry] = figures;
  return db
    .updateTable("letters")
    .set({
      text: joined,
      text_characters: sql<number>`${sql.ref("text_characters")} + ${characters}`,
      text_words: sql<number>`${sql.ref("text_words")} + ${words}`,
      text_lines: sql<number>`${sql.ref("text_lines")} + ${lines}`,
      updated_at: updatedAt,
      saved_messages: savedMessagesWith(sql<string | null>`${savedMessages}`, entry),
    })
    .where("writer_id", "=", writerId)
    .where("prisoner_slug", "=", slug)
    .where("status", "=", DRAFT)
    .where("text_characters", ">", 0)
    .where("text_words", "is not", null)
    .where("text_lines", "is not", null)
    .where(sql<boolean>`${sql.ref("text_characters")} + ${characters} <= ${sql.lit(MAX_LETTER_CHARACTERS)}`)
    .where(keep)
    // Not saved before: the same message delivered again matches no row, and the caller's full path, reading the
    // draft, answers it as saved (issue 14, item 5).
    .where(sql<boolean>`coalesce(${savedMessages}, '') not like ('%,' || cast(${entry} as text) || '%')`)
    .returning(["id", "text_characters", "text_words", "text_lines"]);
}

/** At the end: `text || "\n\n" || paragraph` (`tail`). */
const appendAtEnd = prepared(
  (db: DB, writerId: number, slug: string, at: string, characters: number, words: number, lines: number, entry: string, tail: string) =>
    appendUpdate(db, writerId, slug, [at, characters, words, lines, entry], sql<string>`${textColumn} || ${tail}`, sql<boolean>`1 = 1`),
);
/** At the end, when the draft does not end with the starter's closing (the writer changed or removed it). */
const appendAfterOwnEnding = prepared(
  (db: DB, writerId: number, slug: string, at: string, characters: number, words: number, lines: number, entry: string, tail: string, ending: string, size: number) =>
    appendUpdate(db, writerId, slug, [at, characters, words, lines, entry], sql<string>`${textColumn} || ${tail}`, sql<boolean>`not ${endsWith(ending, size)}`),
);
/**
 * Before the starter's closing, when the draft is the closing alone or ends with a blank line and the closing:
 * `substr(text, 1, length - |closing|) || paragraph || "\n\n" || closing` (`head`), the same figures added as at the end.
 */
const insertBeforeEnding = prepared(
  (
    db: DB,
    writerId: number,
    slug: string,
    at: string,
    characters: number,
    words: number,
    lines: number,
    entry: string,
    head: string,
    ending: string,
    size: number,
    separated: string,
    separatedSize: number,
  ) =>
    appendUpdate(
      db,
      writerId,
      slug,
      [at, characters, words, lines, entry],
      sql<string>`substr(${textColumn}, 1, ${textLength} - ${size}) || ${head}`,
      sql<boolean>`(${textColumn} = ${ending} or ${endsWith(separated, separatedSize)})`,
    ),
);

/**
 * Adds a normalised, non-blank paragraph to the writer's draft to this person in one UPDATE that neither reads nor
 * rewrites the text in JavaScript (`figures`: the paragraph's own). With `ending` (the starter's closing, normalised),
 * the paragraph goes before it while the draft ends with it, as `editDraft` does. Undefined when this cannot be done
 * so: no draft, an empty or uncounted one, the limit passed, a closing not set apart by a blank line, or the
 * `message` saved before (its id is in the draft's `saved_messages`, which the statement adds it to); the caller then
 * takes the full path (read, edit, count, write), which also answers the refusals and a message delivered again.
 */
export async function appendDraftParagraph(
  db: DB,
  input: { writerId: number; slug: string; paragraph: string; figures: TextCounts; ending?: string; message: number; now: Date },
): Promise<AppendedParagraph | undefined> {
  const { writerId, slug, paragraph, figures, ending } = input;
  const at = input.now.toISOString();
  const delta = [at, figures.characters + PARAGRAPH_SEPARATOR.length, figures.words, figures.lines + 1, savedMessageEntry(input.message)] as const;
  const row = async (result: Promise<{ rows: { id: number; text_characters: number | null; text_words: number | null; text_lines: number | null }[] }>, beforeEnding: boolean) => {
    const updated = (await result).rows[0];
    const counts = updated && draftCounts(updated);
    return updated && counts ? { letterId: updated.id, counts, beforeEnding } : undefined;
  };
  if (!ending) return row(appendAtEnd.execute(db, writerId, slug, ...delta, `${PARAGRAPH_SEPARATOR}${paragraph}`), false);
  const size = countCharacters(ending);
  const separated = `${PARAGRAPH_SEPARATOR}${ending}`;
  const before = await row(
    insertBeforeEnding.execute(db, writerId, slug, ...delta, `${paragraph}${separated}`, ending, size, separated, size + PARAGRAPH_SEPARATOR.length),
    true,
  );
  return before ?? row(appendAfterOwnEnding.execute(db, writerId, slug, ...delta, `${PARAGRAPH_SEPARATOR}${paragraph}`, ending, size), false);
}

/**
 * The first text of a draft in one statement (issue 14: the first message on the opening screen was an append tried in
 * vain, then a transaction of four): the draft is created with the text and its figures, or a draft without text (none
 * yet, or emptied) takes them. Returns the draft's id; undefined when the writer's draft already has text (then
 * nothing changed: the caller appends). `text` is normalised and within the limit (`editDraft`), `figures` its counts.
 */
export async function startDraftText(
  db: DB,
  input: { writerId: number; slug: string; text: string; figures: TextCounts; message: number; now: Date },
): Promise<number | undefined> {
  const { writerId, slug, text, figures, now } = input;
  const at = now.toISOString();
  const entry = savedMessageEntry(input.message);
  return (await firstDraftText.first(db, writerId, slug, text, figures.characters, figures.words, figures.lines, at, `,${entry}`, entry))?.id;
}

const firstDraftText = prepared(
  (db: DB, writerId: number, slug: string, text: string, characters: number, words: number, lines: number, at: string, saved: string, entry: string) =>
    db
      .insertInto("letters")
      .values({
        writer_id: writerId,
        prisoner_slug: slug,
        text,
        text_characters: characters,
        text_words: words,
        text_lines: lines,
        created_at: at,
        updated_at: at,
        saved_messages: saved,
      })
      // The partial unique index `letters_one_draft_per_writer_and_prisoner` (where status = 'draft'): its predicate is
      // written as a literal, which both SQLite and Postgres need to match the index.
      .onConflict((oc) =>
        oc
          .columns(["writer_id", "prisoner_slug"])
          .where("status", "=", DRAFT)
          .doUpdateSet((eb) => ({
            text: eb.ref("excluded.text"),
            text_characters: eb.ref("excluded.text_characters"),
            text_words: eb.ref("excluded.text_words"),
            text_lines: eb.ref("excluded.text_lines"),
            updated_at: eb.ref("excluded.updated_at"),
            saved_messages: savedMessagesWith(sql<string | null>`${sql.ref("letters.saved_messages")}`, entry),
          }))
          .where((eb) => eb.or([eb("letters.text", "is", null), eb("letters.text", "=", "")])),
      )
      .returning("id"),
);

/** The writer's draft for this prisoner, created empty when there is none (one per writer and prisoner). */
export async function getOrCreateDraft(db: DB, writerId: number, prisonerSlug: string, now: Date): Promise<Letter> {
  return inTransaction(db, async (trx) => {
    const existing = await findDraftTo(trx, writerId, prisonerSlug);
    if (existing) return existing;
    const at = now.toISOString();
    return trx
      .insertInto("letters")
      .values({ writer_id: writerId, prisoner_slug: prisonerSlug, text: null, created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/** A letter only if it belongs to this writer: callback data naming a letter id is untrusted. */
export async function getLetterOfWriter(db: DB, letterId: number, writerId: number): Promise<Letter | undefined> {
  return db
    .selectFrom("letters")
    .selectAll()
    .where("id", "=", letterId)
    .where("writer_id", "=", writerId)
    .executeTakeFirst();
}

/**
 * Stores the draft text (already normalised and checked with `applyDraftEdit`). False when the letter is not this
 * writer's draft any more, e.g. it was finished from another message, or (with `expected`: the text the caller
 * started from, null for none) when the text changed meanwhile: the letter editor's version check, in one UPDATE, so
 * two devices saving at once cannot both win. `message`: the writer's message that made this text (not with
 * `expected`), which the draft's list of saved messages takes in the same statement.
 */
export async function saveDraftText(
  db: DB,
  input: { letterId: number; writerId: number; text: string; now: Date; expected?: string | null; message?: number },
): Promise<boolean> {
  if (countCharacters(input.text) > MAX_LETTER_CHARACTERS) {
    throw new RangeError(`letter text longer than ${MAX_LETTER_CHARACTERS} characters`);
  }
  // Every full write counts the text once, so the writing stage's appends can add to figures that are right.
  const counts = countsOf(input.text);
  if (input.expected === undefined) {
    const { numAffectedRows = 0n } = await writeDraftText.execute(
      db,
      input.text,
      input.now.toISOString(),
      input.letterId,
      input.writerId,
      counts.characters,
      counts.words,
      counts.lines,
      input.message === undefined ? null : savedMessageEntry(input.message),
    );
    return numAffectedRows > 0n;
  }
  const result = await db
    .updateTable("letters")
    .set({ text: input.text, updated_at: input.now.toISOString(), text_characters: counts.characters, text_words: counts.words, text_lines: counts.lines })
    .where("id", "=", input.letterId)
    .where("writer_id", "=", input.writerId)
    .where("status", "=", DRAFT)
    .where((eb) => (input.expected == null ? eb("text", "is", null) : eb("text", "=", input.expected)))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The writer's drafts, most recently edited first ("continue your letter to …"). */
export async function findActiveDrafts(db: DB, writerId: number): Promise<Letter[]> {
  return db
    .selectFrom("letters")
    .selectAll()
    .where("writer_id", "=", writerId)
    .where("status", "=", DRAFT)
    .orderBy("updated_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

/** Which letter to finish: by its id, or the writer's draft to a person (read once, in the finishing transaction). */
export type FinishLetterInput = ({ letterId: number } | { draftTo: string }) & FinishLetterFields;

interface FinishLetterFields {
  writerId: number;
  route: DeliveryRoute;
  signature: { name: string; city?: string | null };
  shareIdentity: boolean;
  findingsSummary?: FindingsSummary;
  now: Date;
  /**
   * The press that finishes the letter (Telegram's callback query id), kept with it (`finished_press`): the same press
   * delivered again finds the letter it finished and is answered as finished (`again`), not refused.
   */
  press?: string;
  /**
   * Runs inside the same transaction once the letter is finished, e.g. the outbox's `enqueue(trx, item)` for a relay
   * to organisers. If it throws, the letter stays a draft: no finished letter without its message, and vice versa.
   */
  enqueue?: (trx: DB, letter: Letter) => Promise<void>;
}

export type FinishLetterResult =
  | { ok: true; letter: Letter; again?: true }
  | { ok: false; reason: "not-found" | "not-a-draft" | "empty" | "no-signature" };

/**
 * A draft known by its id finished in one statement (`finishLetter` without `enqueue`): route, signature and
 * reference set only where the letter is still this writer's draft and has text. Every write of a draft's text
 * normalises it (trimmed), so a stored draft is empty exactly when its text is '' or null. The reference is computed
 * from the id beforehand and kept if the letter has one (a returned letter finished again).
 */
const finishDraftById = prepared(
  (
    db: DB,
    status: LetterStatus,
    route: DeliveryRoute,
    reference: string,
    signatureName: string,
    signatureCity: string | null,
    shareIdentity: 0 | 1,
    findingsSummary: string | null,
    at: string,
    press: string | null,
    letterId: number,
    writerId: number,
  ) =>
    db
      .updateTable("letters")
      .set({
        status,
        route,
        reference: sql<string>`coalesce(${sql.ref("reference")}, ${reference})`,
        signature_name: signatureName,
        signature_city: signatureCity,
        share_identity: shareIdentity,
        findings_summary: findingsSummary,
        finished_at: at,
        updated_at: at,
        return_reason: null,
        finished_press: press,
      })
      .where("id", "=", letterId)
      .where("writer_id", "=", writerId)
      .where("status", "=", DRAFT)
      .where("text", "<>", "")
      .returningAll(),
);

/**
 * Turns a draft into a finished letter: route, signature and reference at once. A letter known by its id and nothing
 * to enqueue is one UPDATE (issue 14: the route step's transaction was four statements); else, and to tell why a
 * letter was not finished, the draft is read and updated in one transaction.
 */
export async function finishLetter(db: DB, input: FinishLetterInput): Promise<FinishLetterResult> {
  const signatureName = input.signature.name.trim();
  if (signatureName === "") return { ok: false, reason: "no-signature" };
  if ("letterId" in input && !input.enqueue) {
    const at = input.now.toISOString();
    const letter = await finishDraftById.first(
      db,
      statusAfterFinishing(input.route),
      input.route,
      formatLetterReference(input.letterId, input.now),
      signatureName,
      input.signature.city?.trim() || null,
      input.shareIdentity ? 1 : 0,
      input.findingsSummary ? serialiseFindingsSummary(input.findingsSummary) : null,
      at,
      input.press ?? null,
      input.letterId,
      input.writerId,
    );
    if (letter) return { ok: true, letter };
  }
  return inTransaction(db, async (trx) => {
    const draft = "draftTo" in input ? await findDraftTo(trx, input.writerId, input.draftTo) : await getLetterOfWriter(trx, input.letterId, input.writerId);
    if (!draft || draft.status !== "draft") {
      // The press that finished it, delivered again: the letter as that press left it (nothing is written again).
      const finished = input.press === undefined ? undefined : await getLetterFinishedByPress(trx, input.writerId, input.press);
      if (finished) return { ok: true, letter: finished, again: true };
    }
    if (!draft) return { ok: false, reason: "not-found" };
    if (draft.status !== "draft") return { ok: false, reason: "not-a-draft" };
    if (!draft.text?.trim()) return { ok: false, reason: "empty" };
    const at = input.now.toISOString();
    const letter = await trx
      .updateTable("letters")
      .set({
        status: statusAfterFinishing(input.route),
        route: input.route,
        // A returned letter finished again keeps the reference the writer and organisers already know.
        reference: draft.reference ?? formatLetterReference(draft.id, input.now),
        signature_name: signatureName,
        signature_city: input.signature.city?.trim() || null,
        share_identity: input.shareIdentity ? 1 : 0,
        findings_summary: input.findingsSummary ? serialiseFindingsSummary(input.findingsSummary) : null,
        finished_at: at,
        updated_at: at,
        return_reason: null,
        finished_press: input.press ?? null,
      })
      .where("id", "=", draft.id)
      .where("status", "=", DRAFT)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.enqueue) await input.enqueue(trx, letter);
    return { ok: true, letter };
  });
}

/**
 * The writer's letter that this press finished (`finished_press`, Telegram's callback query id), unless it is a draft
 * again (returned and reopened) or discarded since: that press's outcome is then no longer the letter's.
 */
export async function getLetterFinishedByPress(db: DB, writerId: number, press: string): Promise<Letter | undefined> {
  return db
    .selectFrom("letters")
    .selectAll()
    .where("finished_press", "=", press)
    .where("writer_id", "=", writerId)
    .where("status", "not in", ["draft", "discarded"])
    .executeTakeFirst();
}

/** Drops a draft and its text at once. False when it is not this writer's draft. */
export async function discardDraft(db: DB, letterId: number, writerId: number, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const result = await db
    .updateTable("letters")
    .set({ status: "discarded", ...NO_TEXT_LEFT, text_purged_at: at, updated_at: at })
    .where("id", "=", letterId)
    .where("writer_id", "=", writerId)
    .where("status", "=", DRAFT)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A letter in a list: everything but the text and the check summary, which a list never needs to load. */
export type LetterSummary = Omit<Letter, "text" | "findings_summary" | "text_characters" | "text_words" | "text_lines" | "starter_closing" | "saved_messages" | "finished_press">;

/** The writer's letters (discarded ones left out), newest first, a page at a time. */
export async function listLettersOfWriter(
  db: DB,
  writerId: number,
  page: { limit: number; offset: number },
): Promise<{ letters: LetterSummary[]; hasMore: boolean }> {
  const rows = await db
    .selectFrom("letters")
    .select([
      "id",
      "reference",
      "writer_id",
      "prisoner_slug",
      "status",
      "route",
      "signature_name",
      "signature_city",
      "share_identity",
      "created_at",
      "updated_at",
      "finished_at",
      "text_purged_at",
      "return_reason",
    ])
    .where("writer_id", "=", writerId)
    .where("status", "!=", "discarded")
    .orderBy("id", "desc")
    .limit(page.limit + 1)
    .offset(page.offset)
    .execute();
  return { letters: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
}

/** Statuses set by people after finishing; `finished` and `relayed` are only reached through `finishLetter`. */
export type ManualLetterStatus = Exclude<LetterStatus, "finished" | "relayed">;

export type SetLetterStatusResult =
  | { ok: true; letter: Letter }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "not-allowed" | "draft-exists"; from: LetterStatus };

/**
 * Moves a letter along its life (docs/letters.md), refusing moves the status machine does not allow. Pass `writerId`
 * when the writer acts (marking "sent", "reply received"), so that nobody moves someone else's letter.
 */
export async function setLetterStatus(
  db: DB,
  letterId: number,
  to: ManualLetterStatus,
  options: { now: Date; writerId?: number; returnReason?: string },
): Promise<SetLetterStatusResult> {
  return inTransaction(db, async (trx) => {
    let query = trx.selectFrom("letters").selectAll().where("id", "=", letterId);
    if (options.writerId !== undefined) query = query.where("writer_id", "=", options.writerId);
    const letter = await query.executeTakeFirst();
    if (!letter) return { ok: false, reason: "not-found" };
    if (!canTransition(letter.status, to)) return { ok: false, reason: "not-allowed", from: letter.status };
    if (to === "draft") {
      // The writer may have started a new draft to the same prisoner since; one draft per pair.
      const other = await trx
        .selectFrom("letters")
        .select("id")
        .where("writer_id", "=", letter.writer_id)
        .where("prisoner_slug", "=", letter.prisoner_slug)
        .where("status", "=", DRAFT)
        .executeTakeFirst();
      if (other) return { ok: false, reason: "draft-exists", from: letter.status };
    }
    const at = options.now.toISOString();
    const updated = await trx
      .updateTable("letters")
      .set({
        status: to,
        updated_at: at,
        ...(to === "returned" ? { return_reason: options.returnReason?.trim() || null } : {}),
        // Withdrawn before anyone printed it: nothing needs the text any more.
        ...(to === "discarded" ? { ...NO_TEXT_LEFT, text_purged_at: at } : {}),
        // Back to a draft (returned, then reopened): its text may have changed since (a translation); counted afresh.
        ...(to === "draft" ? UNCOUNTED : {}),
      })
      .where("id", "=", letter.id)
      .where("status", "=", letter.status)
      .returningAll()
      .executeTakeFirst();
    if (updated) return { ok: true, letter: updated };
    // Moved by someone else since it was read (on Postgres this UPDATE waited for their commit and changed no row):
    // refused as a press after theirs would be, with the status it has now.
    const current = await getLetterStatus(trx, letter.id);
    return current === undefined ? { ok: false, reason: "not-found" } : { ok: false, reason: "not-allowed", from: current };
  });
}

/**
 * Removes the text of letters finished at least `retentionDays` ago. Letters still waiting for organisers
 * (relayed, accepted) keep theirs until organisers print or return them; drafts have their own rule.
 * Returns how many texts were purged.
 */
export async function purgeExpiredLetterTexts(
  db: DB,
  now: Date,
  retentionDays: number = LETTER_TEXT_RETENTION_DAYS,
): Promise<number> {
  const at = now.toISOString();
  const result = await db
    .updateTable("letters")
    .set({ ...NO_TEXT_LEFT, text_purged_at: at })
    .where("text", "is not", null)
    .where("status", "not in", ["draft", ...AWAITING_ORGANISERS])
    .where("finished_at", "<=", retentionCutoff(now, retentionDays))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Discards drafts untouched for `days`, text included. Returns how many. */
export async function purgeAbandonedDrafts(db: DB, now: Date, days: number = DRAFT_RETENTION_DAYS): Promise<number> {
  const at = now.toISOString();
  const result = await db
    .updateTable("letters")
    .set({ status: "discarded", ...NO_TEXT_LEFT, text_purged_at: at, updated_at: at })
    .where("status", "=", DRAFT)
    .where("updated_at", "<=", retentionCutoff(now, days))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Letters finished since `since`, per prisoner slug; prisoners without letters are absent. */
export async function countLettersPerPrisoner(db: DB, since: Date): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("letters")
    .select(["prisoner_slug", (eb) => eb.fn.countAll<number | string>().as("letters")])
    .where("status", "in", COUNTED_AS_WRITTEN)
    .where("finished_at", ">=", since.toISOString())
    .groupBy("prisoner_slug")
    .execute();
  return new Map(rows.map((row) => [row.prisoner_slug, Number(row.letters)]));
}

export async function getWriterProfile(db: DB, userId: number): Promise<WriterProfile | undefined> {
  return writerProfileOf.first(db, userId);
}

/** Read at every signing screen (compiled once, db/prepared.ts). */
const writerProfileOf = prepared((db: DB, userId: number) => db.selectFrom("writer_profiles").selectAll().where("user_id", "=", userId));

/** The text of a writer's draft to a person, with their profile: what "Done: check the letter" reads (letter-target.ts). */
export interface DraftTextAndProfile {
  text: string | null;
  profile: Pick<WriterProfile, (typeof PROFILE_COLUMNS)[number]> | undefined;
}

/** What the signing screen and the letter constructor use of a writer's profile. */
export const PROFILE_COLUMNS = ["remembered", "signature_name", "signature_city", "grammatical_gender"] as const satisfies readonly (keyof WriterProfile)[];

/** A profile read beside other columns by a left join (the caller has checked that one was found). */
export function profileFromRow(row: { remembered: 0 | 1 | null } & Omit<NonNullable<DraftTextAndProfile["profile"]>, "remembered">): NonNullable<DraftTextAndProfile["profile"]> {
  const { remembered, signature_name, signature_city, grammatical_gender } = row;
  return { remembered: remembered ?? 0, signature_name, signature_city, grammatical_gender };
}

/**
 * Saves what the writer chose to have remembered. Without `remember`, the signature is not kept at all (the columns
 * are cleared); the grammatical gender is kept either way because it only shapes the letter constructor's Russian.
 */
export async function saveWriterProfile(
  db: DB,
  userId: number,
  profile: {
    signature: { name: string; city?: string | null } | null;
    remember: boolean;
    grammaticalGender?: "male" | "female" | null;
  },
  now: Date,
): Promise<WriterProfile> {
  const keep = profile.remember && profile.signature !== null;
  const values = {
    signature_name: keep ? profile.signature?.name.trim() || null : null,
    signature_city: keep ? profile.signature?.city?.trim() || null : null,
    remembered: keep ? (1 as const) : (0 as const),
    ...(profile.grammaticalGender !== undefined ? { grammatical_gender: profile.grammaticalGender } : {}),
    updated_at: now.toISOString(),
  };
  return db
    .insertInto("writer_profiles")
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A writer's own letter by its reference (`L-…`); undefined for someone else's or an unknown reference. */
export async function findLetterOfWriterByReference(
  db: DB,
  writerId: number,
  reference: string,
): Promise<Pick<Letter, "id" | "route" | "status"> | undefined> {
  return db.selectFrom("letters").select(["id", "route", "status"]).where("writer_id", "=", writerId).where("reference", "=", reference).executeTakeFirst();
}

/** How many letters a writer has in each status. */
export async function countLettersByStatus(db: DB, writerId: number): Promise<Array<{ status: LetterStatus; count: number }>> {
  const rows = await db
    .selectFrom("letters")
    .select(["status", (eb) => eb.fn.countAll<number | string>().as("count")])
    .where("writer_id", "=", writerId)
    .groupBy("status")
    .execute();
  return rows.map((row) => ({ status: row.status, count: Number(row.count) }));
}

/** The writer's letters organisers still hold stop showing who wrote them; returns how many there are. */
export async function hideWriterOfHeldLetters(db: DB, writerId: number): Promise<number> {
  const result = await db
    .updateTable("letters")
    .set({ share_identity: 0 })
    .where("writer_id", "=", writerId)
    .where("status", "in", [...AWAITING_ORGANISERS])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function getLetterStatus(db: DB, letterId: number): Promise<LetterStatus | undefined> {
  return (await db.selectFrom("letters").select("status").where("id", "=", letterId).executeTakeFirst())?.status;
}

/** The letter's reference (null before it was finished); undefined when there is no such letter. */
export async function getLetterReference(db: DB, letterId: number): Promise<{ reference: string | null } | undefined> {
  return db.selectFrom("letters").select("reference").where("id", "=", letterId).executeTakeFirst();
}

/** The relay quota's read: the route step that offers the organisers and the finish that relays ask it (compiled once). */
const organiserRelayTimes = prepared((db: DB, writerId: number, since: string) =>
  db
    .selectFrom("letters")
    .select("finished_at")
    .where("writer_id", "=", writerId)
    .where("route", "=", "organisers")
    .where("finished_at", ">", since)
    .orderBy("finished_at"),
);

/** When the writer's letters for the organisers' route were finished after `since` (ISO), oldest first. */
export async function organiserRelayTimesSince(db: DB, writerId: number, since: string): Promise<string[]> {
  const rows = await organiserRelayTimes.rows(db, writerId, since);
  return rows.flatMap((row) => (row.finished_at === null ? [] : [row.finished_at]));
}

