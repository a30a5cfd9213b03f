import { getCampaignBySlug } from "../../db/repositories/campaigns.js";
import { relayTargetForPrisoner } from "../../db/repositories/campaign-chats.js";
import { DESK_SLUG } from "../../db/repositories/desk.js";
import { getInstitutionBySlug } from "../../db/repositories/institutions.js";
import { getPrisonerBySlug } from "../../db/repositories/prisoners.js";
import { recordRelay } from "../../db/repositories/relay.js";
import { getTranslation } from "../../db/repositories/translations.js";
import type { DB } from "../../db/database.js";
import type { Letter } from "../../db/tables/letters.js";
import { renderLetterFile } from "../../domain/letters/letter-file.js";
import { letterRecipient } from "../letters/recipient.js";
import { enqueue, type OutboxItem } from "../../outbox/index.js";
import { cardKeyboard } from "./buttons.js";
import { renderCard, renderCardBody, type WriterIdentity } from "./card.js";
import { letterMessages } from "./letter-parts.js";
import { resolveLocale, STORED_LOCALE_FALLBACK } from "../../telegram/locale.js";
import { translator } from "../../telegram/i18n.js";
import { relayRef } from "../../domain/letters/relay-refs.js";

/** Relayed letters go before broadcasts and reminders in the outbox. */
export const RELAY_PRIORITY = 10;

/** No campaign of the prisoner has an organisers' chat: the letter cannot be relayed (nothing was written). */
export class NoOrganiserChatError extends Error {
  constructor(readonly prisonerSlug: string) {
    super("no organisers' chat is linked for this prisoner's campaigns");
    this.name = "NoOrganiserChatError";
  }
}

/**
 * Whether the letter flow may offer "send via organisers": one of the prisoner's campaigns has a linked chat that
 * works as far as we know (a chat that answered 403 is broken until it is fixed).
 */
export async function hasOrganiserRelay(db: DB, prisonerSlug: string): Promise<boolean> {
  return (await organiserRelayKind(db, prisonerSlug)) !== null;
}

/** Who would receive a letter now: the prisoner's campaign organisers, the organisation desk, or nobody. */
export type OrganiserRelayKind = "campaign" | "desk";

export async function organiserRelayKind(db: DB, prisonerSlug: string): Promise<OrganiserRelayKind | null> {
  const chat = await relayTargetForPrisoner(db, prisonerSlug);
  if (chat?.status !== "ok") return null;
  return chat.campaign_slug === DESK_SLUG ? "desk" : "campaign";
}

export interface RelayOptions {
  now: Date;
  /** The writer's Telegram name, rendered only if the letter has `share_identity = 1`; never stored elsewhere. */
  writer?: WriterIdentity;
}

/**
 * Queues a letter just finished with route "organisers" for the campaign's chat: the card (reference, addressee,
 * institution, suggested route, check summary, signature, status and buttons), then the text. Pass the transaction
 * that finished the letter, e.g. `finishLetter(db, { …, route: "organisers", enqueue: (trx, letter) =>
 * relayLetterToOrganisers(trx, letter, { now }) })`, so that the letter and its messages exist together or not at all.
 * Goes to the organisation desk when no campaign of the prisoner has a working chat (`relayTargetForPrisoner`).
 * Throws `NoOrganiserChatError` when neither a campaign chat nor a desk is linked: the finish is rolled back.
 */
export async function relayLetterToOrganisers(db: DB, letter: Letter, options: RelayOptions): Promise<{ campaignSlug: string; chatId: number }> {
  if (letter.status !== "relayed" || !letter.text || !letter.reference) {
    throw new Error(`letter ${letter.id} is not a finished letter for organisers (status ${letter.status})`);
  }
  const prisoner = await getPrisonerBySlug(db, letter.prisoner_slug);
  if (!prisoner) throw new Error(`letter ${letter.id} names an unknown prisoner`);
  const chat = await relayTargetForPrisoner(db, prisoner.slug);
  if (!chat) throw new NoOrganiserChatError(prisoner.slug);
  const institution = prisoner.location.institution ? await getInstitutionBySlug(db, prisoner.location.institution) : undefined;
  const campaign = await getCampaignBySlug(db, chat.campaign_slug);
  const locale = resolveLocale(chat.locale, STORED_LOCALE_FALLBACK);
  const translation = await getTranslation(db, letter.id);
  const t = translator(STORED_LOCALE_FALLBACK);

  const signature = { name: letter.signature_name ?? "", ...(letter.signature_city ? { city: letter.signature_city } : {}) };
  const parts = letterMessages({ reference: letter.reference, text: letter.text, signature });
  const body = renderCardBody({
    letter,
    prisoner,
    institution,
    campaignName: chat.campaign_slug === DESK_SLUG ? t(locale, "routes-desk-name") : (campaign?.name[locale] ?? chat.campaign_slug),
    ...(options.writer ? { writer: options.writer } : {}),
    delivery: parts.kind === "file" ? { kind: "file" } : { kind: "messages", parts: parts.messages.length },
    ...(translation ? { translateFrom: translation.source_language } : {}),
    locale,
    t,
  });
  await recordRelay(db, { letterId: letter.id, campaignSlug: chat.campaign_slug, chatId: chat.chat_id, cardHtml: body, cardLocale: locale, now: options.now });

  const base = { kind: "relay", chatId: chat.chat_id, priority: RELAY_PRIORITY } as const;
  const items: OutboxItem[] = [
    {
      ...base,
      ref: relayRef(letter.id, "card"),
      method: "sendMessage",
      payload: {
        text: renderCard(body, letter.status, options.now, locale, t),
        parse_mode: "HTML",
        reply_markup: cardKeyboard(letter.id, letter.status, locale, t),
      },
    },
  ];
  if (parts.kind === "messages") {
    parts.messages.forEach((text, index) => {
      items.push({ ...base, ref: relayRef(letter.id, "text", index + 1), method: "sendMessage", payload: { text, parse_mode: "HTML" } });
    });
  } else {
    // Institution-aware header and file name come from the letters domain (the .txt writers download too).
    const file = renderLetterFile({
      recipient: await letterRecipient(db, prisoner, institution),
      text: letter.text,
      signature,
      writtenOn: new Date(letter.finished_at ?? options.now.toISOString()),
      reference: letter.reference,
    });
    items.push({
      ...base,
      ref: relayRef(letter.id, "file"),
      method: "sendDocument",
      payload: { caption: letter.reference },
      attachment: { bytes: new TextEncoder().encode(file.content), filename: file.filename },
    });
  }
  await enqueue(db, items, { now: options.now });
  return { campaignSlug: chat.campaign_slug, chatId: chat.chat_id };
}
