/**
 * `npm run directory:sync -- [--source memorial|ovd|viasna|fsin-pismo|all] [--dry-run] [--file PATH [--complete-list]] [--database URL]`
 *
 * Follows the public registries (docs/directory.md): imports new people with provenance, applies newer facts, queues
 * disagreements for /review. Uses DATABASE_URL like the bot and may run while the bot runs; a second sync at the same
 * time is refused. Interrupted syncs resume where they stopped.
 */
import { existsSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { SingleBar } from "cli-progress";
import type { DB } from "../db/database.js";
import { SOURCE_NAMES, type SourceName } from "../domain/directory-sources/types.js";
import { parseSyncConfig } from "../services/directory-sync/config.js";
import { runDirectorySync, SyncAlreadyRunningError } from "../services/directory-sync/engine.js";
import { describeSyncSummary } from "../services/directory-sync/summary.js";
import { type CliIo, isMainModule, openDirectoryDatabase, processIo, UsageError } from "./directory-import.js";

const USAGE =
  "Usage: npm run directory:sync -- [--source memorial|ovd|viasna|fsin-pismo|all] [--dry-run] [--file PATH [--complete-list]] [--database URL]";

export interface SyncCliArgs {
  sources: SourceName[];
  dryRun: boolean;
  file: string | undefined;
  /** `--complete-list`: the FSIN-pismo file names every served department (else it only adds). */
  completeList: boolean;
  databaseUrl: string;
}

export function parseSyncArgs(args: readonly string[], io: CliIo): SyncCliArgs {
  let sources: SourceName[] = ["memorial", "ovd", "viasna", "fsin-pismo"];
  let dryRun = false;
  let completeList = false;
  let file: string | undefined;
  let databaseUrl = io.env.DATABASE_URL ?? "sqlite:data/lysty.sqlite";
  const value = (index: number, option: string) => {
    const next = args[index + 1];
    if (next === undefined || next.startsWith("--")) throw new UsageError(`${option} needs a value. ${USAGE}`);
    return next;
  };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === "--dry-run") dryRun = true;
    else if (arg === "--complete-list") completeList = true;
    else if (arg === "--source") {
      const name = value(index, arg);
      index += 1;
      if (name === "all") continue;
      if (!(SOURCE_NAMES as readonly string[]).includes(name)) throw new UsageError(`Unknown source ${name}. ${USAGE}`);
      sources = [name as SourceName];
    } else if (arg === "--file") {
      file = value(index, arg);
      index += 1;
    } else if (arg === "--database") {
      databaseUrl = value(index, arg);
      index += 1;
    } else throw new UsageError(`Unknown option ${arg}. ${USAGE}`);
  }
  if (file !== undefined) {
    file = isAbsolute(file) ? file : resolve(io.cwd, file);
    if (!existsSync(file)) throw new UsageError(`No such file: ${file}`);
    if (sources.length !== 1 || (sources[0] !== "viasna" && sources[0] !== "fsin-pismo")) {
      throw new UsageError("--file works with --source viasna or --source fsin-pismo (sources without a stable download).");
    }
  }
  if (completeList && (file === undefined || sources[0] !== "fsin-pismo")) {
    throw new UsageError("--complete-list goes with --source fsin-pismo --file PATH (a downloaded list is always complete).");
  }
  return { sources, dryRun, file, completeList, databaseUrl };
}

export async function runDirectorySyncCli(args: readonly string[], io: CliIo, options: { tty?: boolean } = {}): Promise<number> {
  let db: DB | undefined;
  try {
    const parsed = parseSyncArgs(args, io);
    const config = parseSyncConfig(io.env);
    db = await openDirectoryDatabase(parsed.databaseUrl);
    const bar = options.tty ? new SingleBar({ format: "{source} [{bar}] {value}/{total}", hideCursor: true }) : undefined;
    let started: SourceName | undefined;
    const summaries = await runDirectorySync({
      db,
      config,
      sources: parsed.sources,
      dryRun: parsed.dryRun,
      ...(parsed.file ? { file: parsed.file } : {}),
      fsinPismoComplete: parsed.completeList,
      onProgress: ({ source, processed, total }) => {
        if (!bar) return;
        if (started !== source) {
          if (started !== undefined) bar.stop();
          bar.start(total ?? processed, 0, { source });
          started = source;
        }
        if (total !== null) bar.setTotal(Math.max(total, processed));
        else bar.setTotal(processed);
        bar.update(processed, { source });
      },
      log: (event, fields) => {
        if (!bar) io.err(JSON.stringify({ event, ...fields }));
      },
    });
    bar?.stop();
    io.out(describeSyncSummary(summaries, parsed.dryRun));
    return summaries.some((summary) => summary.failed !== null) ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return 2;
    }
    if (error instanceof SyncAlreadyRunningError) {
      io.err(error.message);
      return 3;
    }
    throw error;
  } finally {
    await db?.destroy();
  }
}

if (isMainModule(import.meta.url)) {
  process.exitCode = await runDirectorySyncCli(process.argv.slice(2), processIo(), { tty: process.stdout.isTTY });
}
