import { lettersBySentenceLanguage } from "./detect-language.js";
import { SCORED_LANGUAGES } from "./language-profiles.js";
import { tokenize } from "./tokenize.js";
import type { LetterLanguage } from "./types.js";

/** Share of the deciding sentences' letters one language needs: a post quoting a sentence in another still counts. */
const SURE_SHARE = 0.8;

/**
 * The language a text nobody labelled is written in (a channel post offered as news), by the letter check's language
 * detector; null when unsure (no sentence decides, or no language holds SURE_SHARE of the letters), so that the
 * caller asks a person rather than guess.
 */
export function textLanguage(text: string): LetterLanguage | null {
  const letters = lettersBySentenceLanguage(text, tokenize(text).words);
  const total = letters.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const best = letters.indexOf(Math.max(...letters));
  return (letters[best] ?? 0) >= total * SURE_SHARE ? (SCORED_LANGUAGES[best] ?? null) : null;
}
