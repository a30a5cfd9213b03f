import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { projectPath } from "../../src/project-path.js";

/**
 * Features and flows parse the update, call a service and render (docs/contributing.md). SQL lives in repositories:
 * no file under src/bot/ builds a query, and no feature or flow reaches past the services into repositories.
 */

const SRC = projectPath("src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith(".ts") ? [path] : [];
  });
}

const QUERY = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto)\(|\bsql`/;
const REPOSITORY_IMPORT = /from\s+["'](?:\.\.\/)+db\/repositories\//;

describe("thin features", () => {
  const files = sourceFiles(join(SRC, "bot")).map((file) => ({ name: relative(SRC, file), source: readFileSync(file, "utf8") }));

  it("no file under src/bot/ builds an SQL query", () => {
    expect(files.filter(({ source }) => QUERY.test(source)).map(({ name }) => name)).toEqual([]);
  });

  it("no feature or flow reaches past the services into repositories", () => {
    const calling = files
      .filter(({ name, source }) => /^bot\/(features|flows)\//.test(name) && REPOSITORY_IMPORT.test(source))
      .map(({ name }) => name);
    expect(calling, "call a service of src/services/<area>/ instead").toEqual([]);
  });

  it("sees a query and a repository import (the rule itself works)", () => {
    expect(QUERY.test('await ctx.deps.db.selectFrom("letters")')).toBe(true);
    expect(REPOSITORY_IMPORT.test('import { getRelay } from "../../../db/repositories/relay.js";')).toBe(true);
    expect(REPOSITORY_IMPORT.test('import { cardButtonsFor } from "../../../services/relay/card-buttons.js";')).toBe(false);
  });
});
