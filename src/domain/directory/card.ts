/**
 * What a prisoner card shows, computed without Telegram: the screens turn this into text with the Fluent keys from
 * `text-keys.ts`. Every fact keeps its date and source so the card can say "as of … (source)".
 */
import type { Locale } from "../../config.js";
import { type Age, computeAge } from "./age.js";
import { prisonerName } from "./names.js";
import type { CampaignRecord, Gender, InstitutionRecord, InterestTag, PersonName, PrisonerRecord } from "./types.js";
import { decideWrite, type WriteContext, type WriteDecision } from "./write-decision.js";

export interface CardLocation {
  /** `current`: believed to be there now; `last-known`: a source placed them there, probably moved since. */
  kind: "current" | "last-known" | "unknown";
  institution: { name: string; region: string; city: string | null } | null;
  asOf: string | null;
  sourceUrl: string | null;
}

export interface PrisonerCard {
  slug: string;
  /** «Балух Владимир Григорьевич»: the form for envelopes and the FSIN-pismo recipient field. */
  fullNameRu: string;
  /** The name in the reader's script: Ukrainian for uk, Latin for en, Russian for ru. */
  displayName: string;
  gender: Gender;
  age: Age;
  birthYear: number | null;
  birthDate: string | null;
  status: PrisonerRecord["status"];
  location: CardLocation;
  summary: string;
  interests: InterestTag[];
  campaigns: { slug: string; name: string }[];
  hashtag: string;
  write: WriteDecision;
}

export function fullName(name: PersonName): string {
  return [name.surname, name.given, name.patronymic].filter((part): part is string => part !== null).join(" ");
}

export function describeLocation(prisoner: PrisonerRecord, institution: InstitutionRecord | undefined): CardLocation {
  const { location } = prisoner;
  if (location.institution === null || !institution || institution.slug !== location.institution) {
    return { kind: "unknown", institution: null, asOf: null, sourceUrl: null };
  }
  return {
    kind: location.believedCurrent ? "current" : "last-known",
    institution: { name: institution.name, region: institution.region, city: institution.city },
    asOf: location.asOf,
    sourceUrl: location.sourceUrl,
  };
}

export interface CardInput {
  prisoner: PrisonerRecord;
  institution: InstitutionRecord | undefined;
  campaigns: readonly CampaignRecord[];
  locale: Locale;
}

export function buildPrisonerCard(input: CardInput, context: WriteContext): PrisonerCard {
  const { prisoner, institution, locale } = input;
  const memberOf = new Set(prisoner.campaigns);
  return {
    slug: prisoner.slug,
    fullNameRu: fullName(prisoner.names.ru),
    displayName: prisonerName(prisoner.names, locale, "list"),
    gender: prisoner.gender,
    age: computeAge(prisoner, context.today),
    birthYear: prisoner.birthYear,
    birthDate: prisoner.birthDate,
    status: prisoner.status,
    // A free person's last prison is history, not a place to write to.
    location:
      prisoner.status.value === "pretrial" || prisoner.status.value === "sentenced" || prisoner.status.value === "unknown"
        ? describeLocation(prisoner, institution)
        : { kind: "unknown", institution: null, asOf: null, sourceUrl: null },
    summary: prisoner.summary[locale],
    interests: prisoner.interests.tags,
    campaigns: input.campaigns
      .filter((campaign) => memberOf.has(campaign.slug))
      .map((campaign) => ({ slug: campaign.slug, name: campaign.name[locale] })),
    hashtag: prisoner.hashtag,
    write: decideWrite(prisoner, institution, context),
  };
}
