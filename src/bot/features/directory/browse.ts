import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { formatPartialDate } from "../../../domain/directory/partial-date.js";
import { DIRECTORY_TEXT } from "../../../domain/directory/text-keys.js";
import { PAGE_SIZE } from "../../../domain/search/search.js";
import { browseCampaigns, campaignMembers, upcomingBirthdaysOfPrisoners, writableByFewestLetters } from "../../../services/directory/browse.js";
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
import { line, statusLegend } from "./text.js";
import { localeOf } from "../../locale.js";
import { prisonerName } from "../../../domain/directory/names.js";

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
  const campaigns = await browseCampaigns(ctx.deps.db);
  const rows: InlineKeyboardButton[][] = [
    [{ text: ctx.t("directory-bot-browse-few-letters"), callback_data: fewLettersPageData.pack(1) }],
    [{ text: ctx.t("directory-bot-browse-birthdays"), callback_data: birthdaysData.pack(1) }],
    ...campaigns.map((campaign) => [{ text: `📋 ${campaign.name[locale]}`, callback_data: campaignPageData.pack(campaign.slug, 1) }]),
  ];
  return { text: line(ctx, "directory-bot-browse-title"), keyboard: { inline_keyboard: rows } };
}

/** The people in a campaign, by name in the reader's script; undefined when the campaign does not exist. */
export async function campaignScreen(ctx: FlowContext, slug: string, page: number): Promise<Screen | undefined> {
  const locale = localeOf(ctx);
  const found = await campaignMembers(ctx.deps.db, slug, locale);
  if (!found) return undefined;
  const { campaign, members } = found;
  const shown = pageOf(members, page);
  const lines = [`<b>${escapeHtml(campaign.name[locale])}</b>`, escapeHtml(campaign.description[locale]), ""];
  lines.push(
    members.length === 0
      ? line(ctx, "directory-bot-campaign-empty")
      : line(ctx, "directory-bot-list-page", { total: members.length, page: shown.page, pages: shown.pages }),
  );
  if (shown.items.length > 0) lines.push(statusLegend(ctx, shown.items.map((prisoner) => prisoner.status.value)));
  const rows = shown.items.map((prisoner) => [personButton(ctx, prisoner)]);
  const paging = pagingRow(ctx, shown.page, shown.pages, (target) => campaignPageData.pack(campaign.slug, target));
  if (paging.length > 0) rows.push(paging);
  rows.push(backRow(ctx));
  return { text: lines.join("\n"), keyboard: { inline_keyboard: rows } };
}

export async function fewLettersScreen(ctx: FlowContext, page: number): Promise<Screen> {
  const { entries } = await writableByFewestLetters(ctx.deps);
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
  if (shown.items.length > 0) lines.push("", statusLegend(ctx, shown.items.map((entry) => entry.prisoner.status.value)));
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
  const birthdays = await upcomingBirthdaysOfPrisoners(ctx.deps);
  const shown = pageOf(birthdays, page);
  const lines = [`<b>${line(ctx, DIRECTORY_TEXT.birthdaysTitle)}</b>`, ""];
  const rows: InlineKeyboardButton[][] = [];
  if (birthdays.length === 0) lines.push(line(ctx, DIRECTORY_TEXT.birthdaysNone));
  for (const { birthday, prisoner } of shown.items) {
    const name = prisonerName(prisoner.names, locale, "list");
    lines.push(`• ${line(ctx, DIRECTORY_TEXT.birthdayLine, { name, age: birthday.turning, date: formatPartialDate(birthday.date, locale) })}`);
    rows.push([personButton(ctx, prisoner)]);
  }
  if (birthdays.length > PAGE_SIZE) lines.push("", line(ctx, "directory-bot-list-page", { total: birthdays.length, page: shown.page, pages: shown.pages }));
  if (shown.items.length > 0) lines.push("", statusLegend(ctx, shown.items.map((entry) => entry.prisoner.status.value)));
  const paging = pagingRow(ctx, shown.page, shown.pages, (target) => birthdaysData.pack(target));
  if (paging.length > 0) rows.push(paging);
  rows.push(backRow(ctx));
  return { text: lines.join("\n"), keyboard: { inline_keyboard: rows } };
}
