import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFsinPismoRegions } from "../../src/domain/directory-sources/fsin-pismo.js";
import { listFileFacts, parseMemorialListCsv } from "../../src/domain/directory-sources/memorial-list-csv.js";
import { parseLetterBlock } from "../../src/domain/directory-sources/memorial-letter-block.js";
import { parsePersonPage } from "../../src/domain/directory-sources/memorial-person-page.js";
import { parseMemorialListPage } from "../../src/domain/directory-sources/memorial-rest.js";
import { parseOvdData, parseOvdLocations } from "../../src/domain/directory-sources/ovd-info.js";
import { SourceFormatError } from "../../src/domain/directory-sources/types.js";
import { parseViasnaCsv, viasnaDate } from "../../src/domain/directory-sources/viasna.js";

const SAMPLES = join(import.meta.dirname, "..", "fixtures", "source-samples");
const sample = (file: string) => readFileSync(join(SAMPLES, file), "utf8");
const json = (file: string) => JSON.parse(sample(file)) as unknown;
const fetchedAt = "2026-12-06T08:00:00.000Z";

describe("Memorial REST list page", () => {
  it("reads the real page: status from stage and measure, recognition only from the lists, provenance kept", () => {
    const { records, skipped } = parseMemorialListPage(json("memopzk-rest-figurants.json"), fetchedAt);
    expect(skipped).toEqual([]);
    expect(records).toHaveLength(7);
    const byId = new Map(records.map((record) => [record.provenance.sourceRecordId, record]));
    const yarosh = byId.get("65522");
    expect(yarosh).toMatchObject({ custody: "in_custody", stage: "pretrial", recognition: "persecuted", gender: "male", statusAsOf: "2026-09-15" });
    expect(yarosh?.provenance).toMatchObject({ source: "memorial", sourceModifiedAt: "2026-09-15T22:04:40.000Z", fetchedAt, parserVersion: "memorial-rest@1" });
    expect(yarosh?.provenance.rawSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(byId.get("57675")).toMatchObject({ custody: "deceased", recognition: "none" });
    expect(byId.get("41582")).toMatchObject({ recognition: "political_prisoner", custody: "in_custody", gender: "female" });
    expect(byId.get("43201")?.region).toBe("luganskaya-oblast");
    const mandrygina = byId.get("29029");
    expect(mandrygina?.name).toMatchObject({ display: "Мандрыгина Евгения Михайловна", alternatives: ["Шелковникова Евгения Михайловна"] });
    expect(mandrygina?.custody).toBe("not_in_custody");
  });

  it("skips initials-only cards and keeps surname-with-initials ones; released from the stage", () => {
    const { records, skipped } = parseMemorialListPage(json("memopzk-rest-figurants-edge-cases.synthetic.json"), fetchedAt);
    expect(skipped).toEqual([{ sourceRecordId: "9000003", reason: "anonymous" }]);
    const byId = new Map(records.map((record) => [record.provenance.sourceRecordId, record]));
    expect(byId.get("9000001")).toMatchObject({ recognition: "political_prisoner", stage: "sentenced", region: "krym" });
    expect(byId.get("9000002")).toMatchObject({ custody: "released" });
    expect(byId.get("9000004")?.name.display).toBe("Образцов П. П.");
    expect(byId.get("9000005")).toMatchObject({ custody: "not_in_custody", recognition: "persecuted" });
  });

  it("rejects a payload that is not a list, and skips records of the wrong shape", () => {
    expect(() => parseMemorialListPage({ code: "rest_post_invalid_page_number" }, fetchedAt)).toThrow(SourceFormatError);
    expect(parseMemorialListPage([{ id: "x" }], fetchedAt).skipped).toEqual([{ sourceRecordId: null, reason: "malformed-record" }]);
  });
});

describe("Memorial letter blocks and person pages", () => {
  const cases = (json("memopzk-letter-blocks.synthetic.json") as { cases: { case: string; text: string; expected: Record<string, unknown> }[] }).cases;
  it.each(cases.map((entry) => [entry.case, entry] as const))("parses «%s»", (_, entry) => {
    const parsed = parseLetterBlock(entry.text);
    expect({
      channel_hint: parsed.channelHint,
      postcode: parsed.postcode,
      institution: parsed.institution,
      addressee_dative: parsed.addresseeDative,
      birth_year: parsed.birthYear,
      address_state: parsed.addressState,
    }).toEqual(entry.expected);
  });

  it("reads the letter block, the unit and the birth date of a person page, never the photo", () => {
    const page = parsePersonPage(sample("memopzk-person-page.synthetic.html"));
    expect(page).toMatchObject({ name: "Тестов Тест Тестович", birthDate: "1981-05-05", birthYear: 1981 });
    expect(page.letter.address).toBe("295006, Республика Крым, г. Симферополь, ул. Бульвар Ленина, д. 4, ФКУ СИЗО-1 УФСИН России по Республике Крым и г. Севастополю");
    expect(JSON.stringify(page)).not.toContain("synthetic-photo");
    const crimean = parsePersonPage(sample("memopzk-person-page-crimean-solidarity.synthetic.html"));
    expect(crimean).toMatchObject({ birthDate: null, birthYear: 1990 });
    expect(crimean.letter).toMatchObject({ channelHint: "crimean-solidarity", postcode: "000000" });
    expect(crimean.letter.address).toContain("отряд 3");
  });

  it("says so when the page changed shape", () => {
    expect(() => parsePersonPage("<html><body><p>Maintenance</p></body></html>")).toThrow(SourceFormatError);
  });
});

describe("Memorial list CSV", () => {
  it("skips the unrecorded header line and reads name; ?p= link rows, with the file's count and date", () => {
    const { records, skipped } = parseMemorialListCsv(sample("list_4_17-09-2026.synthetic.csv"));
    expect(skipped).toEqual([]);
    expect(records).toEqual([
      { name: "Тестов Тест Тестович", postId: "9000001" },
      { name: "Примерова (Образцова) Проба Тестовна", postId: "9000002" },
      { name: "Образцов П. П.", postId: "9000004" },
      { name: "Проверкин Пример", postId: "9000006" },
    ]);
    expect(listFileFacts("list_4_17-09-2026.synthetic.csv".replace(".synthetic", ""))).toEqual({ rows: 4, asOf: "2026-09-17" });
    expect(parseMemorialListCsv("h\nОдин;https://memopzk.org/?p=1;extra\nДва\n").skipped).toHaveLength(2);
  });
});

describe("OVD-Info", () => {
  it("groups rows by person, takes custody from any current persecution and the current facility by Lysty's order", () => {
    const { records } = parseOvdData(json("ovdinfo-v1-data.synthetic.json"), fetchedAt, (id) => `https://ovd.info/?person=${id}`);
    expect(records).toHaveLength(4);
    const byId = new Map(records.map((record) => [record.provenance.sourceRecordId, record]));
    expect(byId.get("recSYNTHPERSON0001")).toMatchObject({
      birthYear: 1981,
      custody: "in_custody",
      recognition: "none",
      institutionRaw: "Керчь | ФКУ «ИК № 2 УФСИН по Республике Крым и г. Севастополю»",
      statusAsOf: "2026-12-06",
    });
    // The facility string had a non-breaking space and a trailing newline.
    expect(byId.get("recSYNTHPERSON0002")?.institutionRaw).toBe("ФКУ СИЗО-1 УФСИН России по Херсонской области | Оккупированная территория Херсонской области");
    expect(byId.get("recSYNTHPERSON0003")?.custody).toBe("released");
    expect(byId.get("recSYNTHPERSON0004")).toMatchObject({ custody: "in_custody", birthYear: null });
    expect(JSON.stringify(records)).not.toContain("Синтетическая история");
  });

  it("reads locations in either envelope and rejects anything else", () => {
    const { records } = parseOvdLocations(json("ovdinfo-v1-locations.synthetic.json"));
    expect(records.map((location) => location.address)).toEqual(["298330, Республика Крым, г. Керчь, Индустриальное шоссе, д. 17", "295006, Республика Крым, г. Симферополь, бульвар Ленина, д. 4", null]);
    expect(parseOvdLocations((json("ovdinfo-v1-locations.synthetic.json") as { data: unknown[] }).data).records).toHaveLength(3);
    expect(() => parseOvdData("<html>", fetchedAt, String)).toThrow(SourceFormatError);
  });
});

describe("Viasna export", () => {
  const context = { exportDate: "2026-08-30", fetchedAt };

  it("reads the machine export: only active is a political prisoner, np never, died is deceased", () => {
    const { records, skipped } = parseViasnaCsv(sample("viasna-export.synthetic.csv"), context);
    expect(skipped).toEqual([]);
    const byId = new Map(records.map((record) => [record.provenance.sourceRecordId, record]));
    expect(byId.get("900001")).toMatchObject({
      recognition: "political_prisoner",
      custody: "in_custody",
      stage: "sentenced",
      system: "by",
      birthDate: "1980-01-02",
      institutionRaw: "Исправительная колония № 99 (синтетическая)",
      postalAddress: "Исправительная колония № 99 (синтетическая)\n000000, г. Тестовск, ул. Примерная, 1",
      name: { surname: "Тестов", given: "Тест" },
      statusAsOf: "2026-08-30",
    });
    expect(byId.get("900002")).toMatchObject({ birthYear: 1991, institutionRaw: "СИЗО № 98 (синтетический)", postalAddress: "СИЗО № 98 (синтетический)\n000000, г. Примерск, ул. Тестовая, 2", stage: "pretrial" });
    expect(byId.get("900003")).toMatchObject({ recognition: "former_political_prisoner", custody: "released" });
    expect(byId.get("900004")).toMatchObject({ recognition: "persecuted" });
    expect(byId.get("900005")).toMatchObject({ custody: "not_in_custody" });
    expect(byId.get("900006")).toMatchObject({ custody: "deceased" });
  });

  it("reads the localized export without ids: free-text statuses and dates", () => {
    const { records } = parseViasnaCsv(sample("viasna-export-ru-localized.synthetic.csv"), context);
    expect(records.map((record) => [record.provenance.sourceRecordId, record.recognition, record.birthDate, record.birthYear, record.custody])).toEqual([
      ["name:Тестов Тест|1980-01-02", "political_prisoner", "1980-01-02", 1980, "in_custody"],
      ["name:Тестова Проба|1991-07", "former_political_prisoner", null, 1991, "released"],
      ["name:Примеров Тест|?", "none", null, null, "unknown"],
    ]);
    expect(viasnaDate("май 2020")).toBe("2020-05");
    expect(viasnaDate("неизвестно")).toBeNull();
  });

  it("skips a row with missing or extra columns and a BOM does not hide the header", () => {
    const text = "\uFEFFid,url,name,status\n1,,Тест Тестов,active\n2,,Проба Пробова\n3,,Тест Три,active,extra\n";
    const { records, skipped } = parseViasnaCsv(text, context);
    expect(records.map((record) => record.provenance.sourceRecordId)).toEqual(["1"]);
    expect(skipped).toEqual([
      { sourceRecordId: "2", reason: "wrong-column-count" },
      { sourceRecordId: "3", reason: "wrong-column-count" },
    ]);
    expect(() => parseViasnaCsv("a,b\n1,2\n", context)).toThrow(SourceFormatError);
  });
});

describe("FSIN-pismo list", () => {
  it("lists departments per region, skipping empty names, and ignores unknown keys", () => {
    const { records, skipped } = parseFsinPismoRegions(json("fsin-pismo-regions.synthetic.json"));
    expect(records).toEqual([
      { region: "Тестовая область", department: "СИЗО-99 (синтетический)" },
      { region: "Тестовая область", department: "ИК-999 (синтетическая)" },
      { region: "Тестовая область", department: "КП-998 Примерная (синтетическая)" },
      { region: "Примерный край", department: "ИК-997 (синтетическая)" },
    ]);
    expect(skipped).toEqual([{ sourceRecordId: null, reason: "empty-department" }]);
    expect(() => parseFsinPismoRegions({})).toThrow(SourceFormatError);
  });
});
