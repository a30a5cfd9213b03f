/**
 * "Few letters" and the browse list answer with a constant number of queries however large the directory (issue 11:
 * no query per person at 10,000 people). Counted on the database's own query log, at the 20-person seed and with
 * 1,000 more writable people (the organisers' relay check once asked per person).
 */
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { importDirectoryDocument, seedDirectory } from "../../src/db/repositories/directory-document.js";
import type { Database } from "../../src/db/schema.js";
import type { PrisonerRecord } from "../../src/domain/directory/types.js";
import { campaignMembers, writableByFewestLetters } from "../../src/services/directory/browse.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";

let testDb: TestDatabase | undefined;
let counted: Kysely<Database> | undefined;
afterEach(async () => {
  await counted?.destroy();
  await testDb?.cleanup();
});

const now = new Date("2026-12-06T08:00:00Z");
const clock = { now: () => now };

function generatedPerson(index: number): PrisonerRecord {
  const source = "https://example.org/generated-for-a-query-count";
  const surname = `Генерированный${String.fromCharCode(1072 + (index % 32))}`;
  return {
    slug: `generated-${index}`,
    names: {
      ru: { surname, given: "Иван", patronymic: "Иванович" },
      uk: { surname, given: "Іван", patronymic: "Іванович" },
      latin: { surname: `Generated${index}`, given: "Ivan", patronymic: "Ivanovich" },
    },
    altSpellings: [],
    gender: "male",
    birthYear: 1980,
    birthYearAlternatives: [],
    birthDate: null,
    birthNote: null,
    system: "ru",
    status: { value: "sentenced", asOf: "2026-11-01", sourceUrl: source, confidence: "confirmed", note: null },
    location: { institution: "ik-2-salavat", asOf: "2026-11-01", sourceUrl: source, believedCurrent: true },
    summary: { uk: "", en: "", ru: "" },
    interests: { tags: [], sourceUrl: null },
    letters: { allowed: true, reason: null },
    hashtag: `#Generated${index}`,
    campaigns: index % 2 === 0 ? ["crimean-political-prisoners"] : [],
  };
}

describe("queries per answer at scale", () => {
  // The query log is read through a second SQLite connection to the test's file (Postgres runs count the same code).
  it.skipIf(process.env.TEST_DATABASE_URL?.startsWith("postgres"))("few letters and a campaign's list make as many queries at 1,020 people as at 20", async () => {
    testDb = await createTestDatabase();
    if (!testDb.filename) throw new Error("a SQLite test database has a file");
    await seedDirectory(testDb.db, { now });
    const log = { queries: 0 };
    counted = new Kysely<Database>({
      dialect: new SqliteDialect({ database: new SQLite(testDb.filename) }),
      log: (event) => {
        if (event.level === "query") log.queries += 1;
      },
    });
    const db = counted;
    const measure = async () => {
      const before = log.queries;
      const few = await writableByFewestLetters({ db, clock });
      const fewQueries = log.queries - before;
      const middle = log.queries;
      const campaign = await campaignMembers(db, "crimean-political-prisoners", "en");
      return { fewQueries, campaignQueries: log.queries - middle, writable: few.entries.length, members: campaign?.members.length ?? 0 };
    };
    const atSeed = await measure();
    await importDirectoryDocument(testDb.db, { institutions: [], campaigns: [], prisoners: Array.from({ length: 1_000 }, (_, index) => generatedPerson(index)) }, { changedBy: null, now });
    const atScale = await measure();
    expect(atScale.writable).toBeGreaterThanOrEqual(atSeed.writable + 1_000);
    expect(atScale.members).toBe(atSeed.members + 500);
    expect(atScale.fewQueries).toBe(atSeed.fewQueries);
    expect(atScale.campaignQueries).toBe(atSeed.campaignQueries);
    expect(atSeed.fewQueries).toBeLessThanOrEqual(6);
  });
});
