/**
 * `npm run bench:sync [-- PEOPLE [RUNS]]`: imports a generated Memorial registry of 10,000 recognised people (REST pages and
 * a person page each, in the real shapes) from a local server with the politeness delay set to 0, so the time is
 * Lysty's own work. Prints the median of RUNS imports into fresh SQLite files, a baseline in the same run (the same
 * pages fetched and parsed without storing anything), peak RSS, the load average; then search latency over the
 * imported directory and how many queries /browse and "few letters" make at 10,000 people versus the 20-person seed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { migrateToLatest } from "../src/db/migrate.js";
import { seedDirectory } from "../src/db/repositories/directory-document.js";
import { browsePrisonersByFewestLetters, listPrisoners, loadSearchEntries } from "../src/db/repositories/prisoners.js";
import type { Database } from "../src/db/schema.js";
import { parsePersonPage } from "../src/domain/directory-sources/memorial-person-page.js";
import { parseMemorialListPage } from "../src/domain/directory-sources/memorial-rest.js";
import { buildSearchIndex } from "../src/domain/search/search-index.js";
import { searchPrisoners } from "../src/domain/search/search.js";
import { parseSyncConfig } from "../src/services/directory-sync/config.js";
import { runDirectorySync } from "../src/services/directory-sync/engine.js";
import { writableByFewestLetters } from "../src/services/directory/browse.js";
import { PoliteClient } from "../src/services/directory-sync/http.js";
import { generatedMemorialCards, sampleRegistry } from "../test/helpers/registries.js";
import { SourceServer } from "../test/helpers/source-server.js";

const PEOPLE = Number(process.argv[2] ?? 10_000);
const RUNS = Number(process.argv[3] ?? 3);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] as number;

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

function openCounting(file: string) {
  const counter = { queries: 0 };
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: new SQLite(file) }),
    log: (event) => {
      if (event.level === "query") counter.queries += 1;
    },
  });
  return { db, counter };
}

const registry = sampleRegistry();
registry.memorialCards = generatedMemorialCards(PEOPLE, { recognisedEvery: 1 });
registry.personPages = new Map();
const server = await SourceServer.start(registry);
const config = parseSyncConfig(server.env(0));

async function baseline(): Promise<number> {
  const client = new PoliteClient({ delayMs: 0, timeoutMs: 60_000, userAgent: config.userAgent });
  const started = performance.now();
  for (let page = 1; ; page += 1) {
    const response = await client.get(`${server.url}/wp-json/wp/v2/figurant?per_page=100&page=${page}&orderby=modified&order=desc`);
    if (response.status !== 200) break;
    const parsed = parseMemorialListPage(JSON.parse(response.text), new Date().toISOString());
    for (const record of parsed.records) parsePersonPage((await client.get(`${server.url}/?p=${record.provenance.sourceRecordId}`, "text/html")).text);
    if (parsed.records.length < 100) break;
  }
  return performance.now() - started;
}

const importTimes: number[] = [];
const baselineTimes: number[] = [];
let kept: { dir: string; file: string } | undefined;
for (let run = 0; run < RUNS; run += 1) {
  baselineTimes.push(await baseline());
  const dir = mkdtempSync(join(tmpdir(), "lysty-bench-sync-"));
  const file = join(dir, "bench.sqlite");
  const { db } = openCounting(file);
  await migrateToLatest(db);
  await seedDirectory(db, { now: new Date() });
  // Institutions are seed data, loaded once per database outside the timed import.
  await runDirectorySync({ db, config, sources: ["fsin-pismo"], file: join(import.meta.dirname, "..", "test", "fixtures", "source-samples", "fsin-pismo-regions.synthetic.json") });
  const started = performance.now();
  const [summary] = await runDirectorySync({ db, config, sources: ["memorial"] });
  importTimes.push(performance.now() - started);
  if (summary?.failed || summary?.counts.added !== PEOPLE) throw new Error(`import went wrong: ${JSON.stringify(summary)}`);
  await db.destroy();
  if (run === RUNS - 1) kept = { dir, file };
  else rmSync(dir, { recursive: true, force: true });
}
clearInterval(sampler);
await server.stop();

console.log(`bench:sync — ${PEOPLE} people, ${RUNS} runs, load average ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
console.log(`  import (politeness delay 0): median ${(median(importTimes) / 1000).toFixed(1)} s  [${importTimes.map((t) => (t / 1000).toFixed(1)).join(", ")}]`);
console.log(`  baseline, fetch + parse only: median ${(median(baselineTimes) / 1000).toFixed(1)} s`);
console.log(`  peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB (target ≤ 300 MB; includes the local server)`);

if (kept) {
  const { db, counter } = openCounting(kept.file);
  const entries = await loadSearchEntries(db);
  const index = buildSearchIndex(entries);
  const names = (await listPrisoners(db)).map((prisoner) => `${prisoner.names.ru.surname} ${prisoner.names.ru.given}`);
  // Every fifth query is a prefix and every seventh carries a typo (two letters swapped), so the typo scan is measured too.
  const queryText = (query: number, pool: readonly string[]) => {
    const text = pool[(query * 7919) % pool.length] as string;
    if (query % 5 === 0) return text.slice(0, 6);
    if (query % 7 === 0) return `${text.slice(0, 3)}${text.charAt(4)}${text.charAt(3)}${text.slice(5)}`;
    return text;
  };
  const measure = (searchIndex: ReturnType<typeof buildSearchIndex>, pool: readonly string[]) => {
    const runs: { p50: number; p99: number; cpu: number }[] = [];
    for (let run = 0; run < 5; run += 1) {
      const latencies: number[] = [];
      const cpuBefore = process.cpuUsage();
      for (let query = 0; query < 2_000; query += 1) {
        const started = performance.now();
        searchPrisoners(searchIndex, queryText(query, pool));
        latencies.push(performance.now() - started);
      }
      const cpu = process.cpuUsage(cpuBefore);
      runs.push({ p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), cpu: (cpu.user + cpu.system) / 1000 / 2_000 });
    }
    return { p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)), cpu: median(runs.map((r) => r.cpu)) };
  };
  const seedEntries = entries.filter((entry) => !/-m\d+$/.test(entry.slug));
  const seedNames = seedEntries.map((entry) => `${entry.surnames[0]} ${entry.otherNames[0]}`);
  const seedFigures = measure(buildSearchIndex(seedEntries), seedNames);
  const figures = measure(index, names);
  console.log(`  search, medians of 5 runs × 2,000 queries, load average ${loadavg().map((value) => value.toFixed(2)).join(" ")}:`);
  console.log(`    over ${entries.length} imported people: p50 ${figures.p50.toFixed(2)} ms, p99 ${figures.p99.toFixed(2)} ms, CPU ${figures.cpu.toFixed(3)} ms/query (targets 2 / 10 ms)`);
  console.log(`    baseline, the ${seedEntries.length}-person seed: p50 ${seedFigures.p50.toFixed(2)} ms, p99 ${seedFigures.p99.toFixed(2)} ms, CPU ${seedFigures.cpu.toFixed(3)} ms/query`);

  const countQueries = async (work: () => Promise<unknown>) => {
    const before = counter.queries;
    await work();
    return counter.queries - before;
  };
  const fewLetters = () => browsePrisonersByFewestLetters(db, { letterCounts: new Map(), today: new Date(), limit: 10 });
  const atScale = await countQueries(fewLetters);
  const browse = await countQueries(() => listPrisoners(db));
  // The service the bot's few-letters list, random pick and empty inline query use (it also reads organiser relays).
  const service = await countQueries(() => writableByFewestLetters({ db, clock: { now: () => new Date() } }));
  await db.destroy();
  const seedDir = mkdtempSync(join(tmpdir(), "lysty-bench-seed-"));
  const seed = openCounting(join(seedDir, "seed.sqlite"));
  await migrateToLatest(seed.db);
  await seedDirectory(seed.db, { now: new Date() });
  const before = seed.counter.queries;
  await browsePrisonersByFewestLetters(seed.db, { letterCounts: new Map(), today: new Date(), limit: 10 });
  const atSeed = seed.counter.queries - before;
  await seed.db.destroy();
  rmSync(seedDir, { recursive: true, force: true });
  console.log(`  "few letters" queries: ${atScale} at ${PEOPLE + 20} people, ${atSeed} at the 20-person seed; /browse list: ${browse} queries; the bot's few-letters service: ${service}`);
  rmSync(kept.dir, { recursive: true, force: true });
}
