import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
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
    useSession: false,
    // Unicode isolation marks around placeables show up as stray characters in Telegram clients.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => resolveLocale(ctx.user?.locale, guessLocale(ctx.from?.language_code, defaultLocale)),
  });
  for (const [locale, source] of localeSources()) i18n.loadLocaleSync(locale, { source });
  memoiseTranslation(i18n.fluent);
  return i18n;
}

let sources: Map<string, string> | undefined;

/**
 * The texts of `locales/<locale>/*.ftl`, one per locale, read once per process. The plugin's own `directory` option
 * reads the same files through a Deno shim that loads 118 files at start (docs/production.md, "Start-up"); the files
 * of a locale are joined in name order, as one Fluent resource.
 */
function localeSources(): Map<string, string> {
  if (sources) return sources;
  const root = projectPath("locales");
  sources = new Map();
  for (const locale of readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
    const files = readdirSync(join(root, locale)).filter((name) => name.endsWith(".ftl")).sort();
    sources.set(locale, files.map((name) => readFileSync(join(root, locale, name), "utf8")).join("\n"));
  }
  return sources;
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
  const loaded = sharedI18n(defaultLocale);
  return (locale, key, args) => loaded.t(resolveLocale(locale, defaultLocale), key, args ? { ...args } : undefined);
}

/**
 * The process's one I18n per DEFAULT_LOCALE: the bot's `ctx.t` (createBot) and `translator` share it, so the locale
 * files are parsed once at start, not once for each. It reads only `user` and `from` of a context (the negotiator),
 * whatever the context type.
 */
export function sharedI18n<C extends LocalizedContext>(defaultLocale: Locale): I18n<C> {
  let i18n = shared.get(defaultLocale);
  if (!i18n) shared.set(defaultLocale, (i18n = createI18n<LocalizedContext>(defaultLocale)));
  return i18n as unknown as I18n<C>;
}
