/**
 * `npm run directory:import -- FILE [--database URL]`
 *
 * Upserts institutions, campaigns and prisoners from a JSON file in the seed format, or prisoners from a CSV file
 * (columns in docs/directory.md). Status and institution changes are written to the history; a status the database
 * holds with a later as-of date is kept. Nothing is written unless the whole file is valid.
 */
import { existsSync, readFileSync } from "node:fs";
import { extname, isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type DB, openDatabase, parseDatabaseUrl } from "../db/database.js";
import { migrateToLatest } from "../db/migrate.js";
import { listCampaignSlugs } from "../db/repositories/campaigns.js";
import { listInstitutionSlugs } from "../db/repositories/institutions.js";
import { type ImportReport, importDirectoryDocument } from "../db/repositories/directory-document.js";
import { parsePrisonersCsv } from "../domain/directory/prisoner-csv.js";
import { readJson } from "../domain/directory/seed-files.js";
import type { DirectoryDocument } from "../domain/directory/types.js";
import { DirectoryDataError, parseDirectoryFile } from "../domain/directory/validate.js";
import { projectPath, projectRoot } from "../project-path.js";
import { systemClock } from "../clock.js";

export interface CliIo {
  /** Where the user ran npm from: npm itself runs scripts in the project root and passes this as INIT_CWD. */
  cwd: string;
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface DirectoryCliArgs {
  file: string;
  databaseUrl: string;
}

/** The same default as the bot's config, so the CLI writes to the database the bot reads. */
const DEFAULT_DATABASE_URL = "sqlite:data/lysty.sqlite";

export function parseDirectoryCliArgs(args: readonly string[], io: CliIo, usage: string): DirectoryCliArgs {
  let file: string | undefined;
  let databaseUrl = io.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === "--database") {
      const value = args[index + 1];
      if (value === undefined) throw new UsageError(`--database needs a URL. ${usage}`);
      databaseUrl = value;
      index += 1;
    } else if (arg.startsWith("--database=")) databaseUrl = arg.slice("--database=".length);
    else if (arg.startsWith("--")) throw new UsageError(`Unknown option ${arg}. ${usage}`);
    else if (file === undefined) file = arg;
    else throw new UsageError(`Only one file, please. ${usage}`);
  }
  if (file === undefined) throw new UsageError(usage);
  return { file: isAbsolute(file) ? file : resolve(io.cwd, file), databaseUrl };
}

export class UsageError extends Error {}

export async function openDirectoryDatabase(databaseUrl: string): Promise<DB> {
  const db = openDatabase(parseDatabaseUrl(databaseUrl, projectRoot()));
  await migrateToLatest(db);
  return db;
}

const USAGE = "Usage: npm run directory:import -- FILE.json|FILE.csv [--database sqlite:path.sqlite|postgres://…]";

export async function runDirectoryImport(args: readonly string[], io: CliIo): Promise<number> {
  let db: DB | undefined;
  try {
    const { file, databaseUrl } = parseDirectoryCliArgs(args, io, USAGE);
    if (!existsSync(file)) throw new UsageError(`No such file: ${file}`);
    db = await openDirectoryDatabase(databaseUrl);
    const known = { institutions: await listInstitutionSlugs(db), campaigns: await listCampaignSlugs(db) };
    const document: DirectoryDocument =
      extname(file).toLowerCase() === ".csv"
        ? parsePrisonersCsv(readFileSync(file, "utf8"), file, known)
        : parseDirectoryFile(readJson(file), file, known);
    const report = await importDirectoryDocument(db, document, { changedBy: null, now: systemClock.now() });
    io.out(describeReport(report));
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof DirectoryDataError) {
      io.err(error.message);
      return error instanceof UsageError ? 2 : 1;
    }
    throw error;
  } finally {
    await db?.destroy();
  }
}

export function describeReport(report: ImportReport): string {
  const { institutions, campaigns, prisoners } = report;
  return [
    `institutions: ${institutions.inserted} new, ${institutions.updated} updated`,
    `campaigns: ${campaigns.inserted} new, ${campaigns.updated} updated`,
    `prisoners: ${prisoners.inserted} new, ${prisoners.updated} updated; ` +
      `${prisoners.statusChanged} status changes and ${prisoners.moved} transfers recorded in history; ` +
      `${prisoners.statusKeptNewer} statuses and ${prisoners.locationKeptNewer} locations kept because the database is newer`,
  ].join("\n");
}

export function processIo(): CliIo {
  const envFile = projectPath(".env");
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  return {
    cwd: process.env.INIT_CWD ?? process.cwd(),
    env: process.env,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  };
}

export function isMainModule(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === moduleUrl;
}

if (isMainModule(import.meta.url)) {
  process.exitCode = await runDirectoryImport(process.argv.slice(2), processIo());
}
