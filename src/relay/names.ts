import type { Locale } from "../config.js";
import type { CampaignRecord, PrisonerRecord } from "../domain/directory/types.js";

/** How a prisoner is named to someone reading in `locale`: Ukrainian, Russian, or the Latin spelling for English. */
export function prisonerNameFor(prisoner: PrisonerRecord, locale: Locale): string {
  const name = locale === "uk" ? prisoner.names.uk : locale === "ru" ? prisoner.names.ru : prisoner.names.latin;
  return `${name.given} ${name.surname}`;
}

export function campaignNameFor(campaign: CampaignRecord | undefined, slug: string, locale: Locale): string {
  return campaign?.name[locale] ?? slug;
}
