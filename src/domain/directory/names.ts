import type { Locale } from "../../config.js";
import type { CampaignRecord, PrisonerRecord } from "./types.js";

/**
 * Where a name stands decides its order, and this is the only place that knows it:
 * - `list`: lists, cards and search results, surname first as Ukrainian and Russian lists print them («Балух
 *   Володимир»); English keeps the given name first («Volodymyr Balukh»).
 * - `prose`: inside a sentence addressed to the reader («write to Володимир Балух»), given name first in every language.
 * Ukrainian and Russian readers get the Cyrillic spelling of their language, English readers the Latin one.
 */
export type NameOrder = "list" | "prose";

export function prisonerName(names: PrisonerRecord["names"], locale: Locale, order: NameOrder): string {
  const name = locale === "uk" ? names.uk : locale === "ru" ? names.ru : names.latin;
  return order === "list" && locale !== "en" ? `${name.surname} ${name.given}` : `${name.given} ${name.surname}`;
}

/** A campaign's name in the reader's language, its slug when the campaign no longer exists. */
export function campaignName(campaign: CampaignRecord | undefined, slug: string, locale: Locale): string {
  return campaign?.name[locale] ?? slug;
}
