/**
 * `npm run bench:upload-import [-- ROWS [RUNS]] [--baseline <folder>]`: an admin's Viasna export of ROWS generated rows
 * (default 2,000) imported as the bot imports an upload (`runDirectorySync` with the file and its message), into a
 * fresh migrated SQLite file each run. Prints the whole import and each 200-row batch's transaction (the time between
 * two batches' commits: how long the import holds the database's write lock at a stretch), medians over RUNS (default
 * 3); with `--baseline`, another checkout's engine and migrations run the same file alternately in the same run. The
 * last line scales the batch to the largest upload the bot takes (10 MB), for a whole-file transaction's lock.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Database } from "../src/db/schema.js";
import { parseSyncConfig } from "../src/services/directory-sync/config.js";
import type { SyncOptions } from "../src/services/directory-sync/engine.js";
import { UPLOAD_MAX_BYTES } from "../src/services/directory-sync/upload.js";
import { generatedViasnaCsv } from "../test/helpers/registries.js";

const args = process.argv.slice(2);
const baselineAt = args.indexOf("--baseline");
const baseline = baselineAt >= 0 ? resolve(args[baselineAt + 1] as string) : undefined;
const [rowsArg, runsArg] = args.filter((arg, index) => !arg.startsWith("--") && index !== baselineAt + 1);
const ROWS = Number(rowsArg ?? 2_000);
const RUNS = Number(runsArg ?? 3);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

interface Checkout {
  name: string;
  migrate: (db: Kysely<Database>) => Promise<unknown>;
  sync: (options: SyncOptions) => Promise<unknown>;
}

async function checkout(name: string, root: string): Promise<Checkout> {
  const load = (path: string) => import(pathToFileURL(join(root, path)).href);
  const { migrateToLatest } = (await load("src/db/migrate.ts")) as { migrateToLatest: Checkout["migrate"] };
  const { runDirectorySync } = (await load("src/services/directory-sync/engine.ts")) as { runDirectorySync: Checkout["sync"] };
  return { name, migrate: migrateToLatest, sync: runDirectorySync };
}

const dir = mkdtempSync(join(tmpdir(), "lysty-bench-upload-"));
const csv = generatedViasnaCsv(ROWS);
const file = join(dir, "viasna-export-2026-08-30.csv");
writeFileSync(file, csv);
const config = parseSyncConfig({});

async function once(subject: Checkout, run: number): Promise<{ total: number; batches: number[] }> {
  const path = join(dir, `${subject.name}-${run}.sqlite`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(path) }) });
  try {
    await subject.migrate(db);
    const commits: number[] = [];
    const started = performance.now();
    await subject.sync({
      db,
      config,
      sources: ["viasna"],
      file,
      upload: { chatId: 1, messageId: run + 1 },
      log: (event) => {
        if (event === "directory_sync_batch") commits.push(performance.now());
      },
    });
    const total = performance.now() - started;
    // The first interval also holds the polit-sake facilities' load and the file's parse: only later ones are batches.
    return { total, batches: commits.slice(1).map((at, index) => at - (commits[index] as number)) };
  } finally {
    await db.destroy();
  }
}

const subjects = [await checkout("this", resolve(import.meta.dirname, "..")), ...(baseline ? [await checkout("baseline", baseline)] : [])];
const results = new Map(subjects.map((subject) => [subject.name, { totals: [] as number[], batches: [] as number[] }]));
console.log(`upload-import: ${ROWS} rows (${(Buffer.byteLength(csv) / 1024).toFixed(0)} kB), ${RUNS} run(s)${baseline ? `, baseline ${baseline}` : ""}, load ${loadavg().map((n) => n.toFixed(2)).join(" ")}`);
for (let run = 0; run < RUNS; run += 1) {
  for (const subject of run % 2 === 0 ? subjects : [...subjects].reverse()) {
    const { total, batches } = await once(subject, run);
    const result = results.get(subject.name);
    result?.totals.push(total);
    result?.batches.push(...batches);
  }
}
for (const [name, { totals, batches }] of results) {
  console.log(`${name}: import ${(median(totals) / 1000).toFixed(2)} s (runs ${totals.map((t) => (t / 1000).toFixed(2)).join(", ")}); 200-row batch median ${median(batches).toFixed(0)} ms, max ${Math.max(...batches).toFixed(0)} ms`);
}
const rowsIn10MB = Math.floor((UPLOAD_MAX_BYTES / Buffer.byteLength(csv)) * ROWS);
const batch = median(results.get("this")?.batches ?? []);
console.log(`10 MB of these rows: ${rowsIn10MB} rows, ${Math.ceil(rowsIn10MB / 200)} batches; one transaction for the whole file would hold the write lock about ${((rowsIn10MB / 200) * batch / 1000).toFixed(0)} s`);
console.log(`load ${loadavg().map((n) => n.toFixed(2)).join(" ")}`);
rmSync(dir, { recursive: true, force: true });
