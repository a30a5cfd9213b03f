/**
 * `npm run bench:facilities`: what a start spends on polit-sake's 948 facilities (`ensurePenitentiaryInstitutions`,
 * after the first getUpdates in `startApp`), on a fresh SQLite file that has the seed (a first start: the whole load)
 * and on the same file again (a restart: one indexed read). Wall and CPU milliseconds, medians of RUNS rounds, and
 * the load average. Files it makes are removed at the end.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { openSqlite } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { seedDirectory } from "../src/db/repositories/directory-document.js";
import { ensurePenitentiaryInstitutions } from "../src/services/directory-sync/institutions.js";

const RUNS = Number(process.env.RUNS ?? 5);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function timed(work: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

const first: { wall: number; cpu: number }[] = [];
const again: { wall: number; cpu: number }[] = [];
const dir = mkdtempSync(join(tmpdir(), "lysty-bench-facilities-"));
console.log(`load before: ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
try {
  for (let run = 0; run < RUNS; run++) {
    const db = openSqlite(join(dir, `run-${run}.sqlite`));
    await migrateToLatest(db);
    await seedDirectory(db, { now: new Date() });
    first.push(await timed(() => ensurePenitentiaryInstitutions(db, { now: new Date() })));
    again.push(await timed(() => ensurePenitentiaryInstitutions(db, { now: new Date() })));
    await db.destroy();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const show = (label: string, rows: { wall: number; cpu: number }[]) =>
  console.log(`${label}: wall ${median(rows.map((row) => row.wall)).toFixed(1)} ms, CPU ${median(rows.map((row) => row.cpu)).toFixed(1)} ms (median of ${rows.length})`);
show("first start (948 facilities loaded)", first);
show("restart (already there)", again);
console.log(`load after: ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
