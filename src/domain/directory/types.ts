/**
 * The prisoner directory as plain data: what the seed files hold, what import and export exchange, what the
 * repositories return. Nothing here knows about SQLite or Telegram.
 */
import type { Locale } from "../../config.js";

/** `ru`: the Russian FSIN system, occupied Crimea included. `by`: Belarus. */
export const PRISON_SYSTEMS = ["ru", "by"] as const;
export type PrisonSystem = (typeof PRISON_SYSTEMS)[number];

/** Letters are written in Russian and gendered (уважаемый / уважаемая), so the directory keeps the gender. */
export const GENDERS = ["male", "female"] as const;
export type Gender = (typeof GENDERS)[number];

export const PRISONER_STATUSES = ["pretrial", "sentenced", "released", "exchanged", "deceased", "unknown"] as const;
export type PrisonerStatus = (typeof PRISONER_STATUSES)[number];

/** Statuses after which a letter to a prison can no longer reach the person. */
export const FREE_OR_DEAD_STATUSES: readonly PrisonerStatus[] = ["released", "exchanged", "deceased"];

/** `inferred`: the research concluded it from sources (e.g. a release at the end of a term), no source says it. */
export const STATUS_CONFIDENCES = ["confirmed", "inferred"] as const;
export type StatusConfidence = (typeof STATUS_CONFIDENCES)[number];

/** Why the directory offers no letter. Each code has a Fluent text `directory-reason-<code>`. */
export const NO_LETTERS_REASONS = [
  "released",
  "exchanged",
  "deceased",
  "relatives-only",
  "location-unknown",
  "prisoner-request",
  "organiser-hold",
] as const;
export type NoLettersReason = (typeof NO_LETTERS_REASONS)[number];

export const INSTITUTION_TYPES = ["sizo", "colony", "prison", "hospital", "settlement", "other"] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

/** Interest tags the locale files describe (`directory-interest-<tag>`); only set when a source names them. */
export const INTEREST_TAGS = ["mathematics", "reading", "poetry", "writing", "ecology"] as const;
export type InterestTag = (typeof INTEREST_TAGS)[number];

/**
 * A date as precise as its source: `2026-02-16`, `2026-02` («c. Feb 2026») or `2026`. Keeping the precision stops the
 * directory from inventing a day the source never gave.
 */
export type PartialDate = string;

export type Localized = Record<Locale, string>;

export interface PersonName {
  surname: string;
  given: string;
  /** Null when no source gives it in this script: a guessed patronymic on an envelope is worse than none. */
  patronymic: string | null;
}

export interface PrisonerRecord {
  /** Stable identifier used in callback data, deep links and files, e.g. `balukh-volodymyr`. */
  slug: string;
  names: {
    /** The form letters are addressed with: «Балух Владимир Григорьевич». */
    ru: PersonName;
    uk: PersonName;
    latin: PersonName;
  };
  /** Spellings seen in sources (machine translations included) so that a reader of any article finds the person. */
  altSpellings: string[];
  gender: Gender;
  birthYear: number | null;
  /** Years other sources give (Zeytullaev: 1984 in the seed, 1985 on zmina.info); search accepts them too. */
  birthYearAlternatives: number[];
  /** Full date (YYYY-MM-DD) only when a source gives the day; birthdays are announced only then. */
  birthDate: string | null;
  birthNote: string | null;
  system: PrisonSystem;
  status: {
    value: PrisonerStatus;
    /** When a source last confirmed this status. */
    asOf: PartialDate;
    sourceUrl: string;
    confidence: StatusConfidence;
    /** Provenance for organisers (English); cards show the localized summary instead. */
    note: string | null;
  };
  location: {
    /** Institution slug, null when unknown or when the person is free. */
    institution: string | null;
    asOf: PartialDate | null;
    sourceUrl: string | null;
    /** False when the source is old and the person has probably been moved: the address is kept, not offered. */
    believedCurrent: boolean;
  };
  summary: Localized;
  interests: {
    tags: InterestTag[];
    sourceUrl: string | null;
  };
  letters: {
    allowed: boolean;
    reason: NoLettersReason | null;
  };
  /** Tag that case news carries, e.g. #Балух. */
  hashtag: string;
  campaigns: string[];
}

/**
 * What writing a letter reads of a card (the write decision, the recipient, a refusal's alternatives): the card
 * without its texts for people reading it (summaries, notes, other spellings), which step 1 does not read (issue 14).
 */
export type PrisonerForLetter = Omit<PrisonerRecord, "altSpellings" | "birthYearAlternatives" | "birthDate" | "birthNote" | "summary" | "hashtag" | "status" | "interests"> & {
  status: Omit<PrisonerRecord["status"], "note">;
  interests: Pick<PrisonerRecord["interests"], "tags">;
};

export interface InstitutionRecord {
  slug: string;
  system: PrisonSystem;
  type: InstitutionType;
  /** Region in Russian (or Belarusian/Russian for `by`), e.g. «Тверская область». */
  region: string;
  city: string | null;
  /** Short Russian name shown on cards, e.g. «ИК-4 (Торжок)». */
  name: string;
  /** Full official name when a source spells it, e.g. «ФКУ ИК-2 ГУФСИН России по Республике Башкортостан». */
  officialName: string | null;
  fsinPismo: {
    /** Null: nobody has checked whether FSIN-pismo serves it. */
    available: boolean | null;
    /** Region and institution exactly as the FSIN-pismo form lists them. */
    region: string | null;
    name: string | null;
  };
  zonatelecom: boolean | null;
  /** Only when a source gives the address; never composed from parts. */
  postalAddress: {
    text: string;
    sourceUrl: string;
    asOf: PartialDate;
  } | null;
  sourceUrl: string;
  note: string | null;
}

export interface CampaignRecord {
  slug: string;
  name: Localized;
  description: Localized;
  sourceUrl: string;
  startedOn: PartialDate | null;
  endedOn: PartialDate | null;
}

/** What the seed files hold together and what import/export exchange. */
export interface DirectoryDocument {
  institutions: InstitutionRecord[];
  campaigns: CampaignRecord[];
  prisoners: PrisonerRecord[];
}
