import { type CompiledQuery, createQueryId, type KyselyPlugin, type RootOperationNode, sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as finishIndexes from "../../migrations/202612072020_letter_finish_indexes.js";
import { type DB, inTransaction, isPostgresDb } from "../../src/db/database.js";
import {
  countLettersPerPrisoner,
  findActiveDrafts,
  finishLetter,
  getOrCreateDraft,
  purgeAbandonedDrafts,
  purgeExpiredLetterTexts,
  saveDraftText,
  setLetterStatus,
} from "../../src/db/repositories/letters.js";
import { closeDraftsTo, writersWithDraftsTo } from "../../src/db/repositories/news.js";
import { deletePrivatePrisonersOf } from "../../src/db/repositories/prisoners.js";
import { acceptedLettersToPrint } from "../../src/db/repositories/relay.js";
import { campaignStats } from "../../src/db/repositories/stats.js";
import { createSeededTestDatabase, type TestDatabase } from "../helpers/database.js";

const WRITER = 701;
const OTHER = 702;
const DAY = 86_400_000;
const now = new Date("2026-12-07T19:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

let testDb: TestDatabase;
let db: DB;

beforeEach(async () => {
  testDb = await createSeededTestDatabase(now, { [WRITER]: "uk", [OTHER]: "en" });
  db = testDb.db;
});
afterEach(() => testDb.cleanup());

/** Two people in one campaign of the shipped directory, for the per-person and per-campaign counts. */
async function campaignPair(): Promise<{ campaign: string; first: string; second: string }> {
  const rows = await db.selectFrom("prisoner_campaigns").select(["campaign_slug", "prisoner_slug"]).orderBy("campaign_slug").orderBy("prisoner_slug").execute();
  const campaign = rows.find((row, index) => rows[index + 1]?.campaign_slug === row.campaign_slug)?.campaign_slug ?? "";
  const [first = "", second = ""] = rows.filter((row) => row.campaign_slug === campaign).map((row) => row.prisoner_slug);
  return { campaign, first, second };
}

/** Drafts to one person (one untouched for 90 days); to the other, letters finished on several days, one accepted. */
async function someLetters(first: string, second: string): Promise<void> {
  const draft = async (writer: number, slug: string, at: Date, text: string) => {
    const letter = await getOrCreateDraft(db, writer, slug, at);
    await saveDraftText(db, { letterId: letter.id, writerId: writer, text, now: at });
    return letter.id;
  };
  const finished = async (writer: number, slug: string, at: Date, route: "fsin_pismo" | "organisers") => {
    const letterId = await draft(writer, slug, at, "Добрий день!");
    await finishLetter(db, { letterId, writerId: writer, route, signature: { name: "Оксана" }, shareIdentity: false, now: at });
    return letterId;
  };
  await draft(WRITER, first, daysAgo(90), "Давня чернетка");
  await draft(OTHER, first, daysAgo(1), "Свіжа чернетка");
  await finished(WRITER, second, daysAgo(40), "fsin_pismo");
  await finished(OTHER, second, daysAgo(3), "fsin_pismo");
  await finished(WRITER, second, daysAgo(10), "fsin_pismo");
  const accepted = await finished(OTHER, second, daysAgo(20), "organisers");
  await db
    .insertInto("relayed_letters")
    .values({ letter_id: accepted, campaign_slug: "c", chat_id: -100, card_message_id: 1, card_html: "card", card_locale: "en", relayed_at: daysAgo(20).toISOString() })
    .execute();
  await setLetterStatus(db, accepted, "accepted", { now: daysAgo(19) });
}

/** What the queries these indexes serve answer (reads only). */
async function answers(campaign: string, first: string) {
  return {
    perPrisoner: [...(await countLettersPerPrisoner(db, daysAgo(30)))].sort(),
    drafts: (await findActiveDrafts(db, OTHER)).map((letter) => letter.id),
    writersWithDrafts: await writersWithDraftsTo(db, first),
    stats: await campaignStats(db, campaign, now),
    toPrint: (await acceptedLettersToPrint(db, undefined)).map((letter) => [letter.letterId, letter.finishedAt]),
  };
}

/** The SQL and parameters a piece of repository work runs, compiled as the database's own dialect compiles them. */
async function statementsOf(work: (db: DB) => Promise<unknown>): Promise<CompiledQuery[]> {
  const nodes: RootOperationNode[] = [];
  const capture: KyselyPlugin = {
    transformQuery: ({ node }) => (nodes.push(node), node),
    transformResult: async ({ result }) => result,
  };
  await work(db.withPlugin(capture));
  return nodes.map((node) => db.getExecutor().compileQuery(node, createQueryId()));
}

/** The plan of each statement `work` runs on letters, one line per statement. */
async function plansOf(work: (db: DB) => Promise<unknown>): Promise<string[]> {
  const statements = (await statementsOf(work)).filter((statement) => /"letters"/.test(statement.sql));
  return inTransaction(db, async (trx) => {
    // Postgres plans a table of a few rows as a scan whatever its indexes; with scans priced out it shows the index
    // it can use, which is the question here (a partial index's predicate must follow from the query's).
    if (isPostgresDb(db)) await sql`set local enable_seqscan = off`.execute(trx);
    const plans: string[] = [];
    for (const statement of statements) {
      const prefix = isPostgresDb(db) ? "explain " : "explain query plan ";
      const { rows } = await trx.executeQuery<Record<string, string>>({ ...statement, sql: prefix + statement.sql });
      plans.push(rows.map((row) => row["QUERY PLAN"] ?? row.detail).join(" | "));
    }
    return plans;
  });
}

describe("the letters' indexes (migration 2020: the finish moves no entry it need not)", () => {
  it("serve every query that reads letters by status and date, by person, or by last edit", async () => {
    const { campaign, first } = await campaignPair();
    const expectations: Array<[string, (db: DB) => Promise<unknown>, RegExp]> = [
      ["abandoned drafts", (db) => purgeAbandonedDrafts(db, now), /letters_draft_updated/],
      ["expired texts", (db) => purgeExpiredLetterTexts(db, now), /letters_finished/],
      ["letters per person since a date", (db) => countLettersPerPrisoner(db, daysAgo(30)), /letters_finished/],
      ["letters to print", (db) => acceptedLettersToPrint(db, undefined), /letters_finished/],
      ["a campaign's counts", (db) => campaignStats(db, campaign, now), /letters_finished|letters_prisoner\b/],
      ["writers with a draft to someone", (db) => writersWithDraftsTo(db, first), /letters_prisoner\b/],
      ["drafts closed when someone is freed", (db) => closeDraftsTo(db, first, now), /letters_prisoner\b/],
      ["a writer's cards no letter names", (db) => deletePrivatePrisonersOf(db, WRITER), /letters_prisoner\b/],
      ["a writer's drafts", (db) => findActiveDrafts(db, WRITER), /letters_writer|letters_one_draft_per_writer_and_prisoner/],
    ];
    for (const [name, work, index] of expectations) {
      const plans = await plansOf(work);
      expect(plans.length, name).toBeGreaterThan(0);
      // SQLite plans by rules, the same whatever the rows; Postgres by costs, which for a few rows make any of
      // several indexes as good: there, only that it reads an index of letters and never the whole table.
      for (const plan of plans) {
        if (!isPostgresDb(db)) {
          expect(plan, name).toMatch(index);
          continue;
        }
        expect(plan, name).toMatch(/Scan (Backward )?(using|on) letters_/);
        expect(plan, name).not.toMatch(/Seq Scan on letters/);
      }
    }
  });

  it("hold only what their queries read: drafts by last edit, finished letters by status and date, letters by person", async () => {
    const definitions = isPostgresDb(db)
      ? (await sql<{ name: string; definition: string }>`select indexname as name, indexdef as definition from pg_indexes where tablename = 'letters'`.execute(db)).rows
      : (await sql<{ name: string; definition: string }>`select name, coalesce(sql, '') as definition from sqlite_master where type = 'index' and tbl_name = 'letters'`.execute(db)).rows;
    const byName = new Map(definitions.map((row) => [row.name, row.definition.toLowerCase().replace(/[()"]/g, "")]));
    expect(byName.get("letters_draft_updated")).toMatch(/updated_at.* where status = 'draft'/);
    expect(byName.get("letters_finished")).toMatch(/status, finished_at.* where finished_at is not null/);
    expect(byName.get("letters_prisoner")).toMatch(/prisoner_slug$/);
    for (const gone of ["letters_status_updated", "letters_status_finished", "letters_prisoner_finished"]) expect(byName.has(gone), gone).toBe(false);
  });

  it("come from the previous schema with letters in it, and go back, with every answer the same", async () => {
    const { campaign, first, second } = await campaignPair();
    await finishIndexes.down(db);
    await someLetters(first, second);
    const before = await answers(campaign, first);
    expect(before.perPrisoner).toEqual([[second, 3]]);
    expect(before.writersWithDrafts).toEqual([WRITER, OTHER]);
    expect(before.toPrint).toHaveLength(1);

    await finishIndexes.up(db);
    expect(await answers(campaign, first)).toEqual(before);
    await finishIndexes.down(db);
    expect(await answers(campaign, first)).toEqual(before);
    await finishIndexes.up(db);

    // The retention job, through the new indexes: the 90-day-old draft and the text finished 40 days ago.
    expect(await purgeAbandonedDrafts(db, now)).toBe(1);
    expect(await purgeExpiredLetterTexts(db, now)).toBe(1);
    expect(await writersWithDraftsTo(db, first)).toEqual([OTHER]);
  });
});
