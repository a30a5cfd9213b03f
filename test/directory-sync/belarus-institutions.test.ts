/**
 * Belarusian facilities (issue 11, item 4): loaded from a sourced file with source, date and no invented address;
 * Viasna-style facility strings find them; a person there gets the Belarus post route only where a source printed a
 * complete address, and otherwise the card shows no address rather than a guess.
 */
import { afterEach, describe, expect, it } from "vitest";
import { listInstitutionAliasEntries, searchInstitutions } from "../../src/db/repositories/institution-aliases.js";
import { getInstitutionBySlug, listInstitutions } from "../../src/db/repositories/institutions.js";
import { buildInstitutionIndex, matchInstitution } from "../../src/domain/institutions/match.js";
import { recipientFromPrisoner } from "../../src/domain/letters/recipient.js";
import { renderPostInstructions } from "../../src/domain/letters/delivery.js";
import type { PrisonerRecord } from "../../src/domain/directory/types.js";
import { loadBelarusInstitutions } from "../../src/services/directory-sync/belarus-institutions.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";

const now = new Date("2026-12-06T08:00:00Z");
let testDb: TestDatabase | undefined;
afterEach(async () => testDb?.cleanup());

function personIn(institution: string): PrisonerRecord {
  const source = "https://prisoners.spring96.org/ru/person/synthetic-test";
  return {
    slug: "testava-maryia",
    names: {
      ru: { surname: "Тестова", given: "Мария", patronymic: null },
      uk: { surname: "Тестова", given: "Марія", patronymic: null },
      latin: { surname: "Testava", given: "Maryia", patronymic: null },
    },
    altSpellings: [],
    gender: "female",
    birthYear: 1982,
    birthYearAlternatives: [],
    birthDate: null,
    birthNote: null,
    system: "by",
    status: { value: "sentenced", asOf: "2026-08-30", sourceUrl: source, confidence: "confirmed", note: null },
    location: { institution, asOf: "2026-08-30", sourceUrl: source, believedCurrent: true },
    summary: { uk: "", en: "", ru: "" },
    interests: { tags: [], sourceUrl: null },
    letters: { allowed: true, reason: null },
    hashtag: "#Тестова",
    campaigns: [],
  };
}

describe("Belarusian facilities", () => {
  it("load with a source and date each, addresses only where a source printed a complete one, idempotently", async () => {
    testDb = await createTestDatabase();
    const { db } = testDb;
    const first = await loadBelarusInstitutions(db, { now });
    const again = await loadBelarusInstitutions(db, { now });
    expect(again).toEqual(first);
    expect(first.institutions).toBeGreaterThanOrEqual(6);
    const belarusian = (await listInstitutions(db)).filter((institution) => institution.system === "by");
    expect(belarusian).toHaveLength(first.institutions);
    for (const institution of belarusian) {
      expect(institution.sourceUrl).toMatch(/^https:\/\//);
      expect(institution.note).toMatch(/Source as of \d{4}-\d{2}-\d{2}\.$/);
      expect(institution.fsinPismo.available).toBe(false);
      // A postal address always ends with a postcode and town, and carries its own source and date.
      if (institution.postalAddress) {
        expect(institution.postalAddress.text).toMatch(/\d{6}, г\. \S+$/u);
        expect(institution.postalAddress.sourceUrl).toMatch(/^https:\/\//);
      }
    }
    const gomel = await getInstitutionBySlug(db, "by-ik-4-gomel");
    expect(gomel?.postalAddress).toEqual({ text: "ИК №4\nул. Антошкина, 3\n246035, г. Гомель", sourceUrl: "https://www.lphr.org/en/postkarten-aktion-politische-gefangene-belarus/", asOf: "2020-12" });
    expect((await getInstitutionBySlug(db, "by-ik-1-novopolotsk"))?.postalAddress).toBeNull();
    // A writer naming someone not in the list can now pick a Belarusian facility.
    expect((await searchInstitutions(db, "Шклов", 5)).map((found) => found.slug)).toEqual(["by-ik-17-shklov"]);
  });

  it("match the facility strings Viasna's export and organisers write", async () => {
    testDb = await createTestDatabase();
    const { db } = testDb;
    await loadBelarusInstitutions(db, { now });
    const index = buildInstitutionIndex(await listInstitutionAliasEntries(db));
    expect(matchInstitution(index, "Исправительная колония № 4 г. Гомель")).toEqual({ kind: "exact", slug: "by-ik-4-gomel" });
    expect(matchInstitution(index, "ИК-17 Шклов")).toEqual({ kind: "exact", slug: "by-ik-17-shklov" });
    expect(matchInstitution(index, "Тюрьма № 8 Жодино")).toEqual({ kind: "exact", slug: "by-t-8-zhodino" });
  });

  it("give the Belarus post packet with the sourced address, and no packet where the address is unknown", async () => {
    testDb = await createTestDatabase();
    const { db } = testDb;
    await loadBelarusInstitutions(db, { now });
    const gomel = await getInstitutionBySlug(db, "by-ik-4-gomel");
    const post = renderPostInstructions(recipientFromPrisoner(personIn("by-ik-4-gomel"), gomel));
    expect(post?.envelope).toEqual({ recipient: "Тестова Мария", addressLines: ["ИК №4", "ул. Антошкина, 3", "246035, г. Гомель"], countryLine: "REPUBLIC OF BELARUS" });
    expect(post?.warnings.map((warning) => warning.key)).toContain("letter-post-by-no-e-letters");
    const novopolotsk = await getInstitutionBySlug(db, "by-ik-1-novopolotsk");
    expect(renderPostInstructions(recipientFromPrisoner(personIn("by-ik-1-novopolotsk"), novopolotsk))).toBeUndefined();
  });
});
