/**
 * `prisoner_intermediaries` from a source (issue 11, item 5): when Memorial's letter block says letters go through
 * Crimean Solidarity's page, the sync records that service for the person with the page, the source's own date and
 * the person page as source; a block that names no service records nothing.
 */
import { afterEach, describe, expect, it } from "vitest";
import { intermediariesOf } from "../../src/db/repositories/intermediaries.js";
import { parseSyncConfig } from "../../src/services/directory-sync/config.js";
import { runDirectorySync } from "../../src/services/directory-sync/engine.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { sampleRegistry, sampleText } from "../helpers/registries.js";
import { SourceServer } from "../helpers/source-server.js";

let testDb: TestDatabase | undefined;
let server: SourceServer | undefined;
afterEach(async () => {
  await server?.stop();
  await testDb?.cleanup();
});

describe("intermediaries named by a source", () => {
  it("records Crimean Solidarity from Memorial's letter block, and nothing where the block names no service", async () => {
    testDb = await createTestDatabase();
    const registry = sampleRegistry();
    // The same card, once with the Crimean Solidarity letter block on its person page.
    registry.personPages = new Map([[9000001, sampleText("memopzk-person-page-crimean-solidarity.synthetic.html")]]);
    server = await SourceServer.start(registry);
    const config = parseSyncConfig(server.env(0));
    await runDirectorySync({ db: testDb.db, config, sources: ["memorial"], now: () => new Date("2026-12-06T08:00:00Z") });
    const card = registry.memorialCards.find((entry) => entry.id === 9000001)!;
    const rows = await intermediariesOf(testDb.db, "testov-test-m9000001");
    expect(rows).toEqual([
      {
        prisoner_slug: "testov-test-m9000001",
        service: "Крымская солидарность",
        url: "https://crimean-solidarity.org/jaz-ummetim",
        as_of: card.modified_gmt.slice(0, 10),
        source: card.link,
      },
    ]);
    const others = await testDb.db.selectFrom("prisoner_intermediaries").select("prisoner_slug").where("prisoner_slug", "!=", "testov-test-m9000001").execute();
    expect(others).toEqual([]);
  });
});
