/**
 * `npm run routes:coverage [-- --database URL]`
 *
 * How many people of the directory have at least one way for a letter to arrive (docs/routes.md): direct routes
 * only, with the linked campaign chats, with recorded intermediaries, with the desk. Without --database it counts
 * the shipped seed in a throw-away SQLite database.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedDirectory } from "../db/repositories/directory-document.js";
import { routeCoverage } from "../services/letters/route-coverage.js";
import { isMainModule, openDirectoryDatabase, processIo, type CliIo } from "./directory-import.js";
import { systemClock } from "../clock.js";

export async function runRouteCoverage(args: readonly string[], io: CliIo, today = systemClock.now()): Promise<number> {
  const index = args.indexOf("--database");
  const url = index >= 0 ? args[index + 1] : undefined;
  const dir = url ? undefined : mkdtempSync(join(tmpdir(), "lysty-coverage-"));
  const db = await openDirectoryDatabase(url ?? `sqlite:${join(dir!, "seed.sqlite")}`);
  try {
    if (!url) await seedDirectory(db, { now: today });
    const c = await routeCoverage(db, today);
    io.out(`people in the directory: ${c.prisoners}`);
    io.out(`with a direct route (FSIN-pismo or post): ${c.direct}`);
    io.out(`with a direct route or a working campaign chat: ${c.withCampaignChats}`);
    io.out(`with a recorded intermediary: ${c.withIntermediary}`);
    io.out(`with any route now: ${c.any}`);
    io.out(`with any route once a desk is linked: ${c.anyWithDesk}`);
    return 0;
  } finally {
    await db.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

if (isMainModule(import.meta.url)) {
  process.exitCode = await runRouteCoverage(process.argv.slice(2), processIo());
}
