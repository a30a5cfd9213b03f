/**
 * What every source adapter produces: candidate records with their provenance (research §1, §8). Pure data; the
 * sync engine decides what becomes a directory card.
 */
import { createHash } from "node:crypto";

export const SOURCE_NAMES = ["memorial", "ovd", "viasna", "fsin-pismo"] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];
export type PersonSource = Exclude<SourceName, "fsin-pismo">;

/** The organisation each source belongs to, named on cards and in /review. */
export const SOURCE_ORGANISATION: Record<SourceName, string> = {
  memorial: "Memorial",
  ovd: "OVD-Info",
  viasna: "Viasna",
  "fsin-pismo": "FSIN-pismo",
};

/** Custody as the source states it (research §1); Lysty's card status is derived from it and the stage. */
export type Custody = "in_custody" | "not_in_custody" | "released" | "deceased" | "unknown";
export type Recognition = "political_prisoner" | "former_political_prisoner" | "persecuted" | "none";
export type AddressState = "known" | "in_transit" | "unknown" | "absent";

export interface ParsedName {
  /** As the source writes it, without a bracketed former name. */
  display: string;
  surname: string;
  given: string;
  patronymic: string | null;
  /** Former names and other spellings the source gives. */
  alternatives: string[];
  /** Only initials («Т. Т. Т.»): nobody can be identified, and the person may have asked for it. */
  anonymous: boolean;
}

export interface Provenance {
  source: PersonSource;
  sourceRecordId: string;
  sourceUrl: string;
  fetchedAt: string;
  /** The source's own modification time, when it has one (Memorial `modified_gmt`). */
  sourceModifiedAt: string | null;
  parserVersion: string;
  rawSha256: string;
}

export interface CandidateRecord {
  provenance: Provenance;
  name: ParsedName;
  gender: "male" | "female" | null;
  birthYear: number | null;
  /** Only when the source gives the day. */
  birthDate: string | null;
  system: "ru" | "by";
  custody: Custody;
  /** Trial stage when in custody: `pretrial` until the verdict is in force, then `sentenced`. */
  stage: "pretrial" | "sentenced" | null;
  /** The source's own words or codes, unchanged. */
  statusRaw: string;
  recognition: Recognition;
  /** The source's date for the status (never the sync date unless the source has no other). */
  statusAsOf: string;
  region: string | null;
  institutionRaw: string | null;
  /** The full letter address as the source publishes it, verbatim. */
  postalAddress: string | null;
  postcode: string | null;
  addressState: AddressState;
  /**
   * A service the source says takes letters for this person (Memorial's letter block naming Crimean Solidarity's
   * page), recorded in `prisoner_intermediaries` with the source's page and date. Absent when the source says none.
   */
  intermediary?: { service: string; url: string };
}

export interface SkippedRecord {
  sourceRecordId: string | null;
  reason: string;
}

export interface ParseResult<T> {
  records: T[];
  skipped: SkippedRecord[];
}

/** The source sent something that is not the documented shape at all (not one bad record: the whole payload). */
export class SourceFormatError extends Error {}

export function sha256(value: unknown): string {
  return createHash("sha256").update(typeof value === "string" ? value : JSON.stringify(value)).digest("hex");
}

const INITIAL = /^\p{Lu}\.$/u;

/** «Фамилия Имя Отчество», a bracketed former surname kept as an alternative, initials-only names flagged. */
export function parseSurnameFirstName(raw: string): ParsedName {
  const text = decodeEntities(raw).replace(/\s+/g, " ").trim();
  const bracket = /\(([^)]+)\)/u.exec(text);
  const display = text.replace(/\s*\([^)]*\)\s*/gu, " ").replace(/\s+/g, " ").trim();
  const words = display.split(" ").filter(Boolean);
  const rest = words.slice(1).join(" ");
  const alternatives = bracket ? [`${bracket[1]?.trim()}${rest ? ` ${rest}` : ""}`] : [];
  return {
    display,
    surname: words[0] ?? "",
    given: words[1] ?? "",
    patronymic: words.length > 2 ? words.slice(2).join(" ") : null,
    alternatives,
    anonymous: words.length === 0 || words.every((word) => INITIAL.test(word)) || words.length < 2,
  };
}

/** «Имя Фамилия» (Viasna's Belarusian order, patronymic usually absent). */
export function parseGivenFirstName(raw: string): ParsedName {
  const words = raw.replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
  if (words.length === 3) return parseSurnameFirstName(raw);
  const surname = words.at(-1) ?? "";
  const given = words.slice(0, -1).join(" ");
  return {
    display: `${surname} ${given}`.trim(),
    surname,
    given,
    patronymic: null,
    alternatives: [words.join(" ")],
    anonymous: words.length < 2 || words.every((word) => INITIAL.test(word)),
  };
}

/** Gender from a Russian patronymic ending; used only when the source does not say, and noted as inferred. */
export function genderFromPatronymic(patronymic: string | null): "male" | "female" | null {
  if (!patronymic) return null;
  if (/(вич|ич|оглы|улы)$/iu.test(patronymic)) return "male";
  if (/(вна|чна|кызы|гызы)$/iu.test(patronymic)) return "female";
  return null;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#039": "'", nbsp: " ", laquo: "«", raquo: "»" };

export function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&([a-z#0-9]+);/gi, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole);
}
