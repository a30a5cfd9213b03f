import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isPartialDate } from "../../src/domain/directory/partial-date.js";
import { directorySeedFolder, readDirectorySeed } from "../../src/domain/directory/seed-files.js";
import type { PrisonerRecord } from "../../src/domain/directory/types.js";
import { DirectoryDataError, parseDirectoryFile } from "../../src/domain/directory/validate.js";

const seed = readDirectorySeed();
const bySlug = new Map(seed.prisoners.map((prisoner) => [prisoner.slug, prisoner]));
const get = (slug: string) => {
  const prisoner = bySlug.get(slug);
  if (!prisoner) throw new Error(`${slug} is missing from the seed`);
  return prisoner;
};

describe("the shipped directory", () => {
  it("holds everyone the seed articles name, with the birth years of the 2015/16 marathon list", () => {
    const marathon: [string, number][] = [
      ["zeytullaev-ruslan", 1984],
      ["primov-yuri", 1976],
      ["sayfullaev-ferat", 1983],
      ["vaitov-rustem", 1985],
      ["chiygoz-akhtem", 1964],
      ["degermendzhy-mustafa", 1989],
      ["asanov-ali", 1982],
      ["ilchenko-yuri", 1978],
    ];
    for (const [slug, year] of marathon) expect(get(slug).birthYear, slug).toBe(year);
    const openLetter = seed.prisoners.filter((prisoner) => prisoner.campaigns.includes("open-letter-2025"));
    expect(openLetter.map((prisoner) => prisoner.names.latin.surname).sort()).toEqual(
      ["Arkhipova", "Domnin", "Gorinov", "Kagarlitsky", "Kamardin", "Kozyreva", "Miftakhov", "Pchelintsev", "Shakursky", "Shestun", "Trofimov"],
    );
    expect(get("balukh-volodymyr").birthYear).toBe(1971);
    expect(seed.prisoners).toHaveLength(20);
  });

  it("gives every record a status, its as-of date and a source", () => {
    for (const prisoner of seed.prisoners) {
      expect(isPartialDate(prisoner.status.asOf), prisoner.slug).toBe(true);
      expect(prisoner.status.sourceUrl, prisoner.slug).toMatch(/^https?:\/\/[^ ]+\.[a-z]{2,}\//);
    }
  });

  it("keeps free people in the directory, marked free and closed to letters", () => {
    expect(get("balukh-volodymyr").status).toMatchObject({ value: "exchanged", asOf: "2019-09-07" });
    expect(get("chiygoz-akhtem").status).toMatchObject({ value: "released", asOf: "2017-10-25" });
    for (const slug of ["balukh-volodymyr", "chiygoz-akhtem", "primov-yuri", "vaitov-rustem", "sayfullaev-ferat", "kozyreva-darya"]) {
      expect(get(slug).letters.allowed, slug).toBe(false);
      expect(get(slug).location.institution, slug).toBeNull();
    }
  });

  it("says when a status is inferred rather than confirmed", () => {
    const kozyreva = get("kozyreva-darya");
    expect(kozyreva.status).toMatchObject({ value: "released", asOf: "2026-03-18", confidence: "inferred" });
    expect(kozyreva.status.note).toMatch(/inferred/);
  });

  it("keeps Zeytullaev's second birth year and marks his 2017 address as not current", () => {
    const zeytullaev = get("zeytullaev-ruslan");
    expect(zeytullaev.birthYearAlternatives).toEqual([1985]);
    expect(zeytullaev.location).toMatchObject({ institution: "ik-2-salavat", asOf: "2017-09", believedCurrent: false });
    const salavat = seed.institutions.find((institution) => institution.slug === "ik-2-salavat");
    expect(salavat?.postalAddress).toMatchObject({ asOf: "2017-09" });
    expect(salavat?.postalAddress?.sourceUrl).toContain("zmina.info");
  });

  it("places Kagarlitsky where the FSIN-pismo form lists it, and gives no invented addresses", () => {
    const kagarlitsky = get("kagarlitsky-boris");
    expect(kagarlitsky.location).toMatchObject({ institution: "ik-4-torzhok", believedCurrent: true });
    const torzhok = seed.institutions.find((institution) => institution.slug === "ik-4-torzhok");
    expect(torzhok?.fsinPismo).toEqual({ available: true, region: "Тверская область", name: "ИК-4 Торжок" });
    // The only postal address any source gave is zmina.info's for IK-2 Salavat.
    expect(seed.institutions.filter((institution) => institution.postalAddress !== null).map((i) => i.slug)).toEqual(["ik-2-salavat"]);
  });

  it("has a summary in every UI language and a unique hashtag for everyone", () => {
    for (const prisoner of seed.prisoners) {
      for (const locale of ["uk", "en", "ru"] as const) expect(prisoner.summary[locale].length, prisoner.slug).toBeGreaterThan(60);
    }
    expect(new Set(seed.prisoners.map((prisoner) => prisoner.hashtag)).size).toBe(seed.prisoners.length);
    expect(get("balukh-volodymyr").hashtag).toBe("#Балух");
  });
});

describe("data validation", () => {
  let folder: string | undefined;
  afterEach(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = undefined;
  });

  const validPrisoner = (): PrisonerRecord => structuredClone(get("kagarlitsky-boris"));
  const fileWith = (prisoner: unknown) => ({ version: 1, institutions: seed.institutions, campaigns: seed.campaigns, prisoners: [prisoner] });

  it("fails loudly naming the record and the field", () => {
    const broken = { ...validPrisoner(), status: { ...validPrisoner().status, asOf: "Feb 2026" } };
    expect(() => parseDirectoryFile(fileWith(broken), "import.json")).toThrowError(
      /import\.json.*prisoners\[0\] «kagarlitsky-boris» status\.asOf: must be a date like/s,
    );
  });

  it("rejects misspelt fields instead of dropping them", () => {
    const misspelt = { ...validPrisoner(), hashtagg: "#x" };
    expect(() => parseDirectoryFile(fileWith(misspelt), "import.json")).toThrowError(/hashtagg/);
  });

  it("rejects a free person open to letters, unknown references and interests without a source", () => {
    const prisoner = validPrisoner();
    prisoner.status = { ...prisoner.status, value: "released" };
    prisoner.location = { ...prisoner.location, institution: "ik-99-nowhere" };
    prisoner.campaigns = ["no-such-campaign"];
    prisoner.interests = { tags: ["reading"], sourceUrl: null };
    try {
      parseDirectoryFile(fileWith(prisoner), "import.json");
      expect.unreachable("the record should be rejected");
    } catch (error) {
      expect(error).toBeInstanceOf(DirectoryDataError);
      const problems = (error as DirectoryDataError).problems.join("\n");
      expect(problems).toMatch(/letters\.allowed: must be false when status is released/);
      expect(problems).toMatch(/«ik-99-nowhere» is not a known institution/);
      expect(problems).toMatch(/«no-such-campaign» is not a known campaign/);
      expect(problems).toMatch(/interests\.sourceUrl/);
    }
  });

  it("names the broken seed file when the shipped data is damaged", () => {
    folder = mkdtempSync(join(tmpdir(), "lysty-seed-"));
    cpSync(directorySeedFolder(), folder, { recursive: true });
    const path = join(folder, "prisoners.json");
    const data = JSON.parse(readFileSync(path, "utf8")) as { prisoners: { gender: string }[] };
    (data.prisoners[3] as { gender: string }).gender = "m";
    writeFileSync(path, JSON.stringify(data));
    expect(() => readDirectorySeed(folder)).toThrowError(/prisoners\.json.*prisoners\[3\] «[a-z-]+» gender: must be one of male, female/s);
    writeFileSync(path, "{ not json");
    expect(() => readDirectorySeed(folder)).toThrowError(/prisoners\.json.*not valid JSON/s);
  });
});
