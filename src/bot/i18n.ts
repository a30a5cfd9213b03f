import { I18n } from "@grammyjs/i18n";
import { type Locale, SUPPORTED_LOCALES } from "../config.js";
import { projectPath } from "../project-path.js";
import type { FlowContext } from "./context.js";

export function createI18n(defaultLocale: Locale): I18n<FlowContext> {
  return new I18n<FlowContext>({
    defaultLocale,
    directory: projectPath("locales"),
    useSession: false,
    // Unicode isolation marks around placeables show up as stray characters in Telegram clients.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => ctx.user?.locale ?? guessLocale(ctx.from?.language_code, defaultLocale),
  });
}

/** Telegram's language_code (e.g. "uk", "en-GB") mapped onto a UI locale we ship. */
export function guessLocale(languageCode: string | undefined, fallback: Locale): Locale {
  const base = languageCode?.toLowerCase().split(/[-_]/)[0];
  return (SUPPORTED_LOCALES as readonly string[]).includes(base ?? "") ? (base as Locale) : fallback;
}
