import type { InlineKeyboardButton, InlineKeyboardMarkup, MaybeInaccessibleMessage } from "grammy/types";
import { DIRECTORY_TEXT } from "../../../domain/directory/text-keys.js";
import type { PrisonerRecord } from "../../../domain/directory/types.js";
import { parseQuery, type SearchHit, type SearchPage } from "../../../domain/search/search.js";
import type { FlowContext } from "../../context.js";
import { escapeHtml } from "../../../telegram/html.js";
import { browseMenuData, notListedData, openCardData, searchPageData } from "./callbacks.js";
import { line, lineWithHtml, statusEmoji, statusLegend } from "./text.js";
import { searchDirectory } from "../../../services/directory/browse.js";
import { localeOf } from "../../locale.js";
import { prisonerName } from "../../../domain/directory/names.js";

/** Longer "queries" are sentences, not names: free text that long is left to the other handlers. */
export const MAX_QUERY_CHARS = 100;
export const MAX_QUERY_WORDS = 6;

/**
 * «  /find  Зейтуллаев,  Руслан 1984!» → «Зейтуллаев Руслан 1984»: the words and year search reads, nothing else, so
 * searching the canonical form gives exactly the same results as the text it came from. Empty when no word is left.
 */
export function canonicalQuery(text: string): string {
  const { words, year } = parseQuery(text);
  if (words.length === 0) return "";
  return [...words, ...(year === null ? [] : [String(year)])].join(" ");
}

/** Free text as a search sees it: nothing to search (only digits or signs), a name, or too long or wordy for one. */
function queryShape(text: string): "none" | "name" | "sentences" {
  const query = canonicalQuery(text);
  if (query === "") return "none";
  return query.length <= MAX_QUERY_CHARS && parseQuery(query).words.length <= MAX_QUERY_WORDS ? "name" : "sentences";
}

/** Whether free text looks like a name someone is searching for, rather than a sentence. */
export function looksLikeNameQuery(text: string): boolean {
  return queryShape(text) === "name";
}

/** Whether free text is too long or has too many words to be a name (and is not only digits or signs). */
export function looksLikeSentences(text: string): boolean {
  return queryShape(text) === "sentences";
}

/** Callback data for a results page, carrying the query when it fits in Telegram's 64 bytes. */
function pageButtonData(query: string, page: number): string {
  try {
    return searchPageData.pack(page, query);
  } catch {
    return searchPageData.pack(page, "");
  }
}

/**
 * The query a page button belongs to: from its data, or (for long queries) from the results message that carries the
 * button, whose first bold text is the query. Undefined when the message is gone or is not a results message.
 */
export function queryOfPageButton(data: string, message: MaybeInaccessibleMessage | undefined): string | undefined {
  const [, fromData] = searchPageData.unpack(data) ?? [];
  if (fromData === undefined) return undefined;
  let query = fromData;
  if (query === "") {
    if (!message || !("text" in message) || message.text === undefined) return undefined;
    const carriesButton = message.reply_markup?.inline_keyboard
      .flat()
      .some((button) => "callback_data" in button && button.callback_data === data);
    const bold = message.entities?.find((entity) => entity.type === "bold");
    if (!carriesButton || !bold) return undefined;
    query = message.text.slice(bold.offset, bold.offset + bold.length);
  }
  // Only what `canonicalQuery` produces is ever put in a button or a title; anything else was forged.
  return canonicalQuery(query) === query ? query : undefined;
}

/** «⛓ Горінов Олексій, 1961 · born in a different year»: name, birth year (once), status at a glance. */
export function personButton(ctx: FlowContext, prisoner: PrisonerRecord, hit?: SearchHit): InlineKeyboardButton {
  const name = prisonerName(prisoner.names, localeOf(ctx), "list");
  let text =
    prisoner.birthYear === null
      ? `${statusEmoji(prisoner.status.value)} ${name}`
      : `${statusEmoji(prisoner.status.value)} ${ctx.t("directory-bot-result-born", { name, year: String(prisoner.birthYear) })}`;
  if (hit?.yearMatched === false && prisoner.birthYear !== null) {
    text += ` · ${ctx.t(DIRECTORY_TEXT.searchYearDiffers)}`;
  }
  return { text, callback_data: openCardData.pack(prisoner.slug) };
}

export interface SearchScreen {
  text: string;
  keyboard: InlineKeyboardMarkup;
  page: SearchPage;
}

/** The results message for one page of a search, or the "nobody found" message with what to try next. */
export async function searchScreen(ctx: FlowContext, query: string, page: number): Promise<SearchScreen> {
  const { page: found, people } = await searchDirectory(ctx.deps, query, page);
  const title = lineWithHtml(ctx, "directory-bot-search-title", { query: `<b>${escapeHtml(query)}</b>` });
  if (found.total === 0) {
    const hints = [
      DIRECTORY_TEXT.searchHintSpelling,
      "directory-bot-search-hint-script",
      ...(found.query.year === null ? [] : [DIRECTORY_TEXT.searchHintYear]),
      DIRECTORY_TEXT.searchHintNotListed,
    ];
    const text = [
      title,
      "",
      line(ctx, DIRECTORY_TEXT.searchNobody, { query }),
      "",
      ...hints.map((key) => `• ${line(ctx, key)}`),
    ].join("\n");
    const notListed = { text: ctx.t("suggest-button"), callback_data: notListedData.pack() };
    const browse = { text: ctx.t("menu-browse"), callback_data: browseMenuData.pack() };
    return { text, keyboard: { inline_keyboard: [[notListed], [browse]] }, page: found };
  }
  const rows: InlineKeyboardButton[][] = [];
  for (const { hit, prisoner } of people) rows.push([personButton(ctx, prisoner, hit)]);
  const navigation: InlineKeyboardButton[] = [];
  if (found.page > 1) {
    navigation.push({ text: ctx.t(DIRECTORY_TEXT.searchPrevious), callback_data: pageButtonData(query, found.page - 1) });
  }
  if (found.page < found.pageCount) {
    navigation.push({ text: ctx.t(DIRECTORY_TEXT.searchNext), callback_data: pageButtonData(query, found.page + 1) });
  }
  if (navigation.length > 0) rows.push(navigation);
  const lines = [
    title,
    line(ctx, DIRECTORY_TEXT.searchResults, { total: found.total, page: found.page, pages: found.pageCount }),
  ];
  lines.push(statusLegend(ctx, people.map(({ prisoner }) => prisoner.status.value)));
  if (found.pageCount > 1 && found.query.year === null) lines.push("", line(ctx, "directory-bot-search-hint-add-year"));
  return { text: lines.join("\n"), keyboard: { inline_keyboard: rows }, page: found };
}
