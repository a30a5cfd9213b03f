import { afterEach, describe, expect, it } from "vitest";
import { getInstitutionBySlug, listInstitutions } from "../../src/db/repositories/institutions.js";
import { listCampaignMembers, listCampaigns } from "../../src/db/repositories/campaigns.js";
import { importDirectoryDocument, readDirectoryDocument, seedDirectory } from "../../src/db/repositories/directory-document.js";
import { getPrisonerHistory, movePrisoner, updatePrisonerStatus } from "../../src/db/repositories/prisoner-history.js";
import { browsePrisonersByFewestLetters, directoryVersion, getPrisonerBySlug, listPrisonersInCampaign, loadSearchEntries, PrisonerNotFoundError } from "../../src/db/repositories/prisoners.js";
import { readDirectorySeed } from "../../src/domain/directory/seed-files.js";
import { toDirectoryJson } from "../../src/domain/directory/serialize.js";
import { parseDirectoryFile } from "../../src/domain/directory/validate.js";
import { buildSearchIndex } from "../../src/domain/search/search-index.js";
import { searchPrisoners } from "../../src/domain/search/search.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";

let testDb: TestDatabase;
afterEach(async () => testDb?.cleanup());

const seededAt = new Date("2026-11-23T08:00:00Z");
const ORGANISER = 4242;

async function seeded(): Promise<TestDatabase> {
  testDb = await createTestDatabase();
  await seedDirectory(testDb.db, { now: seededAt });
  return testDb;
}

describe("seedDirectory", () => {
  it("loads the shipped directory with its first history entries", async () => {
    const { db } = await seeded();
    const kagarlitsky = await getPrisonerBySlug(db, "kagarlitsky-boris");
    expect(kagarlitsky?.location).toMatchObject({ institution: "ik-4-torzhok", believedCurrent: true });
    expect(kagarlitsky?.campaigns).toEqual(["open-letter-2025"]);
    expect((await listInstitutions(db)).map((institution) => institution.slug)).toContain("ik-2-salavat");
    expect(await listCampaignMembers(db, "mejlis-marathon-2015")).toHaveLength(8);
    const signers = await listPrisonersInCampaign(db, "open-letter-2025");
    expect(signers).toHaveLength(11);
    expect(signers.every((signer) => signer.campaigns.includes("open-letter-2025"))).toBe(true);
    expect(await listPrisonersInCampaign(db, "no-such-campaign")).toEqual([]);
    expect(await getPrisonerHistory(db, "kagarlitsky-boris")).toEqual([
      expect.objectContaining({ field: "status", oldValue: null, newValue: "sentenced", asOf: "2025-11-08", changedBy: null }),
      expect.objectContaining({ field: "institution", oldValue: null, newValue: "ik-4-torzhok", changedBy: null }),
    ]);
  });

  it("is idempotent: seeding again changes no record and writes no history", async () => {
    const { db } = await seeded();
    const before = toDirectoryJson(await readDirectoryDocument(db));
    const report = await seedDirectory(db, { now: new Date("2026-11-24T08:00:00Z") });
    expect(report.prisoners).toMatchObject({ inserted: 0, updated: 20, statusChanged: 0, moved: 0 });
    expect(toDirectoryJson(await readDirectoryDocument(db))).toBe(before);
    expect(await getPrisonerHistory(db, "gorinov-aleksei")).toHaveLength(2);
  });

  it("never overwrites a newer status or transfer an organiser recorded", async () => {
    const { db } = await seeded();
    await updatePrisonerStatus(db, "kagarlitsky-boris", {
      status: "released",
      asOf: "2026-11-20",
      sourceUrl: "https://example.org/news/kagarlitsky-freed",
      changedBy: ORGANISER,
    });
    await movePrisoner(db, "gorinov-aleksei", {
      institution: "ik-4-torzhok",
      asOf: "2026-10-01",
      sourceUrl: "https://example.org/news/gorinov-moved",
      changedBy: ORGANISER,
    });
    const report = await seedDirectory(db, { now: new Date("2026-11-25T08:00:00Z") });
    expect(report.prisoners.statusKeptNewer).toBe(1);
    expect(report.prisoners.locationKeptNewer).toBe(1);
    expect((await getPrisonerBySlug(db, "kagarlitsky-boris"))?.status).toMatchObject({ value: "released", asOf: "2026-11-20" });
    expect((await getPrisonerBySlug(db, "gorinov-aleksei"))?.location).toMatchObject({ institution: "ik-4-torzhok", asOf: "2026-10-01" });
  });
});

describe("status and transfer history", () => {
  it("writes each change with its source and the organiser who made it", async () => {
    const { db } = await seeded();
    const now = new Date("2026-11-23T12:00:00Z");
    expect(
      await updatePrisonerStatus(db, "arkhipova-anna", {
        status: "sentenced",
        asOf: "2026-11-20",
        sourceUrl: "https://example.org/vesna-verdict",
        changedBy: ORGANISER,
        now,
      }),
    ).toBe("changed");
    expect(
      await movePrisoner(db, "arkhipova-anna", { institution: null, asOf: "2026-11-21", sourceUrl: "https://example.org/etap", changedBy: ORGANISER, now }),
    ).toBe("changed");
    const history = await getPrisonerHistory(db, "arkhipova-anna");
    expect(history.slice(-2)).toEqual([
      {
        field: "status",
        oldValue: "pretrial",
        newValue: "sentenced",
        asOf: "2026-11-20",
        sourceUrl: "https://example.org/vesna-verdict",
        changedBy: ORGANISER,
        changedAt: now.toISOString(),
      },
      {
        field: "institution",
        oldValue: "sizo-5-st-petersburg",
        newValue: null,
        asOf: "2026-11-21",
        sourceUrl: "https://example.org/etap",
        changedBy: ORGANISER,
        changedAt: now.toISOString(),
      },
    ]);
    const arkhipova = await getPrisonerBySlug(db, "arkhipova-anna");
    expect(arkhipova?.status).toMatchObject({ value: "sentenced", asOf: "2026-11-20", sourceUrl: "https://example.org/vesna-verdict" });
    expect(arkhipova?.location).toEqual({ institution: null, asOf: "2026-11-21", sourceUrl: "https://example.org/etap", believedCurrent: false });
  });

  it("records a re-confirmation without a history row", async () => {
    const { db } = await seeded();
    const outcome = await updatePrisonerStatus(db, "gorinov-aleksei", {
      status: "sentenced",
      asOf: "2026-11-01",
      sourceUrl: "https://example.org/gorinov-letter",
      changedBy: ORGANISER,
    });
    expect(outcome).toBe("confirmed");
    expect(await getPrisonerHistory(db, "gorinov-aleksei")).toHaveLength(2);
    expect((await getPrisonerBySlug(db, "gorinov-aleksei"))?.status.asOf).toBe("2026-11-01");
  });

  it("rolls the status back when the history row cannot be written", async () => {
    const { db } = await seeded();
    await db.schema.alterTable("prisoner_history").renameTo("prisoner_history_gone").execute();
    await expect(
      updatePrisonerStatus(db, "gorinov-aleksei", { status: "released", asOf: "2026-11-22", sourceUrl: "https://example.org/x", changedBy: 1 }),
    ).rejects.toThrow();
    await db.schema.alterTable("prisoner_history_gone").renameTo("prisoner_history").execute();
    expect((await getPrisonerBySlug(db, "gorinov-aleksei"))?.status.value).toBe("sentenced");
  });

  it("refuses an unknown slug and an unknown institution", async () => {
    const { db } = await seeded();
    await expect(
      updatePrisonerStatus(db, "nobody", { status: "released", asOf: "2026", sourceUrl: "https://example.org", changedBy: null }),
    ).rejects.toBeInstanceOf(PrisonerNotFoundError);
    await expect(
      movePrisoner(db, "gorinov-aleksei", { institution: "ik-99-nowhere", asOf: "2026-11-22", sourceUrl: "https://example.org", changedBy: 1 }),
    ).rejects.toThrow(/foreign key/i);
  });
});

describe("import and export", () => {
  it("round-trips: export → import into an empty database → export gives the same file", async () => {
    const { db } = await seeded();
    const exported = toDirectoryJson(await readDirectoryDocument(db));
    const other = await createTestDatabase();
    try {
      await importDirectoryDocument(other.db, readDirectorySeedFromJson(exported), { changedBy: null, now: seededAt });
      expect(toDirectoryJson(await readDirectoryDocument(other.db))).toBe(exported);
    } finally {
      await other.cleanup();
    }
  });

  it("imports a newer list, recording history only for what changed", async () => {
    const { db } = await seeded();
    const document = readDirectorySeed();
    const zeytullaev = document.prisoners.find((prisoner) => prisoner.slug === "zeytullaev-ruslan");
    if (!zeytullaev) throw new Error("seed changed");
    zeytullaev.location = { institution: "ik-4-torzhok", asOf: "2026-11-01", sourceUrl: "https://example.org/transfer", believedCurrent: true };
    const report = await importDirectoryDocument(db, { ...document, prisoners: [zeytullaev] }, { changedBy: null, now: seededAt });
    expect(report.prisoners).toMatchObject({ updated: 1, moved: 1, statusChanged: 0 });
    expect((await getPrisonerHistory(db, "zeytullaev-ruslan")).at(-1)).toMatchObject({
      field: "institution",
      oldValue: "ik-2-salavat",
      newValue: "ik-4-torzhok",
      changedBy: null,
    });
  });

  it("keeps the organisers' relay chat out of imports", async () => {
    const { db } = await seeded();
    await db.updateTable("campaigns").set({ relay_chat_id: -1001234 }).where("slug", "=", "open-letter-2025").execute();
    await seedDirectory(db, { now: new Date("2026-11-26T00:00:00Z") });
    const row = await db.selectFrom("campaigns").select("relay_chat_id").where("slug", "=", "open-letter-2025").executeTakeFirst();
    expect(row?.relay_chat_id).toBe(-1001234);
    expect((await listCampaigns(db)).map((campaign) => campaign.slug)).toHaveLength(3);
  });
});

describe("reads for other features", () => {
  it("builds search entries from the database and notices changes through the version", async () => {
    const { db } = await seeded();
    const index = buildSearchIndex(await loadSearchEntries(db));
    expect(searchPrisoners(index, "Балуху").hits[0]?.slug).toBe("balukh-volodymyr");
    const before = await directoryVersion(db);
    await movePrisoner(db, "shestun-alexander", { institution: "ik-4-torzhok", asOf: "2026-11-22", sourceUrl: "https://example.org/s", changedBy: 1 });
    expect(await directoryVersion(db)).not.toBe(before);
    expect((await getInstitutionBySlug(db, "ik-4-torzhok"))?.fsinPismo.name).toBe("ИК-4 Торжок");
  });

  it("browses people a letter can reach, fewest letters in the last 30 days first", async () => {
    const { db } = await seeded();
    await movePrisoner(db, "shestun-alexander", { institution: "ik-4-torzhok", asOf: "2026-11-22", sourceUrl: "https://example.org/s", changedBy: 1 });
    const entries = await browsePrisonersByFewestLetters(db, {
      letterCounts: new Map([["kagarlitsky-boris", 7]]),
      today: new Date("2026-11-23T00:00:00Z"),
    });
    expect(entries.map((entry) => [entry.prisoner.slug, entry.letters])).toEqual([
      ["shestun-alexander", 0],
      ["kagarlitsky-boris", 7],
    ]);
  });
});

function readDirectorySeedFromJson(text: string) {
  return parseDirectoryFile(JSON.parse(text), "export.json");
}
