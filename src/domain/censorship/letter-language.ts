import { assessLanguage } from "./detect-language.js";
import { tokenizeReusing } from "./tokenize.js";
import type { CheckOptions, LanguageAssessment } from "./types.js";

/**
 * Exactly the `language` that `checkLetter` returns for the same text and options, for callers that need nothing else
 * (the organisers' route only asks whether to offer a translation): the check's words and the system decide it, so
 * this skips the lexicon, readings, context, model and findings, which read the assessment but never change it, and
 * the lexicon's lookups, which only keep each word's language evidence from one letter to the next.
 * test/censorship/letter-language.test.ts compares the two on the texts bench:censorship-same-output checks.
 */
export function assessLetterLanguage(text: string, options: Pick<CheckOptions, "system">): LanguageAssessment {
  // The check's pooled tokens, as runCheck takes them: the assessment keeps none of them (its spans are new objects).
  return assessLanguage(text, tokenizeReusing(text).words, options.system);
}
