import type { I18n } from "@grammyjs/i18n";
import type { FlowContext } from "../bot/context.js";
import { createI18n } from "../bot/i18n.js";
import { type Locale, SUPPORTED_LOCALES } from "../config.js";

/**
 * Texts for people who are not the sender of the current update (subscribers of a broadcast, reminders), in each
 * person's own language. The same Fluent files and options as `ctx.t`.
 */
export type Translate = (locale: Locale, key: string, variables?: Readonly<Record<string, string | number>>) => string;

const instances = new Map<Locale, I18n<FlowContext>>();

/** Loads the locale files once per process, on first use. */
export function newsTranslator(defaultLocale: Locale): Translate {
  let i18n = instances.get(defaultLocale);
  if (!i18n) {
    i18n = createI18n(defaultLocale);
    instances.set(defaultLocale, i18n);
  }
  const loaded = i18n;
  return (locale, key, variables) => loaded.t(locale, key, variables ? { ...variables } : undefined);
}

/** A stored locale as one we ship; anything else reads as the default. */
export function resolveLocale(value: string | undefined, fallback: Locale): Locale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(value ?? "") ? (value as Locale) : fallback;
}
