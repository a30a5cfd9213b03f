import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { OWN_SHORT_SUGGESTION } from "../../../src/bot/features/letter/render/findings.js";
import { CATEGORY_IDS } from "../../../src/domain/censorship/types.js";
import { projectPath } from "../../../src/project-path.js";

const LOCALES = ["uk", "en", "ru"] as const;
const FEATURE = projectPath("src", "bot", "features", "letter");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [readFileSync(path, "utf8")] : [];
  });
}

/** Keys built from a prefix and a value at run time, with every value the code can produce. */
const DYNAMIC: Record<string, readonly string[]> = {
  "letter-ui-sign-invalid-": ["empty", "too-long", "too-many-lines"],
  "letter-ui-finish-failed-": ["not-found", "not-a-draft", "empty", "no-signature", "no-organiser-chat", "relay-limit"],
  "letter-ui-route-about-": ["fsin-pismo", "post"],
  "letter-screens-short-": [
    ...CATEGORY_IDS.filter((category) => category !== "language"),
    "language-ru",
    "language-by",
    "language-latin",
    ...OWN_SHORT_SUGGESTION,
  ],
};

function bundle(locale: string): FluentBundle {
  const result = new FluentBundle(locale, { useIsolating: false });
  for (const file of ["letter.ftl", "letter-screens.ftl", "censorship.ftl", "directory.ftl"]) {
    result.addResource(new FluentResource(readFileSync(projectPath("locales", locale, file), "utf8")));
  }
  return result;
}

describe("the letter flow's texts (letter-ui-* in locales/*/letter.ftl, letter-screens-* in letter-screens.ftl)", () => {
  const code = sources(FEATURE).join("\n");
  const literal = new Set([...code.matchAll(/"(letter-(?:ui|screens)-[a-z0-9-]+)"/g)].map((match) => match[1]!));
  const dynamic = Object.entries(DYNAMIC).flatMap(([prefix, values]) => values.map((value) => `${prefix}${value}`));
  const used = new Set([...literal, ...dynamic]);

  it("exist in uk, en and ru for every key the feature uses, and format without errors", () => {
    expect(used.size).toBeGreaterThan(100);
    for (const locale of LOCALES) {
      const messages = bundle(locale);
      for (const key of used) {
        const message = messages.getMessage(key);
        expect(message?.value, `${locale}: ${key}`).toBeTruthy();
        const errors: Error[] = [];
        const args = { name: "Имя", count: 2, stats: "…", query: "q", shown: 10, total: 12, asOf: "2026", url: "https://example.org", limit: 12000, page: 1, block: "B", signature: "S", reference: "L-2611-ABCD", language: "L", max: 60, date: "1.1.2026", region: "R", days: 30, dative: "Имени", declined: "yes", number: 2, last: 3, characters: 12001, gender: "female", from: 1, to: 3 };
        messages.formatPattern(message!.value!, args, errors);
        expect(errors.map(String), `${locale}: ${key}`).toEqual([]);
      }
    }
  });

  it("has no letter-ui-* or letter-screens-* entry the feature never uses", () => {
    const written = ["letter.ftl", "letter-screens.ftl"].flatMap((file) =>
      [...readFileSync(projectPath("locales", "en", file), "utf8").matchAll(/^(letter-(?:ui|screens)-[a-z0-9-]+) =/gmu)].map((match) => match[1]!),
    );
    expect(written.filter((key) => !used.has(key))).toEqual([]);
  });
});
