import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { SUPPORTED_LOCALES } from "../../src/config.js";
import { projectPath } from "../../src/project-path.js";

function messageIds(locale: string): Map<string, string> {
  const ids = new Map<string, string>();
  const folder = projectPath("locales", locale);
  for (const file of readdirSync(folder).filter((name) => name.endsWith(".ftl"))) {
    const resource = new FluentResource(readFileSync(join(folder, file), "utf8"));
    for (const entry of resource.body) ids.set(entry.id, file);
  }
  return ids;
}

describe("locales", () => {
  const byLocale = new Map(SUPPORTED_LOCALES.map((locale) => [locale, messageIds(locale)]));

  it("ships every key in every locale, in the same file", () => {
    const all = new Set([...byLocale.values()].flatMap((ids) => [...ids.keys()]));
    const problems: string[] = [];
    for (const key of all) {
      const files = SUPPORTED_LOCALES.map((locale) => byLocale.get(locale)?.get(key));
      SUPPORTED_LOCALES.forEach((locale, index) => {
        if (!files[index]) problems.push(`${locale} lacks ${key}`);
      });
      if (new Set(files.filter(Boolean)).size > 1) problems.push(`${key} lives in different files: ${files.join(", ")}`);
    }
    expect(problems).toEqual([]);
    expect(all.size).toBeGreaterThan(20);
  });

  it("parses every Fluent file without syntax errors", () => {
    for (const locale of SUPPORTED_LOCALES) {
      const folder = projectPath("locales", locale);
      for (const file of readdirSync(folder).filter((name) => name.endsWith(".ftl"))) {
        const source = readFileSync(join(folder, file), "utf8");
        const junk = new FluentResource(source).body.length;
        // A syntax error drops the broken entry: count ids by a plain scan and compare.
        const declared = source.split("\n").filter((line) => /^[a-z][\w-]*\s*=/.test(line)).length;
        expect(junk, `${locale}/${file}`).toBe(declared);
      }
    }
  });
});
