import { readFileSync } from "node:fs";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { loadLexicon } from "../../src/domain/censorship/lexicon.js";
import { loadContext } from "../../src/domain/censorship/context.js";
import { censorshipFiles, REPORT_LOCALES, type ReportLocale } from "../../src/domain/censorship/translate.js";
import {
  CATEGORY_IDS,
  LETTER_LANGUAGES,
  PRISON_SYSTEMS,
  PRISONER_STATUSES,
  SEVERITIES,
} from "../../src/domain/censorship/types.js";

/** censorship.ftl and censorship-context.ftl (issue 16), as the command line's translator loads them. */
const source = (locale: ReportLocale): string =>
  censorshipFiles(locale).map((file) => readFileSync(file, "utf8")).join("\n");

function bundleFor(locale: ReportLocale): FluentBundle {
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(source(locale)));
  expect(errors, `${locale}/censorship.ftl parse errors`).toEqual([]);
  return bundle;
}

const keysOf = (locale: ReportLocale): string[] =>
  [...source(locale).matchAll(/^([a-z][a-z0-9-]*) =/gmu)].map((match) => match[1] as string).sort();

/** Every key the check and the command line can ask for. */
function requiredKeys(): string[] {
  const variants = new Set<string>(CATEGORY_IDS.filter((category) => category !== "language"));
  for (const system of PRISON_SYSTEMS) variants.add(`language-${system}`);
  const lexicon = loadLexicon();
  for (const adjustment of lexicon.adjustments) if (adjustment.explanation) variants.add(adjustment.explanation);
  for (const entry of lexicon.entries) if (entry.explanation) variants.add(entry.explanation);
  for (const frame of loadContext().frames) if (frame.rule.entry.explanation) variants.add(frame.rule.entry.explanation);
  // The learned model's findings and accepted languages typed in Latin letters (check.ts).
  variants.add("model");
  variants.add("language-latin");
  return [
    ...[...variants].flatMap((variant) => [`censorship-${variant}-why`, `censorship-${variant}-instead`]),
    ...CATEGORY_IDS.map((category) => `censorship-category-${category}`),
    ...SEVERITIES.map((severity) => `censorship-severity-${severity}`),
    ...LETTER_LANGUAGES.map((language) => `censorship-language-name-${language}`),
    ...PRISON_SYSTEMS.map((system) => `censorship-system-${system}`),
    ...PRISONER_STATUSES.map((status) => `censorship-status-${status}`),
  ];
}

describe("censorship.ftl", () => {
  it("has the same keys in uk, en and ru, all prefixed censorship-", () => {
    const [first, ...others] = REPORT_LOCALES.map(keysOf);
    for (const keys of others) expect(keys).toEqual(first);
    expect(first?.every((key) => key.startsWith("censorship-"))).toBe(true);
  });

  it.each(REPORT_LOCALES)("%s has every key the check produces and renders them without errors", (locale) => {
    const bundle = bundleFor(locale);
    const args = { system: "x", status: "x", characters: 1234, words: 2, pages: 5, languages: "x", count: 3,
      category: "x", severity: "x", start: 1, end: 2, excerpt: "x", option: "x", value: "x", allowed: "x",
      argument: "x", file: "x", line: 4 };
    for (const key of requiredKeys()) expect(bundle.hasMessage(key), `${locale}: ${key}`).toBe(true);
    for (const key of keysOf(locale)) {
      const message = bundle.getMessage(key);
      const errors: Error[] = [];
      const text = message?.value ? bundle.formatPattern(message.value, args, errors) : "";
      expect(errors, `${locale}: ${key}`).toEqual([]);
      expect(text.trim(), `${locale}: ${key}`).not.toBe("");
    }
  });

  it("uses the plural forms of each language", () => {
    const format = (locale: ReportLocale, count: number) => {
      const bundle = bundleFor(locale);
      const message = bundle.getMessage("censorship-report-found");
      return message?.value ? bundle.formatPattern(message.value, { count }) : "";
    };
    expect(format("uk", 3)).toBe("3 ризиковані фрагменти:");
    expect(format("uk", 5)).toBe("5 ризикованих фрагментів:");
    expect(format("ru", 21)).toBe("21 рискованный фрагмент:");
    expect(format("en", 1)).toBe("1 risky passage:");
  });
});
