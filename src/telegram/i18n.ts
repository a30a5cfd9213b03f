import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Locale } from "../config.js";
import { projectPath } from "../project-path.js";
import { guessLocale, resolveLocale } from "./locale.js";

/** What the negotiator reads: the stored user (its locale is the source of truth), else Telegram's language_code. */
export type LocalizedContext = Context & { user?: { locale: string } | undefined };

export function createI18n<C extends LocalizedContext>(defaultLocale: Locale): I18n<C> {
  const i18n = new I18n<C>({
    defaultLocale,
    directory: projectPath("locales"),
    useSession: false,
    // Unicode isolation marks around placeables show up as stray characters in Telegram clients.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => resolveLocale(ctx.user?.locale, guessLocale(ctx.from?.language_code, defaultLocale)),
  });
  memoiseTranslation(i18n.fluent);
  return i18n;
}

/** What `memoiseTranslation` wraps: the plugin's step from a locale to its bundles, and its translate. */
interface FluentInternals {
  matchBundles(locales: readonly string[]): Set<unknown>;
  translate(locales: string | readonly string[], path: string, context?: Readonly<Record<string, unknown>>): string;
}

/**
 * The plugin negotiates languages (`@fluent/langneg`, building `Intl.Locale`s) on every `ctx.t` call to find the
 * bundles of a locale, and formats every text anew (issue 14: 11 % of a letter-flow step went to translations, most
 * of it the same button labels on every replayed screen). The bundles are all loaded by the constructor and never
 * change, so the bundles of a locale are found once, and a text without arguments is formatted once per locale.
 * `translate` only reads the set of bundles; texts with arguments are formatted on every call.
 */
export function memoiseTranslation(fluent: I18n["fluent"]): void {
  const internals = fluent as unknown as FluentInternals;
  const match = internals.matchBundles.bind(fluent);
  const bundles = new Map<string, Set<unknown>>();
  internals.matchBundles = (locales) => {
    const key = locales.join("\n");
    let matched = bundles.get(key);
    if (!matched) bundles.set(key, (matched = match(locales)));
    return matched;
  };
  const translate = internals.translate.bind(fluent);
  const plain = new Map<string, string>();
  internals.translate = (locales, path, context) => {
    if (context) for (const _ in context) return translate(locales, path, context);
    const key = `${typeof locales === "string" ? locales : locales.join("\n")}\u0000${path}`;
    let text = plain.get(key);
    if (text === undefined) plain.set(key, (text = translate(locales, path, context)));
    return text;
  };
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
