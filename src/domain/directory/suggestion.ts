/**
 * "Someone not listed" (#11 item 6): what a writer gives about a person the directory does not know, and the card an
 * organiser's acceptance makes of it. Pure: the name is taken as typed (no guessed patronymic, no invented status), the
 * card's status is "unknown", and its source says whose word it is: a user's, confirmed by an organiser or admin.
 */
import { transliterate } from "../directory-sources/identity.js";
import { genderFromPatronymic } from "../directory-sources/types.js";
import { type Gender, PRISON_SYSTEMS, type PrisonerRecord, type PrisonSystem } from "./types.js";

export const SUGGESTION_NAME_MAX = 100;

export interface SuggestedName {
  surname: string;
  given: string;
  patronymic: string | null;
}

/** What the writer gave, stored as the review item's payload (JSON). */
export interface Suggestion {
  name: SuggestedName;
  birthYear: number | null;
  gender: Gender;
  /** The facility picked from the list, or null: the writer does not know it (never guessed). */
  institution: string | null;
  /** Only without a facility: the country the writer says the person is held by (a facility's own system otherwise). */
  system?: PrisonSystem;
}

export type NameProblem = "too-long" | "words" | "letters";

/** «Прізвище Ім'я [По батькові]»: two to four words of letters (hyphens and apostrophes inside a word). */
export function parseSuggestedName(text: string): SuggestedName | NameProblem {
  const trimmed = text.normalize("NFC").replace(/\s+/g, " ").trim();
  if (trimmed.length > SUGGESTION_NAME_MAX) return "too-long";
  const words = trimmed.split(" ").filter(Boolean);
  if (words.length < 2 || words.length > 4) return "words";
  if (!words.every((word) => /^\p{L}+(?:[-'’]\p{L}+)*$/u.test(word))) return "letters";
  const [surname, given, ...rest] = words as [string, string, ...string[]];
  return { surname, given, patronymic: rest.length > 0 ? rest.join(" ") : null };
}

/** A year of birth the writer may know: a person in prison now was born between 1920 and 14 years ago. */
export function parseSuggestedYear(text: string, today: Date): number | null {
  const match = /^\s*(\d{4})\s*$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  return year >= 1920 && year <= today.getUTCFullYear() - 14 ? year : null;
}

export function suggestedGender(name: SuggestedName): Gender | null {
  return genderFromPatronymic(name.patronymic);
}

/** Reads a stored payload back; anything not of the shape is refused rather than trusted. */
export function readSuggestion(payload: unknown): Suggestion | null {
  const value = payload as Partial<Suggestion> | null;
  const name = value?.name;
  if (!name || typeof name.surname !== "string" || typeof name.given !== "string") return null;
  if (name.patronymic !== null && typeof name.patronymic !== "string") return null;
  if (value.gender !== "male" && value.gender !== "female") return null;
  if (typeof value.institution !== "string" && value.institution !== null) return null;
  if (value.institution === null && !PRISON_SYSTEMS.some((system) => system === value.system)) return null;
  if (value.birthYear !== null && typeof value.birthYear !== "number") return null;
  const given = { surname: name.surname, given: name.given, patronymic: name.patronymic };
  const place = value.institution === null ? { institution: null, system: value.system as PrisonSystem } : { institution: value.institution };
  return { name: given, birthYear: value.birthYear ?? null, gender: value.gender, ...place };
}

/**
 * The source of a fact a user gave: `lysty:suggestion/<review id>/<role>`, where the role says who vouches for it: an
 * organiser or admin who confirmed it, or `writer` while nobody has checked it (the writer's own card, seen by them
 * only). Not a web page, so cards say it in words («submitted by a user, confirmed by an organiser», «details you
 * gave, not checked») instead of linking it.
 */
const SUGGESTION_SOURCE = /^lysty:suggestion\/(\d+)\/(organiser|admin|writer)$/;
export type ConfirmingRole = "organiser" | "admin";
export type SuggestionRole = ConfirmingRole | "writer";

export function suggestionSource(reviewId: number, role: SuggestionRole): string {
  return `lysty:suggestion/${reviewId}/${role}`;
}

export function parseSuggestionSource(url: string | null): { reviewId: number; role: SuggestionRole } | null {
  const match = url === null ? null : SUGGESTION_SOURCE.exec(url);
  return match ? { reviewId: Number(match[1]), role: match[2] as SuggestionRole } : null;
}

/** True for a fact only the writer vouches for: «details you gave, not checked» on every screen and packet. */
export function isUncheckedSource(url: string | null): boolean {
  return parseSuggestionSource(url)?.role === "writer";
}

/** The slug of the card a suggestion becomes: the writer's own card first, the same card once an organiser adds it. */
export function suggestedSlug(name: SuggestedName, reviewId: number): string {
  const base = `${slugWord(name.surname)}-${slugWord(name.given)}`.replace(/^-|-$/g, "").slice(0, 36) || "person";
  return `${base}-u${reviewId}`;
}

function slugWord(text: string): string {
  return transliterate(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * The card a suggestion becomes: the writer's facts, dated the day of the confirmation (or of the writer's submission,
 * role `writer`), nothing more.
 */
export function prisonerFromSuggestion(
  suggestion: Suggestion,
  input: { reviewId: number; role: SuggestionRole; system: PrisonSystem; confirmedOn: string },
): PrisonerRecord {
  const { name } = suggestion;
  const slug = suggestedSlug(name, input.reviewId);
  const source = suggestionSource(input.reviewId, input.role);
  const latin = (text: string | null) => (text === null ? null : transliterate(text));
  return {
    slug,
    names: {
      ru: { ...name },
      uk: { ...name },
      latin: { surname: transliterate(name.surname), given: transliterate(name.given), patronymic: latin(name.patronymic) },
    },
    altSpellings: [],
    gender: suggestion.gender,
    birthYear: suggestion.birthYear,
    birthYearAlternatives: [],
    birthDate: null,
    birthNote: null,
    system: input.system,
    status: { value: "unknown", asOf: input.confirmedOn, sourceUrl: source, confidence: "confirmed", note: input.role === "writer" ? "Submitted by a user, not checked" : `Submitted by a user, confirmed by an ${input.role}` },
    // No facility given: none recorded, as for any card whose facility nobody knows.
    location:
      suggestion.institution === null
        ? { institution: null, asOf: null, sourceUrl: null, believedCurrent: false }
        : { institution: suggestion.institution, asOf: input.confirmedOn, sourceUrl: source, believedCurrent: true },
    summary: { uk: "", en: "", ru: "" },
    interests: { tags: [], sourceUrl: null },
    letters: { allowed: true, reason: null },
    // Hashtags are unique in the directory: namesakes from several suggestions each get their own.
    hashtag: `#${name.surname.replace(/[^\p{L}\p{N}_]/gu, "")}_u${input.reviewId}`,
    campaigns: [],
  };
}
