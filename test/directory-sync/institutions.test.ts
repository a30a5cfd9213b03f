import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { listInstitutionAliasEntries, searchInstitutions } from "../../src/db/repositories/institution-aliases.js";
import { getInstitutionBySlug } from "../../src/db/repositories/institutions.js";
import { seedDirectory } from "../../src/db/repositories/directory-document.js";
import { designationOf, institutionMatchKey } from "../../src/domain/institutions/match-key.js";
import { buildInstitutionIndex, matchInstitution } from "../../src/domain/institutions/match.js";
import { parsePenitentiaryXml } from "../../src/domain/institutions/penitentiary-xml.js";
import { loadPenitentiaryInstitutions, penitentiaryFile } from "../../src/services/directory-sync/institutions.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";

const now = new Date("2026-12-06T08:00:00Z");
let testDb: TestDatabase | undefined;
afterEach(async () => testDb?.cleanup());

describe("institution match keys", () => {
  it("folds «ИК № 4», «ИК 4» and «ИК-4», quotes, ФКУ and the territorial body's forms into one key", () => {
    const forms = [
      "ФКУ «ИК № 4 УФСИН России по Тверской области»",
      "ИК-4 УФСИН по Тверской области",
      "ФКУ ИК 4 ГУФСИН России по Тверской области",
      "Федеральное казенное учреждение «Исправительная колония № 4 УФСИН России по Тверской области»",
    ];
    expect(new Set(forms.map(institutionMatchKey)).size).toBe(1);
    expect(designationOf(forms[3] as string)).toBe("ИК-4");
  });

  it("folds Latin look-alike letters inside Cyrillic words, never in Latin words", () => {
    expect(institutionMatchKey("ФКУ СИЗО-4 ФСИН России, Роcтовская область")).toBe(institutionMatchKey("ФКУ СИЗО-4 ФСИН России, Ростовская область"));
    expect(institutionMatchKey("Aнгарская")).toBe(institutionMatchKey("Ангарская"));
    expect(institutionMatchKey("Pskov")).toBe("PSKOV");
  });
});

describe("penitentiary.xml", () => {
  const facilities = parsePenitentiaryXml(readFileSync(penitentiaryFile(), "utf8"));

  it("reads all 948 facilities with every alias, a six-digit postcode and unique ids", () => {
    expect(facilities).toHaveLength(948);
    // 1,448 names of which 4 are repeated inside their own facility.
    expect(facilities.reduce((sum, facility) => sum + facility.names.length, 0)).toBe(1444);
    expect(facilities.every((facility) => /^\d{6}$/.test(facility.zip))).toBe(true);
    expect(new Set(facilities.map((facility) => facility.slug)).size).toBe(948);
    expect(facilities.filter((facility) => facility.jurisdiction === "Ukraine")).toHaveLength(4);
  });

  it("keeps the address exactly as the file gives it: first name, location, postcode", () => {
    const lefortovo = facilities.find((facility) => facility.names.includes("ФКУ СИЗО-2 ФСИН России («Лефортово»)"));
    expect(lefortovo?.postalAddress).toBe("ФКУ СИЗО-2 ФСИН России («Лефортово»)\nЛефортовский вал д. 5, г. Москва\n111020");
    expect(lefortovo?.type).toBe("sizo");
    expect(lefortovo?.shortName).toBe("СИЗО-2 (Москва)");
  });

  it("rejects a file that is not the facilities list", () => {
    expect(() => parsePenitentiaryXml("<penitentiary></penitentiary>")).toThrow(/no <facility>/);
    expect(() => parsePenitentiaryXml("<penitentiary><facility><name>X</name><location>y</location><zip>12</zip></facility></penitentiary>")).toThrow(/six-digit zip/);
  });
});

describe("loading the institutions and matching facility strings", () => {
  async function loaded() {
    testDb = await createTestDatabase();
    await seedDirectory(testDb.db, { now });
    const result = await loadPenitentiaryInstitutions(testDb.db, { now });
    const index = buildInstitutionIndex(await listInstitutionAliasEntries(testDb.db));
    return { db: testDb.db, result, index };
  }

  it("loads every facility once; a second load changes nothing", async () => {
    const { db, result } = await loaded();
    expect(result.facilities).toBe(948);
    expect(result.inserted + result.mergedIntoSeed).toBe(948);
    const count = async () => Number((await db.selectFrom("institutions").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    const before = await count();
    const again = await loadPenitentiaryInstitutions(db, { now });
    expect(again.inserted).toBe(0);
    expect(await count()).toBe(before);
    const aliases = Number((await db.selectFrom("institution_aliases").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    expect(aliases).toBe(1444);
  }, 60_000);

  it("matches Memorial's, OVD-Info's and organisers' spellings of one facility to it", async () => {
    const { db, index } = await loaded();
    const memorial = matchInstitution(index, "ФКУ СИЗО-1 УФСИН России по Республике Крым и г. Севастополю");
    expect(memorial.kind).toBe("exact");
    const slug = memorial.kind === "exact" ? memorial.slug : "";
    expect(matchInstitution(index, "ФКУ СИЗО-1 УФСИН России по Республике Крым и г. Севастополь | Оккупированная территория Республики Крым")).toEqual({ kind: "exact", slug });
    const institution = await getInstitutionBySlug(db, slug);
    expect(institution?.postalAddress?.text).toContain("295006");
    expect(matchInstitution(index, "Керчь | ФКУ «ИК № 2 УФСИН по Республике Крым и г. Севастополю»").kind).toBe("exact");
  });

  it("never matches an invented facility, and offers only candidates for a partial match", async () => {
    const { index } = await loaded();
    expect(matchInstitution(index, "ФКУ ИК-999 УФСИН России по Тестовой области")).toEqual({ kind: "none" });
    const partial = matchInstitution(index, "ИК-2 в Керчи", { postcode: "298330" });
    expect(partial.kind).toBe("candidates");
  });

  it("finds facilities by words a user types", async () => {
    const { db } = await loaded();
    const found = await searchInstitutions(db, "сизо 2 лефортово", 5);
    expect(found.map((row) => row.name)).toContain("СИЗО-2 (Москва)");
  });
});
