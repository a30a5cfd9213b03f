import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runDirectoryExport } from "../../src/cli/directory-export.js";
import { type CliIo, runDirectoryImport } from "../../src/cli/directory-import.js";
import { openSqlite } from "../../src/db/database.js";
import { getPrisonerHistory } from "../../src/db/repositories/prisoner-history.js";
import { getPrisonerBySlug } from "../../src/db/repositories/prisoners.js";
import { directorySeedFolder } from "../../src/domain/directory/seed-files.js";

let dir: string;
let output: string[];
let errors: string[];
let io: CliIo;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "lysty-cli-"));
  output = [];
  errors = [];
  io = { cwd: dir, env: {}, out: (line) => output.push(line), err: (line) => errors.push(line) };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const database = () => `sqlite:${join(dir, "directory.sqlite")}`;

/** The three seed files merged into one import file, as an organiser would hand it over. */
function writeSeedAsOneFile(name: string): string {
  const read = (file: string) => JSON.parse(readFileSync(join(directorySeedFolder(), file), "utf8")) as Record<string, unknown>;
  const merged = {
    version: 1,
    institutions: read("institutions.json").institutions,
    campaigns: read("campaigns.json").campaigns,
    prisoners: read("prisoners.json").prisoners,
  };
  writeFileSync(join(dir, name), JSON.stringify(merged));
  return name;
}

describe("directory:import and directory:export", () => {
  it("round-trips JSON: export → import → export gives the same file", async () => {
    expect(await runDirectoryImport([writeSeedAsOneFile("seed.json"), "--database", database()], io)).toBe(0);
    expect(output.join("\n")).toMatch(/prisoners: 20 new, 0 updated/);
    expect(await runDirectoryExport(["first.json", "--database", database()], io)).toBe(0);
    const second = `sqlite:${join(dir, "second.sqlite")}`;
    expect(await runDirectoryImport(["first.json", `--database=${second}`], io)).toBe(0);
    expect(await runDirectoryExport(["again.json", "--database", second], io)).toBe(0);
    expect(readFileSync(join(dir, "again.json"), "utf8")).toBe(readFileSync(join(dir, "first.json"), "utf8"));
  });

  it("round-trips CSV and records a changed status from a spreadsheet in the history", async () => {
    await runDirectoryImport([writeSeedAsOneFile("seed.json"), "--database", database()], io);
    expect(await runDirectoryExport(["prisoners.csv", "--database", database()], io)).toBe(0);
    const csv = readFileSync(join(dir, "prisoners.csv"), "utf8");
    expect(csv.split("\r\n")[0]).toMatch(/^slug,surname_ru,given_ru,/);

    const edited = csv.replace(
      /^(gorinov-aleksei,(?:[^,\r\n]*,){16})sentenced,2026-02-16,[^,]*,/m,
      "$1released,2026-11-20,https://example.org/gorinov-freed,",
    );
    expect(edited).not.toBe(csv);
    writeFileSync(join(dir, "edited.csv"), edited);
    expect(await runDirectoryImport(["edited.csv", "--database", database()], io)).toBe(1);
    // Released with letters still allowed is refused as a whole, and the database is untouched.
    expect(errors.join("\n")).toMatch(/edited\.csv.*line \d+ «gorinov-aleksei» letters\.allowed: must be false when status is released/s);

    const fixed = edited.replace(/^(gorinov-aleksei,.*),1,,(#Горинов,)/m, "$1,0,released,$2");
    writeFileSync(join(dir, "fixed.csv"), fixed);
    expect(await runDirectoryImport(["fixed.csv", "--database", database()], io)).toBe(0);
    const db = openSqlite(join(dir, "directory.sqlite"));
    try {
      expect((await getPrisonerBySlug(db, "gorinov-aleksei"))?.status).toMatchObject({ value: "released", asOf: "2026-11-20" });
      expect((await getPrisonerHistory(db, "gorinov-aleksei")).at(-1)).toMatchObject({ oldValue: "sentenced", newValue: "released", changedBy: null });
    } finally {
      await db.destroy();
    }

    expect(await runDirectoryExport(["again.csv", "--database", database()], io)).toBe(0);
    expect(readFileSync(join(dir, "again.csv"), "utf8")).toBe(fixed);
  });

  it("explains usage and missing files instead of crashing", async () => {
    expect(await runDirectoryImport([], io)).toBe(2);
    expect(await runDirectoryImport(["missing.json", "--database", database()], io)).toBe(2);
    expect(await runDirectoryImport(["a.json", "--bogus"], io)).toBe(2);
    expect(errors.join("\n")).toMatch(/Usage: npm run directory:import/);
    expect(errors.join("\n")).toMatch(/No such file: .*missing\.json/);
  });
});
