/**
 * Routes from facts: an imported person gets FSIN-pismo only when their facility is on FSIN-pismo's list, and the
 * post route only with a sourced address; the packets carry the facility's exact names and address.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { getInstitutionBySlug } from "../../src/db/repositories/institutions.js";
import { getPrisonerBySlug } from "../../src/db/repositories/prisoners.js";
import { directRoutes } from "../../src/domain/directory/write-decision.js";
import { renderFsinPismoPacket, renderPostInstructions } from "../../src/domain/letters/delivery.js";
import { recipientFromPrisoner } from "../../src/domain/letters/recipient.js";
import { movePrisoner } from "../../src/db/repositories/prisoner-history.js";
import { letterRecipient } from "../../src/services/letters/recipient.js";
import { parseSyncConfig } from "../../src/services/directory-sync/config.js";
import { runDirectorySync } from "../../src/services/directory-sync/engine.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { sampleRegistry } from "../helpers/registries.js";
import { SourceServer } from "../helpers/source-server.js";

let testDb: TestDatabase | undefined;
let server: SourceServer | undefined;
afterEach(async () => {
  await server?.stop();
  await testDb?.cleanup();
});

const now = () => new Date("2026-12-06T08:00:00Z");

async function imported(fsinPismo: unknown) {
  testDb = await createTestDatabase();
  const registry = sampleRegistry();
  registry.fsinPismo = fsinPismo;
  server = await SourceServer.start(registry);
  const summaries = await runDirectorySync({ db: testDb.db, config: parseSyncConfig(server.env(0)), sources: ["memorial", "fsin-pismo"], now });
  const prisoner = await getPrisonerBySlug(testDb.db, "testov-test-m9000001");
  if (!prisoner?.location.institution) throw new Error("the sample person was not imported with a facility");
  const institution = await getInstitutionBySlug(testDb.db, prisoner.location.institution);
  return { prisoner, institution, summaries };
}

describe("routes for an imported person", () => {
  it("FSIN-pismo and post for a facility on FSIN-pismo's list, with its exact names and address", async () => {
    const { prisoner, institution, summaries } = await imported([
      { name: "Республика Крым", departments: [{ name: "СИЗО-1 Симферополь" }, { name: "ИК-999 (нет такой)" }] },
    ]);
    expect(summaries[1]?.counts.skipped).toEqual({ "no-institution": 1 });
    expect(directRoutes(prisoner, institution)).toEqual(["fsin-pismo", "post"]);
    const recipient = recipientFromPrisoner(prisoner, institution);
    const packet = renderFsinPismoPacket(recipient);
    expect(packet).toMatchObject({ region: "Республика Крым", institution: "СИЗО-1 Симферополь" });
    expect(packet?.recipient).toContain("Тестов Тест Тестович");
    const post = renderPostInstructions(recipient);
    expect(post?.envelope.addressLines).toEqual([
      "ФКУ СИЗО-1 УФСИН России по Республике Крым и г. Севастополю",
      "ул. Бульвар Ленина д. 4, г. Симферополь, Крым",
      "295006",
    ]);
    // The person's own letter block from Memorial's page names the same facility: it goes on the envelope, with its
    // source and date.
    const own = renderPostInstructions(await letterRecipient(testDb!.db, prisoner, institution));
    expect(own?.envelope.addressLines).toEqual([
      "295006, Республика Крым, г. Симферополь, ул. Бульвар Ленина, д. 4, ФКУ СИЗО-1 УФСИН России по Республике Крым и г. Севастополю",
    ]);
    const note = own?.warnings.find((warning) => warning.key === "letter-post-address-source");
    expect(note?.args).toMatchObject({ source: "memopzk.org", url: expect.stringContaining("memopzk.org"), asOf: prisoner.status.asOf });
    expect(institution?.postalAddress).toMatchObject({ asOf: "2026-06-12", sourceUrl: expect.stringContaining("bronikkk/polit-sake") });
  });

  it("no FSIN-pismo when the facility is not on the list; still the sourced postal address", async () => {
    const { prisoner, institution } = await imported([{ name: "Тестовая область", departments: [{ name: "СИЗО-99 (синтетический)" }] }]);
    expect(institution?.fsinPismo.available).not.toBe(true);
    expect(directRoutes(prisoner, institution)).toEqual(["post"]);
    expect(renderFsinPismoPacket(recipientFromPrisoner(prisoner, institution))).toBeUndefined();
  });
});

describe("the envelope address of an imported person", () => {
  it("is the facility's when the person's letter block names another facility than the card's current one", async () => {
    const { prisoner } = await imported([]);
    const db = testDb!.db;
    await movePrisoner(db, prisoner.slug, { institution: "ik-2-298330", asOf: "2026-12-01", sourceUrl: "https://example.org/moved", changedBy: 1, now: now() });
    const moved = await getPrisonerBySlug(db, prisoner.slug);
    const kerch = await getInstitutionBySlug(db, "ik-2-298330");
    if (!moved || !kerch?.postalAddress) throw new Error("polit-sake's IK-2 Kerch with its address is expected");
    const post = renderPostInstructions(await letterRecipient(db, moved, kerch));
    expect(post?.envelope.addressLines.join("\n")).toBe(kerch.postalAddress.text.split("\n").map((line) => line.trim()).filter(Boolean).join("\n"));
    expect(post?.warnings.some((warning) => warning.key === "letter-post-address-source")).toBe(false);
  });
});

describe("a partial FSIN-pismo list", () => {
  const crimea = (...departments: string[]) => [{ name: "Республика Крым", departments: departments.map((name) => ({ name })) }];
  const served = async (db: TestDatabase["db"]) =>
    (await db.selectFrom("institutions").select("slug").where("fsin_pismo", "=", 1).orderBy("slug").execute()).map((row) => row.slug);
  const listFile = (payload: unknown) => {
    const file = join(mkdtempSync(join(tmpdir(), "lysty-fsin-")), "regions.json");
    writeFileSync(file, JSON.stringify(payload));
    return file;
  };

  it("only adds; the facilities it does not name keep the flag until a complete list leaves them out", async () => {
    testDb = await createTestDatabase();
    const registry = sampleRegistry();
    registry.fsinPismo = crimea("СИЗО-1 Симферополь", "ИК-2 Керчь");
    server = await SourceServer.start(registry);
    const config = parseSyncConfig(server.env(0));
    // The download is the whole list.
    await runDirectorySync({ db: testDb.db, config, sources: ["fsin-pismo"], now });
    const both = await served(testDb.db);
    expect(both).toHaveLength(2);

    // A file with one region's part of the list: Kerch is not named, and keeps its flag.
    const partial = listFile(crimea("СИЗО-1 Симферополь"));
    const [summary] = await runDirectorySync({ db: testDb.db, config, sources: ["fsin-pismo"], file: partial, now });
    expect(summary?.failed).toBeNull();
    expect(await served(testDb.db)).toEqual(both);

    // The same file declared complete: now Kerch is known not to be served.
    await runDirectorySync({ db: testDb.db, config, sources: ["fsin-pismo"], file: partial, fsinPismoComplete: true, now });
    const simferopol = await served(testDb.db);
    expect(simferopol).toHaveLength(1);
    expect(both).toContain(simferopol[0]);
    const kerch = both.find((slug) => slug !== simferopol[0]) as string;
    expect((await getInstitutionBySlug(testDb.db, kerch))?.fsinPismo.available).toBe(false);
  });
});
