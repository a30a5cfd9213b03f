import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { projectPath } from "../../src/project-path.js";
import { SQLITE_ONLY_FILES } from "../helpers/sqlite-only-files.js";

/** What a test file that reaches the database under test uses (the harness, a test database, the URL itself). */
const USES_THE_TEST_DATABASE = /\bHarness\b|createTestDatabase|TEST_DATABASE_URL|onPostgres|postgresOnly|openPostgres/;

describe("the Postgres pass leaves out only files that never reach the test database", () => {
  it("every listed file exists and uses neither the harness nor a test database", () => {
    for (const file of SQLITE_ONLY_FILES) {
      const path = projectPath(file);
      expect(existsSync(path), file).toBe(true);
      expect(USES_THE_TEST_DATABASE.test(readFileSync(path, "utf8")), `${file} reaches the test database: run it on Postgres too`).toBe(false);
    }
  });

  it("would notice a file that starts using the test database", () => {
    expect(USES_THE_TEST_DATABASE.test("const h = await Harness.start();")).toBe(true);
    expect(USES_THE_TEST_DATABASE.test("const db = await createTestDatabase();")).toBe(true);
    expect(USES_THE_TEST_DATABASE.test("bed = await ProcessTestbed.start({ runtime: \"compiled\" });")).toBe(false);
  });
});
