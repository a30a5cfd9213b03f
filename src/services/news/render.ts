/**
 * News, digests and reminders as Telegram messages (HTML) in one reader's language. Everything an organiser or a
 * source wrote goes through `escapeHtml`; keyboards are plain JSON because the outbox stores them.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { escapeHtml } from "../../telegram/html.js";
import type { Locale } from "../../config.js";
import { formatPartialDate } from "../../domain/directory/partial-date.js";
import { localizePlace } from "../../domain/institutions/localized-place.js";
import { letterOpeningFor, type NewsEvent, offersLetter } from "../../domain/news/events.js";
import { utcDay } from "../../domain/news/schedule.js";
import { sourceLabel } from "../../domain/news/source-url.js";
import { unfollowButtonData } from "./callbacks.js";
import type { Translate } from "../../telegram/i18n.js";
import { writeLetterData } from "../letters/buttons.js";

export interface NewsView {
  prisonerSlug: string;
  /** The prisoner's name in the reader's script. */
  prisonerName: string;
  /** Russian and Ukrainian headlines agree with it («этапирован» / «этапирована»). */
  prisonerGender: "male" | "female";
  event: NewsEvent;
  /** Transfer: the new institution, when known. */
  institution: { name: string; region: string } | null;
  /** The organiser's text in the reader's language, or as written. */
  text: string;
  sourceUrl: string | null;
  publishedAt: Date;
}

function eventHeadline(t: Translate, locale: Locale, view: Pick<NewsView, "event" | "institution" | "prisonerGender">): string {
  const { event } = view;
  switch (event.type) {
    case "punishment-cell":
      return event.days === null
        ? t(locale, "news-event-punishment-cell-no-days")
        : t(locale, "news-event-punishment-cell", { days: event.days });
    case "transfer": {
      if (!view.institution) return t(locale, "news-event-transfer-unknown", { gender: view.prisonerGender });
      // In the reader's language, as the card says it (the card keeps the Russian form letters need).
      const place = localizePlace(view.institution, locale);
      return t(locale, "news-event-transfer", { institution: place.institution, region: place.region, gender: view.prisonerGender });
    }
    default:
      return t(locale, `news-event-${event.type}`);
  }
}

export function formatNewsDate(at: Date, locale: Locale): string {
  return formatPartialDate(utcDay(at), locale);
}

/** What a subscriber reads: headline, name and date, the organiser's text, the source, and what changed. */
export function renderNewsText(t: Translate, locale: Locale, view: NewsView): string {
  const lines = [
    `<b>${escapeHtml(eventHeadline(t, locale, view))}</b>`,
    `<b>${escapeHtml(view.prisonerName)}</b> · ${escapeHtml(formatNewsDate(view.publishedAt, locale))}`,
    "",
    escapeHtml(view.text),
  ];
  if (view.sourceUrl) lines.push("", sourceLine(t, locale, view.sourceUrl));
  const consequence = consequenceKey(view.event);
  if (consequence) lines.push("", escapeHtml(t(locale, consequence)));
  return lines.join("\n");
}

function sourceLine(t: Translate, locale: Locale, url: string): string {
  const link = `<a href="${escapeHtml(url)}">${escapeHtml(sourceLabel(url))}</a>`;
  return `${escapeHtml(t(locale, "news-source"))} ${link}`;
}

function consequenceKey(event: NewsEvent): string | undefined {
  if (event.type === "transfer") return "news-consequence-transfer";
  if (!offersLetter(event.type)) return "news-consequence-free";
  if (event.type === "punishment-cell") return "news-consequence-support";
  return undefined;
}

/** "Write a letter of support" (unless the person is free now) and "Unfollow". */
export function newsKeyboard(t: Translate, locale: Locale, slug: string, event: NewsEvent): InlineKeyboardMarkup {
  const rows: InlineKeyboardButton[][] = [];
  const write = offersLetter(event.type) ? writeButton(t, locale, slug, letterOpeningFor(event.type)) : undefined;
  if (write) rows.push([write]);
  rows.push([{ text: t(locale, "news-button-unfollow"), callback_data: unfollowButtonData.pack(slug) }]);
  return { inline_keyboard: rows };
}

/**
 * "Write a letter of support": the letter feature's own button data (`write:<slug>[:<opening>]`), so the letter flow
 * starts exactly as from a card and checks the directory again when pressed. Undefined if the slug cannot fit.
 */
export function writeButton(
  t: Translate,
  locale: Locale,
  slug: string,
  opening?: "punishment-cell" | "birthday",
  key = "news-button-write",
): InlineKeyboardButton | undefined {
  const data = writeLetterData(slug, opening);
  return data === undefined ? undefined : { text: t(locale, key), callback_data: data };
}

export function continueLetterButton(t: Translate, locale: Locale, slug: string): InlineKeyboardButton | undefined {
  return writeButton(t, locale, slug, undefined, "news-button-continue-letter");
}

/** Telegram's limit is 4096; a little room is left for what the client adds around entities. */
const MESSAGE_LIMIT = 4000;
const DIGEST_EXCERPT_CHARACTERS = 600;

export type DigestEntry = NewsView;

/**
 * The daily digest: a title, then one short entry per news item, split into several messages when it is long.
 * Buttons go under the last message: one "write" per person who can still receive letters.
 */
export function renderDigest(
  t: Translate,
  locale: Locale,
  day: Date,
  entries: readonly DigestEntry[],
): { text: string; keyboard: InlineKeyboardMarkup | undefined }[] {
  const title = `<b>${escapeHtml(t(locale, "news-digest-title", { date: formatNewsDate(day, locale), count: entries.length }))}</b>`;
  const blocks = entries.map((entry) => {
    const lines = [
      `<b>${escapeHtml(eventHeadline(t, locale, entry))}</b> — <b>${escapeHtml(entry.prisonerName)}</b>`,
      escapeHtml(excerpt(entry.text, DIGEST_EXCERPT_CHARACTERS)),
    ];
    if (entry.sourceUrl) lines.push(sourceLine(t, locale, entry.sourceUrl));
    return lines.join("\n");
  });
  const messages: string[] = [];
  let current = title;
  for (const block of blocks) {
    if (current.length + 2 + block.length > MESSAGE_LIMIT) {
      messages.push(current);
      current = block;
    } else {
      current = `${current}\n\n${block}`;
    }
  }
  messages.push(current);

  const writable = new Map<string, DigestEntry>();
  for (const entry of entries) {
    if (offersLetter(entry.event.type)) writable.set(entry.prisonerSlug, entry);
    else writable.delete(entry.prisonerSlug);
  }
  const rows: InlineKeyboardButton[][] = [];
  for (const entry of [...writable.values()].slice(0, 8)) {
    const data = writeLetterData(entry.prisonerSlug, letterOpeningFor(entry.event.type));
    if (data) rows.push([{ text: t(locale, "news-button-write-to", { name: entry.prisonerName }), callback_data: data }]);
  }
  return messages.map((text, index) => ({
    text,
    keyboard: index === messages.length - 1 && rows.length > 0 ? { inline_keyboard: rows } : undefined,
  }));
}

/** Cuts at a word boundary and marks the cut; the full text is one tap away in the source. */
export function excerpt(text: string, maxCharacters: number): string {
  const characters = [...text];
  if (characters.length <= maxCharacters) return text;
  const cut = characters.slice(0, maxCharacters).join("");
  const lastSpace = cut.search(/\s\S*$/);
  return `${(lastSpace > maxCharacters / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
