/**
 * The language a Telegram `language_code` names, when it is one of `languages`: its primary subtag, lower-cased
 * ("uk", "en-GB", "pt_BR", "RU" → "uk", "en", "pt", "ru"). The one rule for both the bot's locale guess
 * (`guessLocale` in telegram/locale.ts) and the editor page's language before its session arrives
 * (webapp/language.ts); pure, so that the page can bundle it without the server's config.
 */
export function languageOfCode<Language extends string>(languageCode: string | undefined, languages: readonly Language[]): Language | undefined {
  const primary = languageCode?.toLowerCase().split(/[-_]/)[0];
  return languages.find((language) => language === primary);
}
