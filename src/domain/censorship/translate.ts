import { readdirSync, readFileSync } from "node:fs";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { projectPath } from "../../project-path.js";

/** Locales of the censorship texts (the bot itself renders them through @grammyjs/i18n and `ctx.t`). */
export const REPORT_LOCALES = ["uk", "en", "ru"] as const;
export type ReportLocale = (typeof REPORT_LOCALES)[number];

export type Translate = (key: string, args?: Record<string, FluentVariable>) => string;

/**
 * Renders keys of `locales/<locale>/censorship*.ftl` (censorship.ftl and censorship-context.ftl) outside the bot
 * (the check-letter command line). A missing key or a broken file throws: a report with a key in place of an
 * explanation is worse than an error.
 */
export function censorshipTranslator(locale: ReportLocale): Translate {
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const path = projectPath("locales", locale, "censorship*.ftl");
  for (const file of censorshipFiles(locale)) {
    const errors = bundle.addResource(new FluentResource(readFileSync(file, "utf8")));
    if (errors.length > 0) throw new Error(`${file}: ${errors.map((error) => error.message).join("; ")}`);
  }
  return (key, args) => {
    const message = bundle.getMessage(key);
    if (!message?.value) throw new Error(`${path}: no message "${key}"`);
    const formatErrors: Error[] = [];
    const text = bundle.formatPattern(message.value, args, formatErrors);
    if (formatErrors.length > 0) throw new Error(`${path}: "${key}": ${formatErrors[0]?.message}`);
    return text;
  };
}

/** The Fluent files of the censorship texts of one locale. */
export function censorshipFiles(locale: ReportLocale): string[] {
  const folder = projectPath("locales", locale);
  return readdirSync(folder)
    .filter((name) => name.startsWith("censorship") && name.endsWith(".ftl"))
    .sort()
    .map((name) => `${folder}/${name}`);
}
