import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { getCampaignBySlug, listCampaigns } from "../../../db/repositories/campaigns.js";
import { listInstitutions } from "../../../db/repositories/institutions.js";
import { countLettersPerPrisoner } from "../../../db/repositories/letters.js";
import { listPrisoners, listPrisonersInCampaign } from "../../../db/repositories/prisoners.js";
import { upcomingBirthdays } from "../../../domain/directory/birthdays.js";
import { type FewLettersEntry, type LetterCounts, writableByFewLetters } from "../../../domain/directory/few-letters.js";
import { formatPartialDate } from "../../../domain/directory/partial-date.js";
import { DIRECTORY_TEXT } from "../../../domain/directory/text-keys.js";
import { FREE_OR_DEAD_STATUSES } from "../../../domain/directory/types.js";
import { PAGE_SIZE } from "../../../domain/search/search.js";
import { hasOrganiserRelay } from "../../../services/relay/relay-letter.js";
import type { FlowContext } from "../../context.js";
import { escapeHtml } from "../../../telegram/html.js";
import {
  birthdaysData,
  browseMenuData,
  campaignPageData,
  fewLettersPageData,
  fewLettersRandomData,
} from "./callbacks.js";
import { personButton } from "./search.js";
import { line } from "./text.js";
import { localeOf } from "../../locale.js";
import { prisonerName } from "../../../domain/directory/names.js";

/** "Few letters" counts letters finished in this many days, like OVD-Info's Letters Now. */
export const FEW_LETTERS_DAYS = 30;
export const BIRTHDAY_DAYS = 30;
const DAY_MS = 86_400_000;

export interface Screen {
  text: string;
  keyboard: InlineKeyboardMarkup;
}

function backRow(ctx: FlowContext): InlineKeyboardButton[] {
  return [{ text: ctx.t("directory-bot-browse-back"), callback_data: browseMenuData.pack() }];
}

/** Pages of `PAGE_SIZE`; a forged page number beyond the end shows the last page. */
function pageOf<T>(items: readonly T[], page: number): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  return { items: items.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE), page: current, pages };
}

function pagingRow(ctx: FlowContext, page: number, pages: number, data: (page: number) => string): InlineKeyboardButton[] {
  const row: InlineKeyboardButton[] = [];
  if (page > 1) row.push({ text: ctx.t(DIRECTORY_TEXT.searchPrevious), callback_data: data(page - 1) });
  if (page < pages) row.push({ text: ctx.t(DIRECTORY_TEXT.searchNext), callback_data: data(page + 1) });
  return row;
}

export async function browseMenu(ctx: FlowContext): Promise<Screen> {
  const locale = localeOf(ctx);
  const campaigns = await listCampaigns(ctx.deps.db);
  const rows: InlineKeyboardButton[][] = [
    [{ text: ctx.t("directory-bot-browse-few-letters"), callback_data: fewLettersPageData.pack(1) }],
    [{ text: ctx.t("directory-bot-browse-birthdays"), callback_data: birthdaysData.pack(1) }],
    ...campaigns.map((campaign) => [{ text: `📋 ${campaign.name[locale]}`, callback_data: campaignPageData.pack(campaign.slug, 1) }]),
  ];
  return { text: line(ctx, "directory-bot-browse-title"), keyboard: { inline_keyboard: rows } };
}

/** The people in a campaign, by name in the reader's script; undefined when the campaign does not exist. */
export async function campaignScreen(ctx: FlowContext, slug: string, page: number): Promise<Screen | undefined> {
  const { db } = ctx.deps;
  const campaign = await getCampaignBySlug(db, slug);
  if (!campaign) return undefined;
  const locale = localeOf(ctx);
  const members = (await listPrisonersInCampaign(db, campaign.slug)).sort((a, b) =>
    prisonerName(a.names, locale, "list").localeCompare(prisonerName(b.names, locale, "list"), locale),
  );
  const shown = pageOf(members, page);
  const lines = [`<b>${escapeHtml(campaign.name[locale])}</b>`, escapeHtml(campaign.description[locale]), ""];
  lines.push(
    members.length === 0
      ? line(ctx, "directory-bot-campaign-empty")
      : line(ctx, "directory-bot-list-page", { total: members.length, page: shown.page, pages: shown.pages }),
  );
  const rows = shown.items.map((prisoner) => [personButton(ctx, prisoner)]);
  const paging = pagingRow(ctx, shown.page, shown.pages, (target) => campaignPageData.pack(campaign.slug, target));
  if (paging.length > 0) rows.push(paging);
  rows.push(backRow(ctx));
  return { text: lines.join("\n"), keyboard: { inline_keyboard: rows } };
}

/**
 * People a letter can reach now (a direct route or organiser relay), fewest letters in the last 30 days first, with
 * those counts. Shared by the browse list, the random pick and the empty inline query.
 */
export async function writableByFewestLetters(ctx: FlowContext): Promise<{ entries: FewLettersEntry[]; counts: LetterCounts }> {
  const { db, clock } = ctx.deps;
  const now = clock.now();
  const prisoners = await listPrisoners(db);
  const institutions = new Map((await listInstitutions(db)).map((institution) => [institution.slug, institution]));
  const counts = await countLettersPerPrisoner(db, new Date(now.getTime() - FEW_LETTERS_DAYS * DAY_MS));
  const relayed = new Set<string>();
  for (const prisoner of prisoners) {
    if (FREE_OR_DEAD_STATUSES.includes(prisoner.status.value) || !prisoner.letters.allowed) continue;
    if (await hasOrganiserRelay(db, prisoner.slug)) relayed.add(prisoner.slug);
  }
  const entries = writableByFewLetters(prisoners, institutions, counts, {
    today: now,
    isRelayed: (prisoner) => relayed.has(prisoner.slug),
  });
  return { entries, counts };
}

export async function fewLettersScreen(ctx: FlowContext, page: number): Promise<Screen> {
  const { entries } = await writableByFewestLetters(ctx);
  const locale = localeOf(ctx);
  const shown = pageOf(entries, page);
  const lines = [`<b>${line(ctx, DIRECTORY_TEXT.fewLettersTitle)}</b>`, ""];
  const rows: InlineKeyboardButton[][] = [];
  if (entries.length === 0) lines.push(line(ctx, "directory-bot-few-letters-none"));
  for (const entry of shown.items) {
    const count = ctx.t(DIRECTORY_TEXT.fewLettersCount, { count: entry.letters });
    lines.push(`• ${line(ctx, "directory-bot-few-letters-line", { name: prisonerName(entry.prisoner.names, locale, "list"), count })}`);
    rows.push([personButton(ctx, entry.prisoner)]);
  }
  if (entries.length > PAGE_SIZE) lines.push("", line(ctx, "directory-bot-list-page", { total: entries.length, page: shown.page, pages: shown.pages }));
  const paging = pagingRow(ctx, shown.page, shown.pages, (target) => fewLettersPageData.pack(target));
  if (paging.length > 0) rows.push(paging);
  if (entries.length > 1) rows.push([{ text: ctx.t("directory-bot-browse-random"), callback_data: fewLettersRandomData.pack() }]);
  rows.push(backRow(ctx));
  return { text: lines.join("\n"), keyboard: { inline_keyboard: rows } };
}

/**
 * Birthdays in the next 30 days of people who are neither free nor dead and whom letters are not barred to; only full
 * birth dates count. Each card then says whether a safe address is known.
 */
export async function birthdaysScreen(ctx: FlowContext, page: number): Promise<Screen> {
  const locale = localeOf(ctx);
  const prisoners = await listPrisoners(ctx.deps.db);
  const bySlug = new Map(prisoners.map((prisoner) => [prisoner.slug, prisoner]));
  const birthdays = upcomingBirthdays(prisoners, ctx.deps.clock.now(), BIRTHDAY_DAYS);
  const shown = pageOf(birthdays, page);
  const lines = [`<b>${line(ctx, DIRECTORY_TEXT.birthdaysTitle)}</b>`, ""];
  const rows: InlineKeyboardButton[][] = [];
  if (birthdays.length === 0) lines.push(line(ctx, DIRECTORY_TEXT.birthdaysNone));
  for (const birthday of shown.items) {
    const prisoner = bySlug.get(birthday.slug);
    if (!prisoner) continue;
    const name = prisonerName(prisoner.names, locale, "list");
    lines.push(`• ${line(ctx, DIRECTORY_TEXT.birthdayLine, { name, age: birthday.turning, date: formatPartialDate(birthday.date, locale) })}`);
    rows.push([personButton(ctx, prisoner)]);
  }
  if (birthdays.length > PAGE_SIZE) lines.push("", line(ctx, "directory-bot-list-page", { total: birthdays.length, page: shown.page, pages: shown.pages }));
  const paging = pagingRow(ctx, shown.page, shown.pages, (target) => birthdaysData.pack(target));
  if (paging.length > 0) rows.push(paging);
  rows.push(backRow(ctx));
  return { text: lines.join("\n"), keyboard: { inline_keyboard: rows } };
}
