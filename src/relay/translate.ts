import type { I18n } from "@grammyjs/i18n";
import type { FlowContext } from "../bot/context.js";
import { createI18n } from "../bot/i18n.js";
import { type Locale, SUPPORTED_LOCALES } from "../config.js";

export type TranslationArgs = Readonly<Record<string, string | number>>;
/** Translates into a locale named explicitly: messages to people other than the one whose update is handled. */
export type Translate = (locale: string, key: string, args?: TranslationArgs) => string;

let shared: I18n<FlowContext> | undefined;

/**
 * The outbox worker and the relay run outside any update, and each message goes to someone with their own
 * language (a writer, an organisers' chat, an admin), so they translate through one lazily loaded copy of the
 * locale files rather than through `ctx.t`.
 */
export function translator(): Translate {
  shared ??= createI18n("uk");
  const i18n = shared;
  return (locale, key, args) => i18n.t(asLocale(locale), key, args ? { ...args } : undefined);
}

export function asLocale(locale: string | undefined, fallback: Locale = "uk"): Locale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(locale ?? "") ? (locale as Locale) : fallback;
}
