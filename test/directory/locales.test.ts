import { readFileSync } from "node:fs";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { SUPPORTED_LOCALES } from "../../src/config.js";
import { allDirectoryKeys, reasonKey, statusKey } from "../../src/domain/directory/text-keys.js";
import { projectPath } from "../../src/project-path.js";

function bundleFor(locale: string): { bundle: FluentBundle; ids: string[] } {
  const resource = new FluentResource(readFileSync(projectPath("locales", locale, "directory.ftl"), "utf8"));
  const bundle = new FluentBundle(locale, { useIsolating: false });
  expect(bundle.addResource(resource)).toEqual([]);
  return { bundle, ids: resource.body.map((entry) => entry.id) };
}

const bundles = new Map(SUPPORTED_LOCALES.map((locale) => [locale, bundleFor(locale)]));

function format(locale: string, id: string, args: Record<string, string | number>): string {
  const { bundle } = bundles.get(locale as (typeof SUPPORTED_LOCALES)[number]) ?? {};
  const message = bundle?.getMessage(id);
  if (!bundle || !message?.value) throw new Error(`${locale} lacks ${id}`);
  const errors: Error[] = [];
  const text = bundle.formatPattern(message.value, args, errors);
  expect(errors).toEqual([]);
  return text;
}

describe("directory.ftl", () => {
  it("has the same keys, all prefixed directory-, in uk, en and ru", () => {
    const [uk, en, ru] = SUPPORTED_LOCALES.map((locale) => [...(bundles.get(locale)?.ids ?? [])].sort());
    expect(en).toEqual(uk);
    expect(ru).toEqual(uk);
    expect(uk?.every((id) => id.startsWith("directory-"))).toBe(true);
  });

  it("has every key the directory code asks for, and nothing it never asks for", () => {
    const used = new Set(allDirectoryKeys());
    for (const locale of SUPPORTED_LOCALES) {
      const ids = new Set(bundles.get(locale)?.ids);
      expect([...used].filter((key) => !ids.has(key)), locale).toEqual([]);
      expect([...ids].filter((key) => !used.has(key)), locale).toEqual([]);
    }
  });

  it("agrees status words with the person's gender in Russian and Ukrainian", () => {
    expect(format("ru", statusKey("exchanged"), { gender: "female" })).toBe("освобождена при обмене");
    expect(format("ru", statusKey("exchanged"), { gender: "male" })).toBe("освобождён при обмене");
    expect(format("uk", statusKey("sentenced"), { gender: "female" })).toBe("засуджена, відбуває строк");
    expect(format("en", statusKey("released"), { gender: "female" })).toBe("free");
  });

  it("renders placeables without Unicode isolation marks", () => {
    const text = format("en", "directory-card-status", { status: "serving a sentence", asOf: "16 February 2026" });
    expect(text).toBe("Status: serving a sentence, as of 16 February 2026");
    expect(format("ru", "directory-few-letters-count", { count: 3 })).toBe("за 30 дней через «Листы» 3 письма");
    expect(format("uk", reasonKey("no-known-route"), {})).toMatch(/^Безпечна адреса поки невідома/);
  });
});
