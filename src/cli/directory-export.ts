/**
 * `npm run directory:export -- FILE [--database URL]`
 *
 * Writes the whole directory as JSON in the seed format (institutions, campaigns, prisoners), or the prisoners as CSV
 * when FILE ends in `.csv`. The output is canonical, so export → import → export gives the same file. History and
 * organisers' relay chats are not exported: they belong to this database, not to a shareable list.
 */
import { writeFileSync } from "node:fs";
import { extname } from "node:path";
import { readDirectoryDocument } from "../db/repositories/directory-document.js";
import { prisonersToCsv } from "../domain/directory/prisoner-csv.js";
import { toDirectoryJson } from "../domain/directory/serialize.js";
import {
  type CliIo,
  isMainModule,
  openDirectoryDatabase,
  parseDirectoryCliArgs,
  processIo,
  UsageError,
} from "./directory-import.js";

const USAGE = "Usage: npm run directory:export -- FILE.json|FILE.csv [--database sqlite:path.sqlite|postgres://…]";

export async function runDirectoryExport(args: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseDirectoryCliArgs(args, io, USAGE);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(error.message);
    return 2;
  }
  const db = await openDirectoryDatabase(parsed.databaseUrl);
  try {
    const document = await readDirectoryDocument(db);
    const asCsv = extname(parsed.file).toLowerCase() === ".csv";
    writeFileSync(parsed.file, asCsv ? prisonersToCsv(document.prisoners) : toDirectoryJson(document), "utf8");
    io.out(
      asCsv
        ? `${document.prisoners.length} prisoners written to ${parsed.file}`
        : `${document.institutions.length} institutions, ${document.campaigns.length} campaigns and ` +
            `${document.prisoners.length} prisoners written to ${parsed.file}`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}

if (isMainModule(import.meta.url)) {
  process.exitCode = await runDirectoryExport(process.argv.slice(2), processIo());
}
