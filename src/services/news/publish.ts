/**
 * Publishing a news item: the news record, what it changes in the directory (a transfer moves the prisoner, a release
 * or exchange sets the status), the drafts it affects, and one outbox row per subscriber, all in one transaction.
 * Either everything exists or nothing does; the outbox worker then delivers at Telegram's pace and a restart
 * resumes where it stopped.
 */
import type { Locale } from "../../config.js";
import { type DB, inTransaction } from "../../db/database.js";
import type { MessageRef } from "../../db/message-ref.js";
import { reachableUsersWithLocale } from "../../db/repositories/users.js";
import { escapeHtml } from "../../telegram/html.js";
import { getInstitutionBySlug } from "../../db/repositories/institutions.js";
import {
  addDigestItems,
  closeDraftsTo,
  getNewsPost,
  insertNewsPost,
  newsConfirmedBy,
  markOfferPublished,
  setNewsAudience,
  writersWithDraftsTo,
} from "../../db/repositories/news.js";
import { movePrisoner, updatePrisonerStatus } from "../../db/repositories/prisoner-history.js";
import { getPrisonerBySlug } from "../../db/repositories/prisoners.js";
import { audit } from "../../db/repositories/roles.js";
import { subscribersOf } from "../../db/repositories/subscriptions.js";
import type { PrisonerRecord } from "../../domain/directory/types.js";
import { type NewsEvent, statusAfter } from "../../domain/news/events.js";
import { utcDay } from "../../domain/news/schedule.js";
import { type NewsTexts, serializeTexts } from "../../domain/news/texts.js";
import { enqueue, type OutboxItem } from "../../outbox/index.js";
import { continueLetterButton, newsKeyboard, renderNewsText } from "./render.js";
import type { Translate } from "../../telegram/i18n.js";
import { resolveLocale } from "../../telegram/locale.js";
import { loadNews, newsViewFor } from "./views.js";
import { prisonerName } from "../../domain/directory/names.js";

export const NEWS_KIND = "news";

export interface PublishInput {
  prisonerSlug: string;
  event: NewsEvent;
  texts: NewsTexts;
  authorLocale: Locale;
  sourceUrl: string | null;
  authorId: number;
  /** The channel offer this news came from, marked published in the same transaction. */
  offerId: number | null;
  /** The organiser's message that shows the broadcast's progress. */
  progress: MessageRef | null;
  /**
   * The organiser's message whose Publish button was pressed: one publication per confirmation, however often
   * Telegram delivers the press (`news_posts.confirmation_message_id`).
   */
  confirmationMessageId: number | null;
}

export type PublishOutcome =
  | { ok: true; newsId: number; immediate: number; digest: number; draftWriters: number }
  | { ok: false; reason: "prisoner-missing" | "institution-missing" | "needs-source" | "offer-used" | "already-published" };

/** Events that change the directory must name a source: every fact on a card carries one. */
export function needsSource(event: NewsEvent): boolean {
  return event.type === "transfer" || statusAfter(event.type) !== undefined;
}

/** Outbox refs of one broadcast start with this, so `progressOf(db, newsRefPrefix(id))` counts exactly its rows. */
export function newsRefPrefix(newsId: number): string {
  return `news:${newsId}:`;
}

/** The news an organiser's press of Publish on this message published, if it did (a press delivered again). */
export async function publishedByConfirmation(db: DB, authorId: number, confirmationMessageId: number | null): Promise<number | null> {
  if (confirmationMessageId === null) return null;
  return (await newsConfirmedBy(db, authorId, confirmationMessageId)) ?? null;
}

class PublishRefused extends Error {
  constructor(readonly reason: Extract<PublishOutcome, { ok: false }>["reason"]) {
    super(reason);
  }
}

export async function publishNews(
  db: DB,
  input: PublishInput,
  options: { now: Date; t: Translate; defaultLocale: Locale },
): Promise<PublishOutcome> {
  try {
    return await inTransaction(db, (trx) => publishInTransaction(trx, input, options));
  } catch (error) {
    if (error instanceof PublishRefused) return { ok: false, reason: error.reason };
    throw error;
  }
}

async function publishInTransaction(
  trx: DB,
  input: PublishInput,
  options: { now: Date; t: Translate; defaultLocale: Locale },
): Promise<PublishOutcome> {
  const { now, t, defaultLocale } = options;
  const { event } = input;
  const prisoner = await getPrisonerBySlug(trx, input.prisonerSlug);
  if (!prisoner) throw new PublishRefused("prisoner-missing");
  if (needsSource(event) && !input.sourceUrl) throw new PublishRefused("needs-source");
  const institution = event.type === "transfer" ? event.institution : null;
  if (institution !== null && !(await getInstitutionBySlug(trx, institution))) throw new PublishRefused("institution-missing");

  const newsId = await insertNewsPost(trx, {
    prisonerSlug: prisoner.slug,
    eventType: event.type,
    cellDays: event.type === "punishment-cell" ? event.days : null,
    institutionSlug: institution,
    texts: serializeTexts(input.texts),
    authorLocale: input.authorLocale,
    sourceUrl: input.sourceUrl,
    authorId: input.authorId,
    publishedAt: now,
    progress: input.progress,
    confirmationMessageId: input.confirmationMessageId,
  });
  if (newsId === undefined) throw new PublishRefused("already-published");
  if (input.offerId !== null && !(await markOfferPublished(trx, input.offerId, newsId))) throw new PublishRefused("offer-used");

  const draftWriters = await applyToDirectory(trx, input, now);
  const post = await getNewsPost(trx, newsId);
  const news = post && (await loadNews(trx, post));
  if (!news) throw new Error(`news ${newsId} vanished inside its own transaction`);

  const subscribers = await subscribersOf(trx, prisoner.slug);
  const rendered = new Map<Locale, { text: string; keyboard: ReturnType<typeof newsKeyboard> }>();
  const renderFor = (locale: Locale) => {
    let message = rendered.get(locale);
    if (!message) {
      message = {
        text: renderNewsText(t, locale, newsViewFor(news, locale)),
        keyboard: newsKeyboard(t, locale, prisoner.slug, event),
      };
      rendered.set(locale, message);
    }
    return message;
  };
  const items: OutboxItem[] = [];
  const digestUsers: number[] = [];
  for (const subscriber of subscribers) {
    if (subscriber.delivery === "digest") {
      digestUsers.push(subscriber.userId);
      continue;
    }
    const message = renderFor(resolveLocale(subscriber.locale, defaultLocale));
    items.push({
      kind: NEWS_KIND,
      ref: `${newsRefPrefix(newsId)}${subscriber.userId}`,
      chatId: subscriber.userId,
      method: "sendMessage",
      payload: { text: message.text, parse_mode: "HTML", reply_markup: message.keyboard, link_preview_options: { is_disabled: true } },
    });
  }
  const immediate = items.length;
  items.push(...(await draftNotes(trx, newsId, draftWriters, news.prisoner, event, { t, defaultLocale })));
  await enqueue(trx, items, { now });
  await addDigestItems(trx, newsId, digestUsers, now);
  await setNewsAudience(trx, newsId, { immediate, digest: digestUsers.length });
  await audit(trx, {
    actorId: input.authorId,
    action: "news.publish",
    target: `news:${newsId}`,
    details: { prisoner: prisoner.slug, event: event.type, immediate, digest: digestUsers.length, drafts: draftWriters.length },
    at: now,
  });
  return { ok: true, newsId, immediate, digest: digestUsers.length, draftWriters: draftWriters.length };
}

/** Moves the prisoner or sets their status, with history; returns the writers whose drafts are affected. */
async function applyToDirectory(trx: DB, input: PublishInput, now: Date): Promise<number[]> {
  const { event, prisonerSlug, sourceUrl, authorId } = input;
  if (!sourceUrl) return [];
  const change = { asOf: utcDay(now), sourceUrl, changedBy: authorId, now };
  if (event.type === "transfer") {
    await movePrisoner(trx, prisonerSlug, { ...change, institution: event.institution });
    return writersWithDraftsTo(trx, prisonerSlug);
  }
  const status = statusAfter(event.type);
  if (status === undefined) return [];
  await updatePrisonerStatus(trx, prisonerSlug, { ...change, status, confidence: "confirmed" });
  // Someone who is free is held nowhere: the card must not keep offering the old prison's address.
  await movePrisoner(trx, prisonerSlug, { ...change, institution: null });
  return closeDraftsTo(trx, prisonerSlug, now);
}

/** Writers with an unfinished letter hear that the address changed, or that their letter is no longer needed. */
async function draftNotes(
  trx: DB,
  newsId: number,
  writers: readonly number[],
  prisoner: PrisonerRecord,
  event: NewsEvent,
  options: { t: Translate; defaultLocale: Locale },
): Promise<OutboxItem[]> {
  if (writers.length === 0) return [];
  const users = await reachableUsersWithLocale(trx, writers);
  return users.map((user): OutboxItem => {
    const locale = resolveLocale(user.locale, options.defaultLocale);
    const name = prisonerName(prisoner.names, locale, "list");
    const transfer = event.type === "transfer";
    const text = escapeHtml(options.t(locale, transfer ? "news-note-draft-transfer" : "news-note-draft-closed", { name }));
    const button = continueLetterButton(options.t, locale, prisoner.slug);
    return {
      kind: NEWS_KIND,
      ref: `newsnote:${newsId}:${user.id}`,
      chatId: user.id,
      method: "sendMessage",
      payload: {
        text,
        parse_mode: "HTML",
        ...(transfer && button ? { reply_markup: { inline_keyboard: [[button]] } } : {}),
      },
    };
  });
}
