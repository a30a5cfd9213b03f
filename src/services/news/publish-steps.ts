import { textLanguage } from "../../domain/censorship/index.js";
import { withoutHashtags } from "../../domain/news/hashtags.js";
import { prisonerName } from "../../domain/directory/names.js";
import { getPrisonerBySlug } from "../../db/repositories/prisoners.js";
import { type Locale, SUPPORTED_LOCALES } from "../../config.js";
import { getInstitutionBySlug } from "../../db/repositories/institutions.js";
import { getChannelOffer } from "../../db/repositories/news.js";
import { subscribersOf } from "../../db/repositories/subscriptions.js";
import type { NewsEvent } from "../../domain/news/events.js";
import type { ServiceDeps } from "../deps.js";
import { prisonerChoice, type PrisonerChoice, type ScopedChoices } from "../directory/lookup.js";
import { mayPublishAbout, type PublishAccess } from "./publish-access.js";

/** What the publish flow reads along the way. Results are JSON-safe: they are stored in the flow's replay log. */

export interface OfferForPublishing {
  id: number;
  campaignSlug: string;
  prisoner: PrisonerChoice;
  text: string;
  sourceUrl: string | null;
  published: boolean;
  /**
   * The language the post is written in, when the letter check's detector is sure and it is one subscribers read.
   * Absent from an offer stored in the replay log of a flow begun before posts' languages were detected.
   */
  language?: Locale | null;
}

/**
 * A name search as the flow's replay log holds it: a flow begun before `/news` paged stored the plain first eight of
 * everyone found, read here as the one page of those the organiser may publish about, so such a flow replays as it ran.
 */
export function storedChoices(found: ScopedChoices | PrisonerChoice[], access: PublishAccess): ScopedChoices {
  if (!Array.isArray(found)) return found;
  const own = found.filter((choice) => mayPublishAbout(access, choice.campaigns));
  if (own.length > 0) return { kind: "found", choices: own, page: 1, pageCount: 1 };
  return { kind: found.length > 0 ? "refused" : "none" };
}

/** A channel post offered as news, with its prisoner; null when the offer or the prisoner is gone. */
export async function offerForPublishing(deps: ServiceDeps, offerId: number, locale: Locale): Promise<OfferForPublishing | null> {
  const row = await getChannelOffer(deps.db, offerId);
  if (!row) return null;
  const prisoner = await prisonerChoice(deps.db, row.prisoner_slug, locale);
  if (!prisoner) return null;
  const text = withoutHashtags(row.text);
  const detected = textLanguage(text);
  const language = SUPPORTED_LOCALES.find((candidate) => candidate === detected) ?? null;
  return { id: row.id, campaignSlug: row.campaign_slug, prisoner, text, sourceUrl: row.source_url, published: row.news_id !== null, language };
}

export interface PreviewFacts {
  institution: { name: string; region: string } | null;
  /** Subscribers who get the news at once, and those who get it in the daily digest. */
  immediate: number;
  digest: number;
  defaultLocale: Locale;
  /** The prisoner's name as subscribers of each language read it in the news. */
  names: Partial<Record<Locale, string>>;
}

/** What the preview shows besides the text: the new institution of a transfer and who will receive the news. */
export async function previewFacts(deps: ServiceDeps, prisonerSlug: string, event: NewsEvent): Promise<PreviewFacts> {
  const institution = event.type === "transfer" && event.institution ? await getInstitutionBySlug(deps.db, event.institution) : undefined;
  const subscribers = await subscribersOf(deps.db, prisonerSlug);
  const prisoner = await getPrisonerBySlug(deps.db, prisonerSlug);
  const names = prisoner ? Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, prisonerName(prisoner.names, locale, "list")])) : {};
  return {
    names,
    institution: institution ? { name: institution.name, region: institution.region } : null,
    immediate: subscribers.filter((subscriber) => subscriber.delivery === "immediate").length,
    digest: subscribers.filter((subscriber) => subscriber.delivery === "digest").length,
    defaultLocale: deps.config.defaultLocale,
  };
}
