import { checkLetter } from "../../domain/censorship/index.js";
import type { LanguageAssessment } from "../../domain/censorship/index.js";
import { prisonerName } from "../../domain/directory/names.js";
import { serialiseFindingsSummary, summariseFindings } from "../../domain/letters/findings-summary.js";
import { getPrisonerBySlug } from "../../db/repositories/prisoners.js";
import { relayByCard } from "../../db/repositories/relay.js";
import { findUser } from "../../db/repositories/users.js";
import { isForgetRequested } from "../../db/repositories/privacy.js";
import { audit } from "../../db/repositories/roles.js";
import { getTranslation, saveTranslation, setOffersTranslation } from "../../db/repositories/translations.js";
import type { LetterTranslation } from "../../db/tables/routes.js";
import { campaignsOfChat } from "../../db/repositories/campaign-chats.js";
import { DESK_SLUG, getDesk } from "../../db/repositories/desk.js";
import { type DB, inTransaction } from "../../db/database.js";
import type { MessageRef } from "../../db/message-ref.js";
import { enqueue } from "../../outbox/index.js";
import { escapeHtml } from "../../telegram/html.js";
import { translator } from "../../telegram/i18n.js";
import { resolveLocale, STORED_LOCALE_FALLBACK } from "../../telegram/locale.js";
import { type CardAnswer, findingsLine } from "./card.js";
import { NOTICE_PRIORITY } from "./notices.js";

/** Languages organisers translate from: the writers' own. The censors accept Russian (and Belarusian in Belarus). */
export type TranslationSource = "uk" | "en";

/** The language to translate from when a letter is mostly Ukrainian or English and the prison system refuses it. */
export function translationSource(language: LanguageAssessment): TranslationSource | null {
  if (language.acceptable || language.primary === null) return null;
  return language.primary === "uk" || language.primary === "en" ? language.primary : null;
}

/** Letters still being worked on by organisers can take a translation; after printing it is too late. */
const TRANSLATABLE_STATUSES = new Set(["relayed", "accepted"]);

export interface TranslationInput extends CardAnswer {
  /** The organiser's message carrying the translation (in the card's chat, or its channel's discussion group). */
  message: MessageRef;
  text: string;
}

export type TranslationResult =
  | { ok: true; letterId: number; reference: string; summaryLine: string }
  | { ok: false; reason: "not-a-card" | "not-requested" | "not-allowed-role" | "too-late" | "writer-gone" };

/**
 * An organiser answered the card of a letter that asked for a translation with the Russian text: it is checked like
 * any letter, stored (it is what `/print` prints from now on), and sent to the writer with the check's summary — in one
 * transaction, through the outbox. A second answer replaces the first (a correction).
 */
export async function receiveTranslation(db: DB, input: TranslationInput): Promise<TranslationResult> {
  return inTransaction(db, async (trx): Promise<TranslationResult> => {
    const relay = await relayByCard(trx, input.chatId, input.cardMessageId);
    if (!relay) return { ok: false, reason: "not-a-card" };
    const letterId = Number(relay.id);
    const request = await getTranslation(trx, letterId);
    if (!request) return { ok: false, reason: "not-requested" };
    if (!(await input.mayAct(trx, relay.campaign_slug))) return { ok: false, reason: "not-allowed-role" };
    if (!TRANSLATABLE_STATUSES.has(relay.status)) return { ok: false, reason: "too-late" };
    const writer = await findUser(trx, relay.writer_id);
    if (!writer || (await isForgetRequested(trx, relay.writer_id))) return { ok: false, reason: "writer-gone" };

    const prisoner = await getPrisonerBySlug(trx, relay.prisoner_slug);
    // The same check the writer's own text went through, on the text that will actually be printed.
    const checked = checkLetter(input.text, { system: prisoner?.system ?? "ru", status: prisoner?.status.value ?? "unknown" });
    const summary = summariseFindings(checked.findings);
    const t = translator(STORED_LOCALE_FALLBACK);
    const reference = relay.reference ?? `#${letterId}`;
    const cardLocale = resolveLocale(relay.card_locale, STORED_LOCALE_FALLBACK);
    const taken = { ok: true, letterId, reference, summaryLine: findingsLine(summary, cardLocale, t) } as const;
    // Telegram delivered the message again (the process died after this transaction committed): it was saved and
    // sent then. Message ids in one chat only grow, so an older one arriving after a newer version is not taken either.
    if (takenAlready(request, input.message)) return taken;
    await saveTranslation(trx, {
      letterId,
      text: input.text,
      translatedBy: input.organiserId,
      findingsSummary: serialiseFindingsSummary(summary),
      message: input.message,
      now: input.now,
    });
    await audit(trx, { actorId: input.organiserId, action: "letter.translated", target: `letter:${letterId}`, details: { campaign: relay.campaign_slug, findings: checked.findings.length }, at: input.now });

    const locale = resolveLocale(writer.locale, STORED_LOCALE_FALLBACK);
    const header = t(locale, "routes-translation-writer", {
      reference: escapeHtml(reference),
      prisoner: escapeHtml(prisoner ? prisonerName(prisoner.names, locale, "prose") : relay.prisoner_slug),
      check: findingsLine(summary, locale, t),
    });
    const base = { kind: "notice", chatId: relay.writer_id, priority: NOTICE_PRIORITY, method: "sendMessage" } as const;
    // Each version gets its own refs, so a corrected translation reaches the writer too.
    const version = input.now.getTime();
    await enqueue(
      trx,
      [
        { ...base, ref: `translation:${letterId}:${version}:head`, payload: { text: header, parse_mode: "HTML" } },
        { ...base, ref: `translation:${letterId}:${version}:text`, payload: { text: input.text } },
      ],
      { now: input.now },
    );
    return taken;
  });
}

function takenAlready(saved: LetterTranslation, message: TranslationInput["message"]): boolean {
  return saved.message_chat_id === message.chatId && saved.message_id !== null && message.messageId <= saved.message_id;
}

/**
 * `/translation on|off` in a linked chat: its organisers say whether they translate letters into Russian. Applies to
 * every campaign linked to the chat that the sender may act for (the desk: admins). Returns how many links changed.
 */
export async function setChatTranslation(
  db: DB,
  input: { chatId: number; on: boolean; actorId: number; now: Date; mayAct(db: DB, campaignSlug: string): Promise<boolean> },
): Promise<{ changed: number; linked: boolean }> {
  return inTransaction(db, async (trx) => {
    const slugs = (await campaignsOfChat(trx, input.chatId)).map((chat) => chat.campaign_slug);
    const desk = await getDesk(trx);
    if (desk?.chat_id === input.chatId) slugs.push(DESK_SLUG);
    const allowed: string[] = [];
    for (const slug of slugs) if (await input.mayAct(trx, slug)) allowed.push(slug);
    const changed = allowed.length > 0 ? await setOffersTranslation(trx, input.chatId, allowed, input.on) : 0;
    if (changed > 0) {
      await audit(trx, { actorId: input.actorId, action: input.on ? "chat.translation_on" : "chat.translation_off", target: `chat:${input.chatId}`, details: { campaigns: allowed }, at: input.now });
    }
    return { changed, linked: slugs.length > 0 };
  });
}
