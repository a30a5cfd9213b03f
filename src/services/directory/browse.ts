import { getPrisonerHistory } from "../../db/repositories/prisoner-history.js";
import type { Locale } from "../../config.js";
import type { DB } from "../../db/database.js";
import { workingRelays } from "../../db/repositories/campaign-chats.js";
import { getCampaignBySlug, listCampaigns } from "../../db/repositories/campaigns.js";
import { getInstitutionBySlug, listInstitutionsBySlug } from "../../db/repositories/institutions.js";
import { countLettersPerPrisoner } from "../../db/repositories/letters.js";
import { getPrisonerBySlug, getPrisonerFor, listPrisoners, listPrisonersInCampaign } from "../../db/repositories/prisoners.js";
import { type UpcomingBirthday, upcomingBirthdays } from "../../domain/directory/birthdays.js";
import { buildPrisonerCard, type PrisonerCard } from "../../domain/directory/card.js";
import { type FewLettersEntry, type LetterCounts, writableByFewLetters } from "../../domain/directory/few-letters.js";
import { prisonerName } from "../../domain/directory/names.js";
import { type CampaignRecord, FREE_OR_DEAD_STATUSES, type PrisonerRecord } from "../../domain/directory/types.js";
import type { SearchHit, SearchPage } from "../../domain/search/search.js";
import type { ServiceDeps } from "../deps.js";
import { hasOrganiserRelay } from "../relay/relay-letter.js";
import { directorySearchFor } from "./search-index.js";

/** What people browsing the directory see: campaigns, "few letters", birthdays, search results and one card. */

/** "Few letters" counts letters finished in this many days, like OVD-Info's Letters Now. */
const FEW_LETTERS_DAYS = 30;
const BIRTHDAY_DAYS = 30;
const DAY_MS = 86_400_000;

/** The campaigns to browse by, in the directory's order. */
export async function browseCampaigns(db: DB): Promise<CampaignRecord[]> {
  return listCampaigns(db);
}

/** A campaign and its people, by name in the reader's script; undefined when the campaign does not exist. */
export async function campaignMembers(db: DB, slug: string, locale: Locale): Promise<{ campaign: CampaignRecord; members: PrisonerRecord[] } | undefined> {
  const campaign = await getCampaignBySlug(db, slug);
  if (!campaign) return undefined;
  const members = (await listPrisonersInCampaign(db, campaign.slug)).sort((a, b) =>
    prisonerName(a.names, locale, "list").localeCompare(prisonerName(b.names, locale, "list"), locale),
  );
  return { campaign, members };
}

/**
 * People a letter can reach now (a direct route or organiser relay), fewest letters in the last 30 days first, with
 * those counts. Shared by the browse list, the random pick and the empty inline query.
 */
export async function writableByFewestLetters(deps: Pick<ServiceDeps, "db" | "clock">): Promise<{ entries: FewLettersEntry[]; counts: LetterCounts }> {
  const { db, clock } = deps;
  const now = clock.now();
  const prisoners = await listPrisoners(db);
  const held = prisoners.flatMap((prisoner) => (prisoner.location.institution === null ? [] : [prisoner.location.institution]));
  const institutions = new Map((await listInstitutionsBySlug(db, held)).map((institution) => [institution.slug, institution]));
  const counts = await countLettersPerPrisoner(db, new Date(now.getTime() - FEW_LETTERS_DAYS * DAY_MS));
  // One answer for everyone (not a query per person: issue 11, "constant number of queries at 10k people").
  const relays = await workingRelays(db);
  const entries = writableByFewLetters(prisoners, institutions, counts, {
    today: now,
    isRelayed: (prisoner) =>
      !FREE_OR_DEAD_STATUSES.includes(prisoner.status.value) && prisoner.letters.allowed && (relays.desk || relays.prisoners.has(prisoner.slug)),
  });
  return { entries, counts };
}

/**
 * Birthdays in the next 30 days of people who are neither free nor dead and whom letters are not barred to; only full
 * birth dates count.
 */
export async function upcomingBirthdaysOfPrisoners(deps: Pick<ServiceDeps, "db" | "clock">): Promise<{ birthday: UpcomingBirthday; prisoner: PrisonerRecord }[]> {
  const prisoners = await listPrisoners(deps.db);
  const bySlug = new Map(prisoners.map((prisoner) => [prisoner.slug, prisoner]));
  return upcomingBirthdays(prisoners, deps.clock.now(), BIRTHDAY_DAYS).flatMap((birthday) => {
    const prisoner = bySlug.get(birthday.slug);
    return prisoner ? [{ birthday, prisoner }] : [];
  });
}

/** One page of a directory search, with each found person's record (a person removed meanwhile is left out). */
export async function searchDirectory(
  deps: Pick<ServiceDeps, "db" | "clock">,
  query: string,
  page: number,
): Promise<{ page: SearchPage; people: { hit: SearchHit; prisoner: PrisonerRecord }[] }> {
  const found = await directorySearchFor(deps).search(query, page);
  const people: { hit: SearchHit; prisoner: PrisonerRecord }[] = [];
  for (const hit of found.hits) {
    const prisoner = await getPrisonerBySlug(deps.db, hit.slug);
    if (prisoner) people.push({ hit, prisoner });
  }
  return { page: found, people };
}

export interface LoadedCard {
  prisoner: PrisonerRecord;
  card: PrisonerCard;
  /**
   * An organiser recorded a transfer (news or /move) after the summary was written: the summary's place is history.
   * Summaries come with the directory's import and never change on a transfer.
   */
  movedSinceSummary: boolean;
}

/**
 * Reads the person, their institution and campaigns fresh from the database and decides, as of now, whether a letter
 * can reach them: every card (and every inline result) reflects the directory at the moment it is shown.
 */
export async function loadPrisonerCard(
  deps: Pick<ServiceDeps, "db" | "clock">,
  slug: string,
  locale: Locale,
  viewer: number | null,
): Promise<LoadedCard | undefined> {
  const { db, clock } = deps;
  // A writer's own unchecked card (someone not in the list) is shown to that writer only.
  const prisoner = await getPrisonerFor(db, slug, viewer);
  if (!prisoner) return undefined;
  const institution =
    prisoner.location.institution === null ? undefined : await getInstitutionBySlug(db, prisoner.location.institution);
  const campaigns = await listCampaigns(db);
  const organiserRelay = await hasOrganiserRelay(db, prisoner.slug);
  const card = buildPrisonerCard({ prisoner, institution, campaigns, locale }, { today: clock.now(), organiserRelay });
  const history = await getPrisonerHistory(db, prisoner.slug);
  const movedSinceSummary = history.some((entry) => entry.field === "institution" && entry.changedBy !== null);
  return { prisoner, card, movedSinceSummary };
}
