/**
 * Plain inputs of the letter domain. They are deliberately independent of the directory tables: a small adapter
 * (`recipient.ts`) maps a directory record onto them, so this module stays testable without a database.
 */

/** `ru`: the Russian FSIN system, occupied Crimea included. `by`: Belarus. */
export type PrisonSystem = "ru" | "by";

/**
 * Where the person stands in the criminal process. Pre-trial detention changes the guidance (a letter can reach the
 * investigator); someone no longer in custody (released, exchanged, deceased) must never be routed a letter.
 */
export type CustodyStatus = "pretrial" | "sentenced" | "not-in-custody" | "unknown";

export type Gender = "male" | "female";

export interface LetterInstitution {
  /** Region exactly as the FSIN-pismo form lists it, e.g. «Тверская область». */
  fsinRegion?: string;
  /** Institution exactly as the FSIN-pismo form lists it, e.g. «ИК-4 Торжок». */
  fsinName?: string;
  /** The envelope address without the person's name, one line per envelope line ("\n" between lines). */
  postalAddress?: string;
  /**
   * Set when the address is the person's own letter block from a registry (Memorial's person page, Viasna's export)
   * rather than the facility's: which page gave it and as of when, shown beside the envelope.
   */
  postalAddressSource?: { url: string; asOf: string };
  /** True when FSIN-pismo is known to serve this institution. */
  fsinPismo: boolean;
}

export interface LetterRecipient {
  /** Russian spelling of the whole name, as the directory shows it. */
  fullNameRu: string;
  surnameRu: string;
  givenNameRu: string;
  patronymicRu?: string;
  gender: Gender;
  birthYear?: number;
  system: PrisonSystem;
  status: CustodyStatus;
  institution?: LetterInstitution;
  /** Interest tags from the directory (any language); the letter constructor maps known ones to questions. */
  interests?: readonly string[];
  /**
   * False when the directory says letters should not be sent (relatives only, the prisoner asked, organisers hold
   * them); no delivery route is offered then. Unset means allowed.
   */
  acceptsLetters?: boolean;
  /**
   * True when only the writer vouches for these details (someone not in the list, before an organiser checked them):
   * every packet says «details you gave, not checked».
   */
  unchecked?: boolean;
}

/** A user-facing text: a Fluent key of `locales/<locale>/letter.ftl` with its arguments. The bot translates it. */
export interface LocalizedText {
  key: string;
  args?: Readonly<Record<string, string | number>>;
}

export function localized(key: string, args?: Readonly<Record<string, string | number>>): LocalizedText {
  return args ? { key, args } : { key };
}
