/**
 * Writes a directory document as JSON in one canonical order (records by slug, fields as in the seed files), so that
 * export → import → export yields the same bytes and diffs of the data files stay readable.
 */
import type { CampaignRecord, DirectoryDocument, InstitutionRecord, PersonName, PrisonerRecord } from "./types.js";

export function toDirectoryJson(document: DirectoryDocument): string {
  const canonical = {
    version: 1,
    institutions: sortBySlug(document.institutions).map(canonicalInstitution),
    campaigns: sortBySlug(document.campaigns).map(canonicalCampaign),
    prisoners: sortBySlug(document.prisoners).map(canonicalPrisoner),
  };
  return `${JSON.stringify(canonical, null, 2)}\n`;
}

function sortBySlug<T extends { slug: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

const name = (value: PersonName): PersonName => ({
  surname: value.surname,
  given: value.given,
  patronymic: value.patronymic,
});

const localized = (value: Record<"uk" | "en" | "ru", string>) => ({ uk: value.uk, en: value.en, ru: value.ru });

export function canonicalPrisoner(record: PrisonerRecord): PrisonerRecord {
  return {
    slug: record.slug,
    names: { ru: name(record.names.ru), uk: name(record.names.uk), latin: name(record.names.latin) },
    altSpellings: [...record.altSpellings],
    gender: record.gender,
    birthYear: record.birthYear,
    birthYearAlternatives: [...record.birthYearAlternatives],
    birthDate: record.birthDate,
    birthNote: record.birthNote,
    system: record.system,
    status: {
      value: record.status.value,
      asOf: record.status.asOf,
      sourceUrl: record.status.sourceUrl,
      confidence: record.status.confidence,
      note: record.status.note,
    },
    location: {
      institution: record.location.institution,
      asOf: record.location.asOf,
      sourceUrl: record.location.sourceUrl,
      believedCurrent: record.location.believedCurrent,
    },
    summary: localized(record.summary),
    interests: { tags: [...record.interests.tags], sourceUrl: record.interests.sourceUrl },
    letters: { allowed: record.letters.allowed, reason: record.letters.reason },
    hashtag: record.hashtag,
    campaigns: [...record.campaigns].sort(),
  };
}

export function canonicalInstitution(record: InstitutionRecord): InstitutionRecord {
  return {
    slug: record.slug,
    system: record.system,
    type: record.type,
    region: record.region,
    city: record.city,
    name: record.name,
    officialName: record.officialName,
    fsinPismo: {
      available: record.fsinPismo.available,
      region: record.fsinPismo.region,
      name: record.fsinPismo.name,
    },
    zonatelecom: record.zonatelecom,
    postalAddress: record.postalAddress
      ? { text: record.postalAddress.text, sourceUrl: record.postalAddress.sourceUrl, asOf: record.postalAddress.asOf }
      : null,
    sourceUrl: record.sourceUrl,
    note: record.note,
  };
}

export function canonicalCampaign(record: CampaignRecord): CampaignRecord {
  return {
    slug: record.slug,
    name: localized(record.name),
    description: localized(record.description),
    sourceUrl: record.sourceUrl,
    startedOn: record.startedOn,
    endedOn: record.endedOn,
  };
}
