import type { InlineKeyboardMarkup } from "grammy/types";
import { escapeHtml } from "../../telegram/html.js";
import type { Locale } from "../../config.js";
import { getCampaignsBySlugs } from "../../db/repositories/campaigns.js";
import { DESK_SLUG } from "../../db/repositories/desk.js";
import { getPrisonerBySlug } from "../../db/repositories/prisoners.js";
import { listOrganisers } from "../../db/repositories/roles.js";
import { storedLocaleOf } from "../../db/repositories/users.js";
import type { DB } from "../../db/database.js";
import type { Letter } from "../../db/tables/letters.js";
import { enqueue, type OutboxItem } from "../../outbox/index.js";
import { reopenReturned } from "./buttons.js";
import { noticeRef } from "../../domain/letters/relay-refs.js";
import { resolveLocale, STORED_LOCALE_FALLBACK } from "../../telegram/locale.js";
import { type TranslationArgs, translator } from "../../telegram/i18n.js";
import { campaignName, prisonerName } from "../../domain/directory/names.js";

/** Notices to people in private rank after relayed letters and before broadcasts. */
export const NOTICE_PRIORITY = 5;

async function localeOf(db: DB, userId: number): Promise<string> {
  return resolveLocale(await storedLocaleOf(db, userId), STORED_LOCALE_FALLBACK);
}

function notice(chatId: number, ref: string, text: string, replyMarkup?: InlineKeyboardMarkup): OutboxItem {
  return {
    kind: "notice",
    ref,
    chatId,
    priority: NOTICE_PRIORITY,
    method: "sendMessage",
    payload: { text, parse_mode: "HTML", ...(replyMarkup ? { reply_markup: replyMarkup } : {}) },
  };
}

/** Statuses organisers set that the writer hears about, each with `organisers-writer-<status>`. */
export type WriterEvent = "accepted" | "returned" | "printed" | "sent" | "reply_received";

/** Tells the writer, in their language and through the outbox, what organisers did with their letter. */
export async function notifyWriter(db: DB, letter: Letter, event: WriterEvent, now: Date): Promise<void> {
  const locale = await localeOf(db, letter.writer_id);
  const t = translator(STORED_LOCALE_FALLBACK);
  const prisoner = await getPrisonerBySlug(db, letter.prisoner_slug);
  const args: TranslationArgs = {
    reference: escapeHtml(letter.reference ?? `#${letter.id}`),
    prisoner: escapeHtml(prisoner ? prisonerName(prisoner.names, resolveLocale(locale, STORED_LOCALE_FALLBACK), "prose") : letter.prisoner_slug),
  };
  let text = t(locale, `organisers-writer-${event.replaceAll("_", "-")}`, args);
  let markup: InlineKeyboardMarkup | undefined;
  if (event === "returned") {
    const reason = letter.return_reason ? t(locale, `organisers-return-reason-${letter.return_reason}`) : undefined;
    if (reason) text += `\n\n${t(locale, "organisers-writer-returned-reason", { reason })}`;
    markup = { inline_keyboard: [[{ text: t(locale, "organisers-writer-edit-button"), callback_data: reopenReturned.pack(letter.id) }]] };
  }
  await enqueue(db, notice(letter.writer_id, noticeRef(`letter-${letter.id}-${event}`, letter.writer_id), text, markup), { now });
}

/** Organisers of these campaigns and the admins, each once. */
export async function organisersAndAdmins(db: DB, campaignSlugs: readonly string[], admins: readonly number[]): Promise<number[]> {
  const ids = new Set<number>(admins);
  for (const slug of campaignSlugs) for (const organiser of await listOrganisers(db, slug)) ids.add(organiser.user_id);
  return [...ids].sort((a, b) => a - b);
}

/** Which words to use for Telegram's reason: removed, missing rights, or the raw code for anything else. */
function problemKey(lastError: string): string {
  if (/kicked|not a member|not-member|chat not found|deleted/i.test(lastError)) return "organisers-chat-problem-removed";
  if (/rights|admin|no-post-right|cannot-send|write_forbidden|restricted/i.test(lastError)) return "organisers-chat-problem-rights";
  return "organisers-chat-problem-other";
}

export interface ChatAlert {
  chatId: number;
  title: string | null;
  campaignSlugs: readonly string[];
  lastError: string;
  admins: readonly number[];
  now: Date;
}

/**
 * The organisers' chat stopped accepting posts: every organiser of the campaigns it serves and every admin hears it
 * in private, in their language. Letters are kept (held) until the chat is fixed; the message says how.
 */
export async function alertChatBroken(db: DB, alert: ChatAlert): Promise<void> {
  const t = translator(STORED_LOCALE_FALLBACK);
  const recipients = await organisersAndAdmins(db, alert.campaignSlugs, alert.admins);
  const items: OutboxItem[] = [];
  for (const userId of recipients) {
    const locale = await localeOf(db, userId);
    const names = await campaignNames(db, alert.campaignSlugs, locale);
    const text = [
      t(locale, "organisers-chat-broken", { chat: escapeHtml(alert.title ?? String(alert.chatId)), campaigns: escapeHtml(names) }),
      t(locale, problemKey(alert.lastError), { error: escapeHtml(alert.lastError) }),
      t(locale, "organisers-chat-broken-held"),
    ].join("\n\n");
    items.push(notice(userId, noticeRef(`chat-broken-${alert.chatId}-${alert.now.getTime()}`, userId), text));
  }
  await enqueue(db, items, { now: alert.now });
}

/** The chat works again: its organisers (not the admins, who only need to hear about trouble) learn it. */
export async function announceChatRestored(
  db: DB,
  restored: { chatId: number; title: string | null; campaignSlugs: readonly string[]; released: number; now: Date },
): Promise<void> {
  const t = translator(STORED_LOCALE_FALLBACK);
  const recipients = await organisersAndAdmins(db, restored.campaignSlugs, []);
  const items: OutboxItem[] = [];
  for (const userId of recipients) {
    const locale = await localeOf(db, userId);
    const names = await campaignNames(db, restored.campaignSlugs, locale);
    const text = t(locale, "organisers-chat-restored", {
      chat: escapeHtml(restored.title ?? String(restored.chatId)),
      campaigns: escapeHtml(names),
      released: restored.released,
    });
    items.push(notice(userId, noticeRef(`chat-restored-${restored.chatId}-${restored.now.getTime()}`, userId), text));
  }
  await enqueue(db, items, { now: restored.now });
}

/** A relayed letter could not be posted at all (Telegram refused it for good): admins must look at it. */
export async function alertRelayFailed(db: DB, failure: { letterId: number; reference: string | null; lastError: string; admins: readonly number[]; now: Date }): Promise<void> {
  const t = translator(STORED_LOCALE_FALLBACK);
  const items: OutboxItem[] = [];
  for (const adminId of failure.admins) {
    const locale = await localeOf(db, adminId);
    const text = t(locale, "organisers-relay-failed", {
      reference: escapeHtml(failure.reference ?? `#${failure.letterId}`),
      error: escapeHtml(failure.lastError),
    });
    items.push(notice(adminId, noticeRef(`relay-failed-${failure.letterId}`, adminId), text));
  }
  await enqueue(db, items, { now: failure.now });
}

/**
 * Tells a person in private something short about their organiser role (invite redeemed, role revoked). `args`
 * gets the recipient's locale, so names can be given in their language.
 */
export async function notifyPerson(
  db: DB,
  userId: number,
  subject: string,
  key: string,
  args: (locale: Locale) => TranslationArgs,
  now: Date,
): Promise<void> {
  const locale = resolveLocale(await localeOf(db, userId), STORED_LOCALE_FALLBACK);
  await enqueue(db, notice(userId, noticeRef(subject, userId), translator(STORED_LOCALE_FALLBACK)(locale, key, args(locale))), { now });
}

export async function campaignNames(db: DB, slugs: readonly string[], locale: string): Promise<string> {
  const campaigns = await getCampaignsBySlugs(db, slugs);
  const resolved = resolveLocale(locale, STORED_LOCALE_FALLBACK);
  return slugs
    .map((slug) =>
      slug === DESK_SLUG
        ? translator(STORED_LOCALE_FALLBACK)(locale, "routes-desk-name")
        : campaignName(campaigns.get(slug), slug, resolved),
    )
    .join(", ");
}
