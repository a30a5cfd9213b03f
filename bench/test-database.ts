/**
 * `npm run bench:test-database`: what a fresh, migrated test database costs, the way `test/helpers/database.ts`
 * makes one (the baseline) against cloning a database migrated once:
 * - SQLite: a new file + every migration, against copying a migrated (checkpointed) file and opening the copy;
 * - Postgres (with TEST_DATABASE_URL=postgres://…): a new schema + every migration, against
 *   `CREATE DATABASE … TEMPLATE` of a migrated database and a first query on it.
 * Prints medians in milliseconds over RUNS rounds (each round times every variant once, in turn) and the load average.
 * Databases and files it makes are removed at the end.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { type DB, openPostgres, openSqlite } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";

const RUNS = Number(process.env.RUNS ?? 15);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function sqliteVariants(dir: string) {
  const template = join(dir, "template.sqlite");
  const templateDb = openSqlite(template);
  await migrateToLatest(templateDb);
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(templateDb);
  await templateDb.destroy();
  let n = 0;
  return {
    async migrate() {
      const db = openSqlite(join(dir, `fresh-${n++}.sqlite`));
      await migrateToLatest(db);
      await db.destroy();
    },
    async copy() {
      const file = join(dir, `copy-${n++}.sqlite`);
      copyFileSync(template, file);
      const db = openSqlite(file);
      await db.selectFrom("users").select("id").limit(1).execute();
      await db.destroy();
    },
  };
}

async function postgresVariants(url: string, admin: DB, made: { schemas: string[]; databases: string[] }) {
  const templateName = `bench_template_${randomBytes(4).toString("hex")}`;
  await sql`create database ${sql.id(templateName)}`.execute(admin);
  made.databases.push(templateName);
  const templateUrl = withDatabase(url, templateName);
  const templateDb = openPostgres(templateUrl, { max: 1 });
  await migrateToLatest(templateDb);
  // CREATE DATABASE … TEMPLATE needs the template without connections.
  await templateDb.destroy();
  return {
    async migrate() {
      const schema = `test_${randomBytes(6).toString("hex")}`;
      made.schemas.push(schema);
      await sql`create schema ${sql.id(schema)}`.execute(admin);
      const db = openPostgres(url, { searchPath: schema, max: 5 });
      await migrateToLatest(db, { schema });
      await db.destroy();
    },
    async clone() {
      const name = `bench_clone_${randomBytes(4).toString("hex")}`;
      made.databases.push(name);
      await sql`create database ${sql.id(name)} template ${sql.id(templateName)}`.execute(admin);
      const db = openPostgres(withDatabase(url, name), { max: 5 });
      await db.selectFrom("users").select("id").limit(1).execute();
      await db.destroy();
    },
  };
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function report(label: string, samples: Record<string, number[]>) {
  const line = Object.entries(samples)
    .map(([name, values]) => `${name} ${median(values).toFixed(1)} ms`)
    .join(", ");
  console.log(`${label}: ${line} (median of ${RUNS})`);
}

async function main() {
  console.log(`load average before: ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
  const dir = mkdtempSync(join(tmpdir(), "lysty-bench-db-"));
  try {
    const sqlite = await sqliteVariants(dir);
    const samples = { "new file + migrations (baseline)": [] as number[], "copy of a migrated file": [] as number[] };
    for (let run = 0; run < RUNS; run += 1) {
      samples["new file + migrations (baseline)"].push(await timed(sqlite.migrate));
      samples["copy of a migrated file"].push(await timed(sqlite.copy));
    }
    report("SQLite", samples);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const url = process.env.TEST_DATABASE_URL;
  if (url?.startsWith("postgres")) {
    const admin = openPostgres(url, { max: 1 });
    const made = { schemas: [] as string[], databases: [] as string[] };
    try {
      const postgres = await postgresVariants(url, admin, made);
      const samples = { "new schema + migrations (baseline)": [] as number[], "CREATE DATABASE … TEMPLATE": [] as number[] };
      for (let run = 0; run < RUNS; run += 1) {
        samples["new schema + migrations (baseline)"].push(await timed(postgres.migrate));
        samples["CREATE DATABASE … TEMPLATE"].push(await timed(postgres.clone));
      }
      report("Postgres", samples);
    } finally {
      for (const schema of made.schemas) await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
      for (const name of made.databases.reverse()) await sql`drop database if exists ${sql.id(name)}`.execute(admin);
      await admin.destroy();
    }
  } else {
    console.log("Postgres: skipped (set TEST_DATABASE_URL=postgres://…)");
  }
  console.log(`load average after: ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
}

await main();
