import { type Locale, SUPPORTED_LOCALES } from "../config.js";
import { languageOfCode } from "../domain/language-code.js";

export function isLocale(value: string | null | undefined): value is Locale {
  return (SUPPORTED_LOCALES as readonly (string | null | undefined)[]).includes(value);
}

/**
 * The one locale resolver: a stored or requested locale as one we ship, anything else (unknown, missing) as the
 * instance's DEFAULT_LOCALE, which callers pass as `fallback`.
 */
export function resolveLocale(value: string | null | undefined, fallback: Locale): Locale {
  return isLocale(value) ? value : fallback;
}

/** Telegram's language_code (e.g. "uk", "en-GB") mapped onto a UI locale we ship, else `fallback`. */
export function guessLocale(languageCode: string | undefined, fallback: Locale): Locale {
  return languageOfCode(languageCode, SUPPORTED_LOCALES) ?? fallback;
}

/**
 * For text addressed to a stored recipient (a user, an organisers' chat) where no configuration is at hand: their
 * locale was resolved against DEFAULT_LOCALE when it was stored, so this fallback only guards corrupt rows.
 */
export const STORED_LOCALE_FALLBACK: Locale = "uk";

/** Who an update comes from, as far as the language goes: the stored user, else Telegram's language_code. */
export interface Reader {
  user?: { locale: string } | undefined;
  from?: { language_code?: string } | undefined;
}

/** The locale `ctx.t` answers in (the i18n negotiator makes the same choice), for data with per-locale fields. */
export function readerLocale(reader: Reader, defaultLocale: Locale): Locale {
  return resolveLocale(reader.user?.locale, guessLocale(reader.from?.language_code, defaultLocale));
}
