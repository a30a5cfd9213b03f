/**
 * Fluent keys (`locales/<locale>/directory.ftl`) for the codes the directory uses, so screens never build key strings by
 * hand and a test can check that every key exists in every locale.
 */
import type { Age } from "./age.js";
import type { CardLocation } from "./card.js";
import {
  INSTITUTION_TYPES,
  type InstitutionType,
  INTEREST_TAGS,
  type InterestTag,
  NO_LETTERS_REASONS,
  PRISON_SYSTEMS,
  PRISONER_STATUSES,
  type PrisonerStatus,
  type PrisonSystem,
} from "./types.js";
import { type DeliveryRoute, type RefusalReason, WRITE_WARNINGS, type WriteWarning } from "./write-decision.js";

/** Takes `$gender` (male/female): Russian and Ukrainian status words agree with it. */
export const statusKey = (status: PrisonerStatus) => `directory-status-${status}`;
export const reasonKey = (reason: RefusalReason) => `directory-reason-${reason}`;
export const routeKey = (route: DeliveryRoute) => `directory-route-${route}`;
export const warningKey = (warning: WriteWarning) => `directory-warning-${warning}`;
export const institutionTypeKey = (type: InstitutionType) => `directory-institution-type-${type}`;
export const interestKey = (tag: InterestTag) => `directory-interest-${tag}`;
export const systemKey = (system: PrisonSystem) => `directory-system-${system}`;

/** Age line: `$years`, or `$min` and `$max` when only the birth year is known. */
export const ageKey = (age: Age) => `directory-card-age-${age.kind}`;

/** Location line: `$institution`, `$region`, `$asOf` (and nothing for unknown). */
export const locationKey = (location: CardLocation) => `directory-card-location-${location.kind}`;

/** Keys the screens use directly, with the variables each expects. */
export const DIRECTORY_TEXT = {
  /** `$status` (already localized), `$asOf` */
  cardStatus: "directory-card-status",
  cardStatusInferred: "directory-card-status-inferred",
  /** `$url` */
  cardSource: "directory-card-source",
  /** `$date` */
  cardBorn: "directory-card-born",
  /** `$year` */
  cardBornYear: "directory-card-born-year",
  cardInterests: "directory-card-interests",
  cardCampaigns: "directory-card-campaigns",
  /** `$hashtag` */
  cardNews: "directory-card-news",
  cardWrite: "directory-card-write",
  /** `$routes` (already localized, comma-separated) */
  cardRoutes: "directory-card-routes",
  cardRelayOnly: "directory-card-relay-only",
  /** `$query` */
  searchNobody: "directory-search-nobody",
  searchHintSpelling: "directory-search-hint-spelling",
  searchHintYear: "directory-search-hint-year",
  searchHintShort: "directory-search-hint-short",
  searchHintNotListed: "directory-search-hint-not-listed",
  searchPrompt: "directory-search-prompt",
  /** `$total`, `$page`, `$pages` */
  searchResults: "directory-search-results",
  searchPrevious: "directory-search-previous",
  searchNext: "directory-search-next",
  /** `$year` */
  searchYearDiffers: "directory-search-year-differs",
  /** `$name`, `$date`, `$age` */
  birthdayLine: "directory-birthday-line",
  birthdaysTitle: "directory-birthdays-title",
  birthdaysNone: "directory-birthdays-none",
  fewLettersTitle: "directory-few-letters-title",
  /** `$count` */
  fewLettersCount: "directory-few-letters-count",
} as const;

/** Every key the code can ask for; the locale test checks each exists in uk, en and ru. */
export function allDirectoryKeys(): string[] {
  const ages: Age[] = [{ kind: "exact", years: 1 }, { kind: "range", min: 1, max: 2 }, { kind: "unknown" }];
  const locations: CardLocation["kind"][] = ["current", "last-known", "unknown"];
  return [
    ...PRISONER_STATUSES.map(statusKey),
    ...[...NO_LETTERS_REASONS, "no-known-route" as const].map(reasonKey),
    ...(["fsin-pismo", "post", "organiser-relay"] as const).map(routeKey),
    ...WRITE_WARNINGS.map(warningKey),
    ...INSTITUTION_TYPES.map(institutionTypeKey),
    ...INTEREST_TAGS.map(interestKey),
    ...PRISON_SYSTEMS.map(systemKey),
    ...ages.map(ageKey),
    ...locations.map((kind) => locationKey({ kind, institution: null, asOf: null, sourceUrl: null })),
    ...Object.values(DIRECTORY_TEXT),
  ];
}
