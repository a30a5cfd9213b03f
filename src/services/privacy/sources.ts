/**
 * The personal-data registry: its queries (what /mydata exports and /forget deletes, per table) are
 * PERSONAL_DATA_SOURCES in src/db/repositories/personal-data.ts; the tables that hold nothing about a person are listed
 * here. test/production/privacy.test.ts fails for any table that is in neither list.
 */
export { PERSONAL_DATA_SOURCES, type PersonalDataSource } from "../../db/repositories/personal-data.js";

/** Tables holding nothing about a person who uses the bot, and why. */
export const TABLES_WITHOUT_PERSONAL_DATA: Record<string, string> = {
  institutions: "public directory of prisons",
  campaigns: "public campaign descriptions",
  prisoners: "public directory of prisoners, from public sources",
  prisoner_campaigns: "which campaign a prisoner belongs to",
  outbox_attachments: "files of outbox rows; those of a forgotten person's rows are deleted with them",
  news_channel_offers: "posts of public news channels",
  institution_aliases: "spellings of public prison names",
  directory_observations: "public registry records of prisoners, with their provenance",
  directory_sync_runs: "counts and cursors of directory syncs",
  directory_sync_lock: "which process runs the directory sync",
  prisoner_intermediaries: "services that deliver letters to a prisoner, from public sources",
  seen_updates: "update ids taken in, with the time and the instance handling them; nothing about who sent them",
};
