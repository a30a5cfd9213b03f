import type { PrisonerRecord } from "../directory/types.js";

/** What search needs to know about a person: every written form of the name, and the birth years sources give. */
export interface SearchEntry {
  slug: string;
  /** Surnames in every script; a match here ranks above a match on a given name. */
  surnames: string[];
  /** Given names, patronymics and spellings seen in sources. */
  otherNames: string[];
  birthYears: number[];
}

export function toSearchEntry(record: PrisonerRecord): SearchEntry {
  const { ru, uk, latin } = record.names;
  return {
    slug: record.slug,
    surnames: [ru.surname, uk.surname, latin.surname],
    otherNames: [
      ru.given,
      uk.given,
      latin.given,
      ...[ru.patronymic, uk.patronymic, latin.patronymic].filter((name): name is string => name !== null),
      ...record.altSpellings,
    ],
    birthYears: [...(record.birthYear === null ? [] : [record.birthYear]), ...record.birthYearAlternatives],
  };
}
