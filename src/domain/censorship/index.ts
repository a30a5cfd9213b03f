export { checkLetter } from "./check.js";
export { textLanguage } from "./text-language.js";
export { assessLetterLanguage } from "./letter-language.js";
export {
  CATEGORY_IDS,
  type CategoryId,
  type CheckOptions,
  type CheckResult,
  type Finding,
  type LanguageAssessment,
  type LanguageSpan,
  LETTER_LANGUAGES,
  type LetterLanguage,
  type LetterStats,
  PRISON_SYSTEMS,
  type PrisonSystem,
  PRISONER_STATUSES,
  type PrisonerStatus,
  SEVERITIES,
  type Severity,
} from "./types.js";
