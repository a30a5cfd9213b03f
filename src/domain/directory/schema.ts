/**
 * The shape every directory record must have, checked when seed files and imports are loaded. Objects are strict so
 * that a misspelt field (`adress`) fails instead of being silently dropped.
 */
import * as v from "valibot";
import { SUPPORTED_LOCALES } from "../../config.js";
import { isFullDate, isPartialDate } from "./partial-date.js";
import { parseSuggestionSource } from "./suggestion.js";
import {
  GENDERS,
  INSTITUTION_TYPES,
  INTEREST_TAGS,
  NO_LETTERS_REASONS,
  PRISON_SYSTEMS,
  PRISONER_STATUSES,
  STATUS_CONFIDENCES,
} from "./types.js";

const text = v.pipe(v.string("must be text"), v.trim(), v.minLength(1, "must not be empty"));
const nullableText = v.nullable(text);

const slug = v.pipe(
  v.string("must be text"),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase latin words joined by hyphens, e.g. balukh-volodymyr"),
  v.maxLength(48, "must be at most 48 characters (it travels in callback data)"),
);

const url = v.pipe(v.string("must be a URL"), v.url("must be a full URL such as https://…"), v.startsWith("http", "must be an http(s) URL"));

/**
 * A status or location source: a web page, or a user's suggestion an organiser confirmed (`lysty:suggestion/…`). A
 * writer's unchecked details (role `writer`) are never part of a directory file.
 */
const factSource = v.union(
  [url, v.pipe(v.string(), v.check((value) => (parseSuggestionSource(value)?.role ?? "writer") !== "writer"))],
  "must be a full URL such as https://…",
);

const partialDate = v.pipe(
  v.string("must be a date"),
  v.check(isPartialDate, "must be a date like 2026-02-16, 2026-02 or 2026"),
);

const fullDate = v.pipe(v.string("must be a date"), v.check(isFullDate, "must be a full date like 1971-01-15"));

const year = v.pipe(
  v.number("must be a year"),
  v.integer("must be a whole year"),
  v.minValue(1900, "must be 1900 or later"),
  v.maxValue(2100, "must be 2100 or earlier"),
);

const localized = v.strictObject(
  Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, text])) as Record<
    (typeof SUPPORTED_LOCALES)[number],
    typeof text
  >,
);

const personName = v.strictObject({ surname: text, given: text, patronymic: nullableText });

export const PrisonerSchema = v.strictObject({
  slug,
  names: v.strictObject({ ru: personName, uk: personName, latin: personName }),
  altSpellings: v.array(text, "must be a list of spellings"),
  gender: v.picklist(GENDERS, `must be one of ${GENDERS.join(", ")}`),
  birthYear: v.nullable(year),
  birthYearAlternatives: v.array(year, "must be a list of years"),
  birthDate: v.nullable(fullDate),
  birthNote: nullableText,
  system: v.picklist(PRISON_SYSTEMS, `must be one of ${PRISON_SYSTEMS.join(", ")}`),
  status: v.strictObject({
    value: v.picklist(PRISONER_STATUSES, `must be one of ${PRISONER_STATUSES.join(", ")}`),
    asOf: partialDate,
    sourceUrl: factSource,
    confidence: v.picklist(STATUS_CONFIDENCES, `must be one of ${STATUS_CONFIDENCES.join(", ")}`),
    note: nullableText,
  }),
  location: v.strictObject({
    institution: v.nullable(slug),
    asOf: v.nullable(partialDate),
    sourceUrl: v.nullable(factSource),
    believedCurrent: v.boolean("must be true or false"),
  }),
  summary: localized,
  interests: v.strictObject({
    tags: v.array(v.picklist(INTEREST_TAGS, `must be one of ${INTEREST_TAGS.join(", ")}`)),
    sourceUrl: v.nullable(url),
  }),
  letters: v.strictObject({
    allowed: v.boolean("must be true or false"),
    reason: v.nullable(v.picklist(NO_LETTERS_REASONS, `must be one of ${NO_LETTERS_REASONS.join(", ")}`)),
  }),
  hashtag: v.pipe(v.string("must be text"), v.regex(/^#[\p{L}\p{N}_]+$/u, "must look like #Балух (no spaces)")),
  campaigns: v.array(slug, "must be a list of campaign slugs"),
});

export const InstitutionSchema = v.strictObject({
  slug,
  system: v.picklist(PRISON_SYSTEMS, `must be one of ${PRISON_SYSTEMS.join(", ")}`),
  type: v.picklist(INSTITUTION_TYPES, `must be one of ${INSTITUTION_TYPES.join(", ")}`),
  region: text,
  city: nullableText,
  name: text,
  officialName: nullableText,
  fsinPismo: v.strictObject({
    available: v.nullable(v.boolean("must be true, false or null")),
    region: nullableText,
    name: nullableText,
  }),
  zonatelecom: v.nullable(v.boolean("must be true, false or null")),
  postalAddress: v.nullable(v.strictObject({ text, sourceUrl: url, asOf: partialDate })),
  sourceUrl: url,
  note: nullableText,
});

export const CampaignSchema = v.strictObject({
  slug,
  name: localized,
  description: localized,
  sourceUrl: url,
  startedOn: v.nullable(partialDate),
  endedOn: v.nullable(partialDate),
});

/** A seed file or an import: any of the three lists may be absent (a prisoners-only file is common). */
export const DirectoryFileSchema = v.strictObject({
  version: v.literal(1, "must be 1 (the only format version so far)"),
  institutions: v.optional(v.array(InstitutionSchema, "must be a list"), []),
  campaigns: v.optional(v.array(CampaignSchema, "must be a list"), []),
  prisoners: v.optional(v.array(PrisonerSchema, "must be a list"), []),
});
