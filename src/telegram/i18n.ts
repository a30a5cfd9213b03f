import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Locale } from "../config.js";
import { projectPath } from "../project-path.js";
import { guessLocale, resolveLocale } from "./locale.js";

/** What the negotiator reads: the stored user (its locale is the source of truth), else Telegram's language_code. */
export type LocalizedContext = Context & { user?: { locale: string } | undefined };

export function createI18n<C extends LocalizedContext>(defaultLocale: Locale): I18n<C> {
  return new I18n<C>({
    defaultLocale,
    directory: projectPath("locales"),
    useSession: false,
    // Unicode isolation marks around placeables show up as stray characters in Telegram clients.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => resolveLocale(ctx.user?.locale, guessLocale(ctx.from?.language_code, defaultLocale)),
  });
}

export type TranslationArgs = Readonly<Record<string, string | number>>;
/** Translates into a locale named explicitly: messages to people other than the one whose update is handled. */
export type Translate = (locale: string, key: string, args?: TranslationArgs) => string;

const shared = new Map<Locale, I18n<LocalizedContext>>();

/**
 * The one translator for text outside `ctx.t`: the outbox, broadcasts, relays and notices go to people with their
 * own language (a writer, an organisers' chat, subscribers), so they translate through one lazily loaded copy of the
 * locale files per DEFAULT_LOCALE, with the same Fluent options as `ctx.t`. A locale we do not ship reads as
 * `defaultLocale`.
 */
export function translator(defaultLocale: Locale): Translate {
  let i18n = shared.get(defaultLocale);
  if (!i18n) {
    i18n = createI18n<LocalizedContext>(defaultLocale);
    shared.set(defaultLocale, i18n);
  }
  const loaded = i18n;
  return (locale, key, args) => loaded.t(resolveLocale(locale, defaultLocale), key, args ? { ...args } : undefined);
}
