import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DB } from "../../src/db/database.js";
import {
  countLettersPerPrisoner,
  discardDraft,
  findActiveDrafts,
  finishLetter,
  getLetterOfWriter,
  getOrCreateDraft,
  getWriterProfile,
  listLettersOfWriter,
  purgeAbandonedDrafts,
  purgeExpiredLetterTexts,
  saveDraftText,
  saveWriterProfile,
  setLetterStatus,
} from "../../src/db/repositories/letters.js";
import { touchUser } from "../../src/db/repositories/users.js";
import type { Letter } from "../../src/db/tables/letters.js";
import { MAX_LETTER_CHARACTERS } from "../../src/domain/letters/draft.js";
import { parseFindingsSummary } from "../../src/domain/letters/findings-summary.js";
import { enqueue } from "../../src/outbox/enqueue.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";

const WRITER = 501;
const OTHER_WRITER = 502;
const DAY = 24 * 60 * 60 * 1000;
const start = new Date("2026-11-01T10:00:00Z");
const daysAfterStart = (days: number) => new Date(start.getTime() + days * DAY);

let testDb: TestDatabase;
let db: DB;

async function addPrisoner(slug: string): Promise<void> {
  const at = start.toISOString();
  await db
    .insertInto("prisoners")
    .values({
      slug,
      surname_ru: "Фамилия",
      given_name_ru: "Имя",
      patronymic_ru: null,
      surname_uk: "Прізвище",
      given_name_uk: "Ім'я",
      patronymic_uk: null,
      surname_latin: "Surname",
      given_name_latin: "Name",
      patronymic_latin: null,
      gender: "male",
      birth_year: null,
      birth_date: null,
      birth_note: null,
      system: "ru",
      status: "sentenced",
      status_as_of: "2026",
      status_source_url: "https://example.org",
      status_confidence: "confirmed",
      status_note: null,
      institution_slug: null,
      institution_as_of: null,
      institution_source_url: null,
      summary_uk: "",
      summary_en: "",
      summary_ru: "",
      interests_source_url: null,
      letters_allowed: 1,
      no_letters_reason: null,
      hashtag: `#${slug}`,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

/** A draft with text, finished on `day` by the given route. */
async function finishedLetter(prisoner: string, day: number, route: "fsin_pismo" | "organisers" = "fsin_pismo"): Promise<Letter> {
  const draft = await getOrCreateDraft(db, WRITER, prisoner, daysAfterStart(day));
  await saveDraftText(db, { letterId: draft.id, writerId: WRITER, text: "Здравствуйте!", now: daysAfterStart(day) });
  const result = await finishLetter(db, {
    letterId: draft.id,
    writerId: WRITER,
    route,
    signature: { name: "Оксана" },
    shareIdentity: false,
    now: daysAfterStart(day),
  });
  if (!result.ok) throw new Error(`could not finish: ${result.reason}`);
  return result.letter;
}

/** What the relay feature enqueues for organisers when a letter is finished for them. */
const relayToOrganisers = (trx: DB, letter: Letter) =>
  enqueue(trx, {
    kind: "relay",
    ref: `letter:${letter.id}`,
    chatId: -100_200_300,
    method: "sendMessage",
    payload: { text: `Letter ${letter.reference ?? ""}` },
  });

beforeEach(async () => {
  testDb = await createTestDatabase();
  db = testDb.db;
  await touchUser(db, WRITER, "uk", start);
  await touchUser(db, OTHER_WRITER, "en", start);
  for (const slug of ["balukh", "zeytullaev", "kolesnikova"]) await addPrisoner(slug);
});
afterEach(async () => testDb.cleanup());

describe("drafts", () => {
  it("keeps one draft per writer and prisoner: coming back continues it", async () => {
    const first = await getOrCreateDraft(db, WRITER, "balukh", start);
    const again = await getOrCreateDraft(db, WRITER, "balukh", daysAfterStart(1));
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ status: "draft", text: null, reference: null });
    const otherPrisoner = await getOrCreateDraft(db, WRITER, "zeytullaev", start);
    const otherWriter = await getOrCreateDraft(db, OTHER_WRITER, "balukh", start);
    expect(new Set([first.id, otherPrisoner.id, otherWriter.id]).size).toBe(3);
  });

  it("has the database refuse a second draft for the same writer and prisoner", async () => {
    await getOrCreateDraft(db, WRITER, "balukh", start);
    const at = start.toISOString();
    await expect(
      db.insertInto("letters").values({ writer_id: WRITER, prisoner_slug: "balukh", created_at: at, updated_at: at }).execute(),
    ).rejects.toThrow(/UNIQUE|unique constraint/u);
  });

  it("allows a new draft once the previous one is finished", async () => {
    const finished = await finishedLetter("balukh", 0);
    const next = await getOrCreateDraft(db, WRITER, "balukh", daysAfterStart(1));
    expect(next.id).not.toBe(finished.id);
    expect(next.status).toBe("draft");
  });

  it("saves text only into the writer's own draft", async () => {
    const draft = await getOrCreateDraft(db, WRITER, "balukh", start);
    expect(await saveDraftText(db, { letterId: draft.id, writerId: WRITER, text: "Привет", now: daysAfterStart(1) })).toBe(true);
    expect(await saveDraftText(db, { letterId: draft.id, writerId: OTHER_WRITER, text: "Чужое", now: daysAfterStart(1) })).toBe(false);
    expect(await getLetterOfWriter(db, draft.id, WRITER)).toMatchObject({
      text: "Привет",
      updated_at: daysAfterStart(1).toISOString(),
    });
    expect(await getLetterOfWriter(db, draft.id, OTHER_WRITER)).toBeUndefined();
    await expect(
      saveDraftText(db, { letterId: draft.id, writerId: WRITER, text: "а".repeat(MAX_LETTER_CHARACTERS + 1), now: start }),
    ).rejects.toThrow(RangeError);
  });

  it("lists active drafts, most recently edited first", async () => {
    const older = await getOrCreateDraft(db, WRITER, "balukh", start);
    const newer = await getOrCreateDraft(db, WRITER, "zeytullaev", start);
    await saveDraftText(db, { letterId: older.id, writerId: WRITER, text: "a", now: daysAfterStart(2) });
    await saveDraftText(db, { letterId: newer.id, writerId: WRITER, text: "b", now: daysAfterStart(1) });
    await finishedLetter("kolesnikova", 0);
    expect((await findActiveDrafts(db, WRITER)).map((letter) => letter.prisoner_slug)).toEqual(["balukh", "zeytullaev"]);
    expect(await findActiveDrafts(db, OTHER_WRITER)).toEqual([]);
  });

  it("discards a draft together with its text", async () => {
    const draft = await getOrCreateDraft(db, WRITER, "balukh", start);
    await saveDraftText(db, { letterId: draft.id, writerId: WRITER, text: "Текст", now: start });
    expect(await discardDraft(db, draft.id, OTHER_WRITER, start)).toBe(false);
    expect(await discardDraft(db, draft.id, WRITER, daysAfterStart(1))).toBe(true);
    expect(await getLetterOfWriter(db, draft.id, WRITER)).toMatchObject({
      status: "discarded",
      text: null,
      text_purged_at: daysAfterStart(1).toISOString(),
    });
    expect(await discardDraft(db, draft.id, WRITER, daysAfterStart(1))).toBe(false);
  });
});

describe("finishing a letter", () => {
  it("sets route, reference, signature and check summary, and enqueues in the same transaction", async () => {
    const draft = await getOrCreateDraft(db, WRITER, "balukh", start);
    await saveDraftText(db, { letterId: draft.id, writerId: WRITER, text: "Здравствуйте!", now: start });
    const enqueued: Letter[] = [];
    const result = await finishLetter(db, {
      letterId: draft.id,
      writerId: WRITER,
      route: "organisers",
      signature: { name: " Оксана ", city: "Львов" },
      shareIdentity: true,
      findingsSummary: { tone: { advice: 1 } },
      now: daysAfterStart(3),
      enqueue: async (trx, letter) => {
        enqueued.push(letter);
        await relayToOrganisers(trx, letter);
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.letter).toMatchObject({
      status: "relayed",
      route: "organisers",
      signature_name: "Оксана",
      signature_city: "Львов",
      share_identity: 1,
      finished_at: daysAfterStart(3).toISOString(),
    });
    expect(result.letter.reference).toMatch(/^L-2611-[2-9A-HJ-NP-Z]{4}$/u);
    expect(parseFindingsSummary(result.letter.findings_summary ?? "")).toEqual({ tone: { advice: 1 } });
    expect(enqueued.map((letter) => letter.id)).toEqual([draft.id]);
    expect(await db.selectFrom("outbox").select(["ref", "status"]).execute()).toEqual([
      { ref: `letter:${draft.id}`, status: "pending" },
    ]);
  });

  it("rolls the letter back to a draft when enqueueing fails", async () => {
    const draft = await getOrCreateDraft(db, WRITER, "balukh", start);
    await saveDraftText(db, { letterId: draft.id, writerId: WRITER, text: "Здравствуйте!", now: start });
    await expect(
      finishLetter(db, {
        letterId: draft.id,
        writerId: WRITER,
        route: "organisers",
        signature: { name: "Оксана" },
        shareIdentity: false,
        now: start,
        enqueue: async (trx, letter) => {
          await relayToOrganisers(trx, letter);
          throw new Error("relay chat not configured");
        },
      }),
    ).rejects.toThrow("relay chat not configured");
    expect(await getLetterOfWriter(db, draft.id, WRITER)).toMatchObject({ status: "draft", reference: null, route: null });
    expect(await db.selectFrom("outbox").selectAll().execute()).toEqual([]);
  });

  it("goes to the writer for FSIN-pismo and post", async () => {
    expect((await finishedLetter("balukh", 0, "fsin_pismo")).status).toBe("finished");
  });

  it("refuses an empty draft, a missing signature, someone else's letter and a finished one", async () => {
    const draft = await getOrCreateDraft(db, WRITER, "balukh", start);
    const base = {
      letterId: draft.id,
      writerId: WRITER,
      route: "post" as const,
      signature: { name: "Оксана" },
      shareIdentity: false,
      now: start,
    };
    expect(await finishLetter(db, base)).toEqual({ ok: false, reason: "empty" });
    await saveDraftText(db, { letterId: draft.id, writerId: WRITER, text: "Текст", now: start });
    expect(await finishLetter(db, { ...base, signature: { name: "  " } })).toEqual({ ok: false, reason: "no-signature" });
    expect(await finishLetter(db, { ...base, writerId: OTHER_WRITER })).toEqual({ ok: false, reason: "not-found" });
    expect((await finishLetter(db, base)).ok).toBe(true);
    expect(await finishLetter(db, base)).toEqual({ ok: false, reason: "not-a-draft" });
  });

  it("gives every finished letter its own reference", async () => {
    const references = new Set<string | null>();
    for (const slug of ["balukh", "zeytullaev", "kolesnikova"]) references.add((await finishedLetter(slug, 0)).reference);
    expect(references.size).toBe(3);
    expect(references.has(null)).toBe(false);
  });
});

describe("status changes", () => {
  it("follows the allowed transitions and refuses the others", async () => {
    const letter = await finishedLetter("balukh", 0, "organisers");
    const tooEarly = await setLetterStatus(db, letter.id, "printed", { now: start });
    expect(tooEarly).toEqual({ ok: false, reason: "not-allowed", from: "relayed" });
    const accepted = await setLetterStatus(db, letter.id, "accepted", { now: daysAfterStart(1) });
    expect(accepted).toMatchObject({ ok: true, letter: { status: "accepted", updated_at: daysAfterStart(1).toISOString() } });
    expect((await setLetterStatus(db, letter.id, "printed", { now: start })).ok).toBe(true);
    expect(await setLetterStatus(db, 9999, "printed", { now: start })).toEqual({ ok: false, reason: "not-found" });
  });

  it("lets only the writer move their own letter when acting as the writer", async () => {
    const letter = await finishedLetter("balukh", 0);
    const byStranger = await setLetterStatus(db, letter.id, "sent", { now: start, writerId: OTHER_WRITER });
    expect(byStranger).toEqual({ ok: false, reason: "not-found" });
    expect(await setLetterStatus(db, letter.id, "sent", { now: start, writerId: WRITER })).toMatchObject({ ok: true });
  });

  it("returns a letter with a reason, back to a draft, and keeps its reference when finished again", async () => {
    const letter = await finishedLetter("balukh", 0, "organisers");
    const returned = await setLetterStatus(db, letter.id, "returned", { now: start, returnReason: "Уберите упоминание дела" });
    expect(returned).toMatchObject({ ok: true, letter: { status: "returned", return_reason: "Уберите упоминание дела" } });
    const reopened = await setLetterStatus(db, letter.id, "draft", { now: start, writerId: WRITER });
    expect(reopened).toMatchObject({ ok: true, letter: { status: "draft" } });
    const again = await finishLetter(db, {
      letterId: letter.id,
      writerId: WRITER,
      route: "organisers",
      signature: { name: "Оксана" },
      shareIdentity: false,
      now: daysAfterStart(40),
    });
    expect(again).toMatchObject({ ok: true, letter: { reference: letter.reference, return_reason: null } });
  });

  it("will not reopen a returned letter while another draft to the same prisoner exists", async () => {
    const letter = await finishedLetter("balukh", 0, "organisers");
    await setLetterStatus(db, letter.id, "returned", { now: start });
    await getOrCreateDraft(db, WRITER, "balukh", start);
    const reopened = await setLetterStatus(db, letter.id, "draft", { now: start });
    expect(reopened).toEqual({ ok: false, reason: "draft-exists", from: "returned" });
  });

  it("drops the text of a relayed letter the writer withdraws", async () => {
    const letter = await finishedLetter("balukh", 0, "organisers");
    expect(await setLetterStatus(db, letter.id, "discarded", { now: start, writerId: WRITER })).toMatchObject({
      ok: true,
      letter: { status: "discarded", text: null },
    });
  });
});

describe("the writer's letters", () => {
  it("pages through them newest first, without discarded ones and without loading the text", async () => {
    const ids: number[] = [];
    for (const [index, slug] of ["balukh", "zeytullaev", "kolesnikova"].entries()) ids.push((await finishedLetter(slug, index)).id);
    const draft = await getOrCreateDraft(db, WRITER, "balukh", start);
    const discarded = await getOrCreateDraft(db, WRITER, "zeytullaev", start);
    await discardDraft(db, discarded.id, WRITER, start);
    const first = await listLettersOfWriter(db, WRITER, { limit: 2, offset: 0 });
    expect(first.letters.map((letter) => letter.id)).toEqual([draft.id, ids[2]]);
    expect(first.hasMore).toBe(true);
    expect(first.letters[0]).not.toHaveProperty("text");
    const second = await listLettersOfWriter(db, WRITER, { limit: 2, offset: 2 });
    expect(second.letters.map((letter) => letter.id)).toEqual([ids[1], ids[0]]);
    expect(second.hasMore).toBe(false);
    expect((await listLettersOfWriter(db, OTHER_WRITER, { limit: 5, offset: 0 })).letters).toEqual([]);
  });

  it("counts letters per prisoner since a date, leaving out drafts and discarded ones", async () => {
    await finishedLetter("balukh", 0);
    await finishedLetter("balukh", 10);
    await finishedLetter("zeytullaev", 10, "organisers");
    const withdrawn = await finishedLetter("kolesnikova", 10, "organisers");
    await setLetterStatus(db, withdrawn.id, "discarded", { now: daysAfterStart(11) });
    await getOrCreateDraft(db, WRITER, "kolesnikova", daysAfterStart(12));
    const counts = await countLettersPerPrisoner(db, daysAfterStart(5));
    expect(Object.fromEntries(counts)).toEqual({ balukh: 1, zeytullaev: 1 });
    expect(Object.fromEntries(await countLettersPerPrisoner(db, start))).toEqual({ balukh: 2, zeytullaev: 1 });
  });

  it("disappear with the writer when the user is deleted", async () => {
    await finishedLetter("balukh", 0);
    await saveWriterProfile(db, WRITER, { signature: { name: "Оксана" }, remember: true }, start);
    await db.deleteFrom("users").where("id", "=", WRITER).execute();
    expect(await db.selectFrom("letters").select("id").execute()).toEqual([]);
    expect(await getWriterProfile(db, WRITER)).toBeUndefined();
  });
});

describe("retention", () => {
  it("purges the text of letters finished at least 30 days ago, and only those", async () => {
    const old = await finishedLetter("balukh", 0);
    const recent = await finishedLetter("zeytullaev", 2);
    const now = daysAfterStart(31);
    expect(await purgeExpiredLetterTexts(db, now, 30)).toBe(1);
    expect(await getLetterOfWriter(db, old.id, WRITER)).toMatchObject({ text: null, text_purged_at: now.toISOString() });
    expect(await getLetterOfWriter(db, recent.id, WRITER)).toMatchObject({ text: "Здравствуйте!", text_purged_at: null });
    expect(await purgeExpiredLetterTexts(db, now, 30)).toBe(0);
  });

  it("keeps the text of letters still waiting for organisers, and of drafts", async () => {
    const waiting = await finishedLetter("balukh", 0, "organisers");
    const accepted = await finishedLetter("zeytullaev", 0, "organisers");
    await setLetterStatus(db, accepted.id, "accepted", { now: start });
    const draft = await getOrCreateDraft(db, WRITER, "kolesnikova", start);
    await saveDraftText(db, { letterId: draft.id, writerId: WRITER, text: "Черновик", now: start });
    expect(await purgeExpiredLetterTexts(db, daysAfterStart(100), 30)).toBe(0);
    await setLetterStatus(db, waiting.id, "accepted", { now: daysAfterStart(100) });
    await setLetterStatus(db, waiting.id, "printed", { now: daysAfterStart(100) });
    expect(await purgeExpiredLetterTexts(db, daysAfterStart(100), 30)).toBe(1);
    expect(await getLetterOfWriter(db, waiting.id, WRITER)).toMatchObject({ text: null });
  });

  it("discards drafts untouched for 60 days, and not the ones edited since", async () => {
    const abandoned = await getOrCreateDraft(db, WRITER, "balukh", start);
    await saveDraftText(db, { letterId: abandoned.id, writerId: WRITER, text: "Забытый черновик", now: start });
    const active = await getOrCreateDraft(db, WRITER, "zeytullaev", start);
    await saveDraftText(db, { letterId: active.id, writerId: WRITER, text: "Живой черновик", now: daysAfterStart(30) });
    const finished = await finishedLetter("kolesnikova", 0);
    const now = daysAfterStart(60);
    expect(await purgeAbandonedDrafts(db, now, 60)).toBe(1);
    expect(await getLetterOfWriter(db, abandoned.id, WRITER)).toMatchObject({ status: "discarded", text: null });
    expect(await getLetterOfWriter(db, active.id, WRITER)).toMatchObject({ status: "draft", text: "Живой черновик" });
    expect(await getLetterOfWriter(db, finished.id, WRITER)).toMatchObject({ status: "finished", text: "Здравствуйте!" });
  });
});

describe("writer profiles", () => {
  it("remembers a signature only when asked, and the grammatical gender either way", async () => {
    const remembered = await saveWriterProfile(
      db,
      WRITER,
      { signature: { name: " Оксана ", city: "Львов" }, remember: true, grammaticalGender: "female" },
      start,
    );
    expect(remembered).toMatchObject({
      signature_name: "Оксана",
      signature_city: "Львов",
      remembered: 1,
      grammatical_gender: "female",
    });
    const forgotten = await saveWriterProfile(db, WRITER, { signature: { name: "Оксана" }, remember: false }, daysAfterStart(1));
    expect(forgotten).toMatchObject({ signature_name: null, signature_city: null, remembered: 0, grammatical_gender: "female" });
  });

  it("is refused by the database for an unknown gender", async () => {
    await expect(
      sql`insert into writer_profiles (user_id, grammatical_gender, updated_at) values (${WRITER}, 'x', '2026')`.execute(db),
    ).rejects.toThrow(/CHECK|check constraint/u);
  });
});
