import { callbackData } from "../../../telegram/callback-data.js";

/**
 * Callback data of the directory's buttons. Every handler treats it as untrusted: slugs are looked up, page numbers
 * bounded, and a button that no longer makes sense is answered as out of date.
 */

/** Open the card of <slug>. */
export const openCardData = callbackData("dc", 1);
/**
 * Page <page> of the search for <query>. The query is the canonical form (words and year, see `canonicalQuery`)
 * when it fits in 64 bytes; otherwise it is empty and re-derived from the results message, which shows it in bold.
 */
export const searchPageData = callbackData("ds", 2);
/** The browse menu: campaigns, few letters, birthdays. */
export const browseMenuData = callbackData("dbm", 0);
/** Page <page> of the people in campaign <slug>. */
export const campaignPageData = callbackData("dbc", 2);
/** Page <page> of the people a letter can reach, fewest letters in the last 30 days first. */
export const fewLettersPageData = callbackData("dbf", 1);
/** A card picked at random among the people a letter can reach, weighted towards those with fewer letters. */
export const fewLettersRandomData = callbackData("dbr", 0);
/** Page <page> of the birthdays in the next 30 days. */
export const birthdaysData = callbackData("dbb", 1);

/** Page numbers in callback data: 1–4 digits; anything else is forged or broken. */
export function parsePage(value: string | undefined): number | undefined {
  return value !== undefined && /^\d{1,4}$/.test(value) ? Math.max(1, Number(value)) : undefined;
}
/** "Write to someone not in the list": starts the suggestion flow (`dnl`). */
export const notListedData = callbackData("dnl", 0);
