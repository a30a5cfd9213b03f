/**
 * The organiser's text as written plus optional versions for other UI languages. A subscriber reads the version in
 * their language when there is one, otherwise the original: we never machine-translate news.
 */
import { type Locale, SUPPORTED_LOCALES } from "../../config.js";

export type NewsTexts = Partial<Record<Locale, string>>;

/** Telegram allows 4096 characters; the headline, name, date and source line need the rest. */
export const MAX_NEWS_TEXT_CHARACTERS = 3000;

export function textFor(texts: NewsTexts, locale: Locale, authorLocale: Locale): string {
  return texts[locale] ?? texts[authorLocale] ?? "";
}

export function serializeTexts(texts: NewsTexts): string {
  return JSON.stringify(texts);
}

/** Stored JSON back to texts; anything that is not a supported locale with a string is dropped. */
export function parseTexts(json: string): NewsTexts {
  const parsed: unknown = JSON.parse(json);
  const texts: NewsTexts = {};
  if (typeof parsed !== "object" || parsed === null) return texts;
  for (const locale of SUPPORTED_LOCALES) {
    const value = (parsed as Record<string, unknown>)[locale];
    if (typeof value === "string") texts[locale] = value;
  }
  return texts;
}

/** Whitespace trimmed; empty or overlong texts are refused so that the message always fits. */
export function checkNewsText(text: string): { ok: true; text: string } | { ok: false; reason: "empty" | "too-long" } {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, reason: "empty" };
  if ([...trimmed].length > MAX_NEWS_TEXT_CHARACTERS) return { ok: false, reason: "too-long" };
  return { ok: true, text: trimmed };
}
