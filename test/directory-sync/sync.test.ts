import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from "kysely";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { seedDirectory } from "../../src/db/repositories/directory-document.js";
import { parseSyncConfig } from "../../src/services/directory-sync/config.js";
import { runDirectorySync, type SyncOptions, SyncAlreadyRunningError } from "../../src/services/directory-sync/engine.js";
import { USER_AGENT } from "../../src/services/directory-sync/config.js";
import { createTestDatabase, type TestDatabase } from "../helpers/database.js";
import { generatedMemorialCards, sampleRegistry, sampleText } from "../helpers/registries.js";
import { SourceServer } from "../helpers/source-server.js";

const now = () => new Date("2026-12-06T08:00:00Z");
let testDb: TestDatabase | undefined;
let server: SourceServer | undefined;
afterEach(async () => {
  await server?.stop();
  await testDb?.cleanup();
  server = undefined;
  testDb = undefined;
});

async function world(registry = sampleRegistry(), delayMs = 0) {
  testDb = await createTestDatabase();
  await seedDirectory(testDb.db, { now: now() });
  server = await SourceServer.start(registry);
  const config = parseSyncConfig(server.env(delayMs));
  const sync = (overrides: Partial<SyncOptions> = {}) =>
    runDirectorySync({ db: (testDb as TestDatabase).db, config, sources: ["memorial", "ovd", "viasna"], now, sleep: async () => undefined, ...overrides });
  return { db: testDb.db, server, config, sync };
}

async function snapshot(db: TestDatabase["db"]) {
  const prisoners = await db.selectFrom("prisoners").select(["slug", "status", "status_as_of", "status_source_url", "institution_slug", "birth_year", "letters_allowed"]).orderBy("slug").execute();
  const observations = await db.selectFrom("directory_observations").select(["source", "source_record_id", "prisoner_slug", "outcome", "raw_sha256", "institution_slug"]).orderBy("source").orderBy("source_record_id").execute();
  const reviews = await db.selectFrom("directory_reviews").select(["kind", "prisoner_slug", "payload", "state"]).orderBy("kind").orderBy("prisoner_slug").execute();
  const history = await db.selectFrom("prisoner_history").select(["prisoner_slug", "field", "old_value", "new_value", "as_of", "source_url"]).orderBy("prisoner_slug").orderBy("id").execute();
  return { prisoners, observations, reviews, history };
}

describe("directory sync from the samples", () => {
  it("imports recognised people with provenance, merges one person seen by two sources and queues their disagreement", async () => {
    const { db, sync } = await world();
    const [memorial, ovd, viasna] = await sync();
    expect(memorial?.failed).toBeNull();
    // Savelyeva, Ipatova, Mandrygina and Testov are on Memorial's political-prisoner lists; the rest are not.
    expect(memorial?.counts).toMatchObject({ added: 4, conflicts: 0 });
    expect(memorial?.counts.skipped).toMatchObject({ anonymous: 1, "not-recognised": 7 });

    const testov = await db.selectFrom("prisoners").selectAll().where("surname_ru", "=", "Тестов").where("given_name_ru", "=", "Тест").where("system", "=", "ru").executeTakeFirstOrThrow();
    expect(testov).toMatchObject({ status: "sentenced", status_as_of: "2026-09-01", birth_year: 1981, birth_date: "1981-05-05", status_source_url: "https://memopzk.org/figurant/testov-test-testovich/" });
    const institution = await db.selectFrom("institutions").selectAll().where("slug", "=", testov.institution_slug as string).executeTakeFirstOrThrow();
    expect(institution.official_name).toBe("ФКУ СИЗО-1 УФСИН России по Республике Крым и г. Севастополю");

    const observation = await db.selectFrom("directory_observations").selectAll().where("source", "=", "memorial").where("source_record_id", "=", "9000001").executeTakeFirstOrThrow();
    expect(observation).toMatchObject({ prisoner_slug: testov.slug, fetched_at: "2026-12-06T08:00:00.000Z", source_modified_at: "2026-09-01T12:30:00.000Z", parser_version: "memorial-rest@1", recognition: "political_prisoner" });
    expect(observation.status_raw).toContain("stage-ispolnenie-nakazaniya");
    expect(observation.raw_sha256).toMatch(/^[0-9a-f]{64}$/);

    // OVD-Info has the same person (same name and birth year) in the Kerch colony: one card, and a review item.
    expect(ovd?.counts).toMatchObject({ conflicts: 1, added: 0 });
    const ovdObservation = await db.selectFrom("directory_observations").selectAll().where("source", "=", "ovd").where("source_record_id", "=", "recSYNTHPERSON0001").executeTakeFirstOrThrow();
    expect(ovdObservation.prisoner_slug).toBe(testov.slug);
    const reviews = await db.selectFrom("directory_reviews").selectAll().where("prisoner_slug", "=", testov.slug).execute();
    expect(reviews.map((review) => review.kind)).toEqual(["institution"]);
    expect(JSON.parse(reviews[0]?.payload as string).sides.map((side: { organisation: string }) => side.organisation)).toEqual(["Memorial", "OVD-Info"]);

    // Viasna: active people become cards (Belarus); np and the deceased former prisoner never do.
    expect(viasna?.counts.added).toBe(3);
    const belarus = await db.selectFrom("prisoners").select(["surname_ru", "status", "status_as_of"]).where("system", "=", "by").where("slug", "like", "%-v9000%").orderBy("surname_ru").execute();
    expect(belarus.map((row) => row.surname_ru)).toEqual(["Примерова", "Тестов", "Тестова"]);
    expect(belarus.every((row) => row.status_as_of === "2026-08-30")).toBe(true);
    expect(await db.selectFrom("prisoners").select("slug").where("surname_ru", "=", "Примеров").execute()).toEqual([]);
  });

  it("a second sync changes nothing and duplicates nothing", async () => {
    const { db, sync } = await world();
    await sync();
    const before = await snapshot(db);
    const again = await sync();
    expect(again.map((summary) => summary.counts.added + summary.counts.updated + summary.counts.conflicts)).toEqual([0, 0, 0]);
    expect(await snapshot(db)).toEqual(before);
  });

  it("--dry-run reports the same counts and writes nothing", async () => {
    const { db, sync } = await world();
    const dry = await sync({ dryRun: true });
    expect(await db.selectFrom("directory_observations").select("id").execute()).toEqual([]);
    expect(await db.selectFrom("directory_sync_runs").select("id").execute()).toEqual([]);
    const real = await sync();
    expect(real.map((summary) => summary.counts)).toEqual(dry.map((summary) => summary.counts));
  });

  it("keeps namesakes apart by birth year and sends a same-named person without a year to review", async () => {
    const registry = sampleRegistry();
    registry.viasnaCsv = [
      "id,url,name,status,gender,birthday,prison",
      "1,https://prisoners.spring96.org/ru/person/a,Иван Двойников,active,male,1970-01-01,",
      "2,https://prisoners.spring96.org/ru/person/b,Иван Двойников,active,male,1990-05-05,",
      "3,https://prisoners.spring96.org/ru/person/c,Иван Двойников,active,male,,",
    ].join("\n");
    const { db, sync } = await world(registry);
    const [viasna] = await sync({ sources: ["viasna"] });
    expect(viasna?.counts).toMatchObject({ added: 2, review: 1 });
    expect((await db.selectFrom("prisoners").select("birth_year").where("surname_ru", "=", "Двойников").orderBy("birth_year").execute()).map((row) => row.birth_year)).toEqual([1970, 1990]);
    const review = await db.selectFrom("directory_reviews").selectAll().where("kind", "=", "identity").executeTakeFirstOrThrow();
    expect(JSON.parse(review.payload).candidates).toHaveLength(2);
  });

  it("a newer status from the source that set it is applied with a history row; a deceased person loses the letter button", async () => {
    const registry = sampleRegistry();
    const { db, sync, server } = await world(registry);
    await sync({ sources: ["memorial"] });
    const card = registry.memorialCards.find((item) => item.id === 41582);
    if (!card) throw new Error("sample changed");
    server.registry = { ...registry, memorialCards: registry.memorialCards.map((item) => (item.id === 41582 ? { ...item, modified_gmt: "2026-11-30T10:00:00", class_list: [...item.class_list.filter((slug) => !slug.startsWith("stage-")), "stage-smert"] } : item)) };
    const [memorial] = await sync({ sources: ["memorial"] });
    expect(memorial?.counts.updated).toBe(1);
    const person = await db.selectFrom("prisoners").selectAll().where("surname_ru", "=", "Савельева").executeTakeFirstOrThrow();
    expect(person).toMatchObject({ status: "deceased", status_as_of: "2026-11-30", letters_allowed: 0, no_letters_reason: "deceased" });
    const history = await db.selectFrom("prisoner_history").selectAll().where("prisoner_slug", "=", person.slug).where("field", "=", "status").orderBy("id").execute();
    expect(history.at(-1)).toMatchObject({ old_value: "pretrial", new_value: "deceased", as_of: "2026-11-30", changed_by: null });
  });
});

describe("bad input and failing sources", () => {
  it("retries 5xx and 429, then succeeds; a page that is not JSON fails the source and loses nothing", async () => {
    const { db, sync, server } = await world();
    server.fail("/wp-json", { status: 503 }, { status: 429, headers: { "retry-after": "1" } });
    const [first] = await sync({ sources: ["memorial"] });
    expect(first?.failed).toBeNull();
    expect(first?.counts.added).toBe(4);
    const before = await snapshot(db);
    server.registry = { ...server.registry, memorialCards: server.registry.memorialCards.map((card) => ({ ...card, modified_gmt: "2026-12-01T00:00:00" })) };
    server.fail("/wp-json", { status: 200, body: "<html>maintenance</html>" });
    const [second] = await sync({ sources: ["memorial"] });
    expect(second?.failed).toMatch(/not JSON/);
    expect(second?.counts.sourceErrors).toBe(1);
    expect(await snapshot(db)).toEqual(before);
  });

  it("gives up on a source that keeps answering 500 and reports it", async () => {
    const { sync, server } = await world();
    server.fail("/v1/data", ...Array.from({ length: 5 }, () => ({ status: 500 })));
    const [ovd] = await sync({ sources: ["ovd"] });
    expect(ovd?.failed).toMatch(/HTTP 500 after 5 attempts/);
  });

  it("refuses to start while another sync holds the lock, and takes over from a holder that died", async () => {
    const { db, sync } = await world();
    await db.insertInto("directory_sync_lock").values({ name: "directory-sync", owner: "elsewhere:1", heartbeat_at: now().toISOString() }).execute();
    await expect(sync({ sources: ["ovd"] })).rejects.toBeInstanceOf(SyncAlreadyRunningError);
    await db.updateTable("directory_sync_lock").set({ owner: `${(await import("node:os")).hostname()}:999999` }).execute();
    const [ovd] = await sync({ sources: ["ovd"], isAlive: () => false });
    expect(ovd?.failed).toBeNull();
    expect(await db.selectFrom("directory_sync_lock").selectAll().execute()).toEqual([]);
  });

  it("never asks faster than the configured delay, measured on the server's clock, and names itself", async () => {
    const registry = sampleRegistry();
    registry.memorialCards = generatedMemorialCards(250);
    registry.personPages = new Map();
    const delayMs = 40;
    const { sync, server } = await world(registry, delayMs);
    const [memorial] = await sync({ sources: ["memorial"], sleep: undefined as never });
    expect(memorial?.failed).toBeNull();
    const times = server.requests.map((request) => request.at);
    expect(times.length).toBeGreaterThan(60);
    const gaps = times.slice(1).map((at, index) => at - (times[index] as number));
    // Timers may round by a millisecond; never more.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(delayMs - 1);
    expect(new Set(server.requests.map((request) => request.userAgent))).toEqual(new Set([USER_AGENT]));
  }, 120_000);
});

/** Viasna's sample export as a hand-downloaded file dated 2026-07-15. */
function sampleViasnaFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), "viasna-")), "export-2026-07-15.csv");
  writeFileSync(file, sampleText("viasna-export.synthetic.csv"));
  return file;
}

describe("Viasna export from a file", () => {
  it("imports a hand-downloaded export frozen with the date in its name", async () => {
    const { db, sync } = await world();
    const file = sampleViasnaFile();
    const [viasna] = await sync({ sources: ["viasna"], file });
    expect(viasna?.counts.added).toBe(3);
    const row = await db.selectFrom("prisoners").select("status_as_of").where("slug", "like", "%-v900001").executeTakeFirstOrThrow();
    expect(row.status_as_of).toBe("2026-07-15");
  });
});

/** The process dying at the write that ends a run (`finished_at`): that write and every later one fail. */
class DiesEndingARun implements KyselyPlugin {
  private dead = false;

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (node.kind !== "UpdateQueryNode" && node.kind !== "InsertQueryNode" && node.kind !== "DeleteQueryNode") return node;
    if (!this.dead && !(node.kind === "UpdateQueryNode" && JSON.stringify(node).includes('"finished_at"'))) return node;
    this.dead = true;
    throw new Error("simulated death");
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

describe("a sync that dies as its last batch ends the run", () => {
  it("is resumed into the state of one clean run, each record counted once", async () => {
    const { db, sync } = await world();
    const file = sampleViasnaFile();
    // The run ended in a write of its own after its last batch had committed: a run left running without a cursor,
    // which the next sync took up from the first row again, counting the six rows a second time.
    await expect(sync({ db: db.withPlugin(new DiesEndingARun()), sources: ["viasna"], file })).rejects.toThrow("simulated death");
    const [resumed] = await sync({ sources: ["viasna"], file });
    expect(resumed?.counts).toMatchObject({ added: 3, updated: 0, unchanged: 0 });
    expect(await db.selectFrom("directory_sync_runs").select("state").execute()).toEqual([{ state: "finished" }]);
    const observations = await db.selectFrom("directory_observations").select("source_record_id").where("source", "=", "viasna").execute();
    expect(observations).toHaveLength(6);
  });
});
