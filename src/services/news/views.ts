import type { Locale } from "../../config.js";
import type { DB } from "../../db/database.js";
import { getInstitutionBySlug } from "../../db/repositories/institutions.js";
import { getPrisonerBySlug } from "../../db/repositories/prisoners.js";
import type { NewsPost } from "../../db/tables/news.js";
import type { InstitutionRecord, PrisonerRecord } from "../../domain/directory/types.js";
import { eventFromColumns } from "../../domain/news/events.js";
import { parseTexts, textFor } from "../../domain/news/texts.js";
import type { NewsView } from "./render.js";
import { resolveLocale } from "../../telegram/locale.js";
import { prisonerName } from "../../domain/directory/names.js";

/** A stored news post with the facts a message needs, loaded once and rendered for each reader's language. */
export interface LoadedNews {
  post: NewsPost;
  prisoner: PrisonerRecord;
  institution: InstitutionRecord | undefined;
}

export async function loadNews(db: DB, post: NewsPost): Promise<LoadedNews | undefined> {
  const prisoner = await getPrisonerBySlug(db, post.prisoner_slug);
  if (!prisoner) return undefined;
  const institution = post.institution_slug ? await getInstitutionBySlug(db, post.institution_slug) : undefined;
  return { post, prisoner, institution };
}

export function newsViewFor(news: LoadedNews, locale: Locale): NewsView {
  const { post, prisoner, institution } = news;
  return {
    prisonerSlug: prisoner.slug,
    prisonerName: prisonerName(prisoner.names, locale, "list"),
    prisonerGender: prisoner.gender,
    event: eventFromColumns(post.event_type, post.cell_days, post.institution_slug),
    institution: institution ? { name: institution.name, region: institution.region } : null,
    text: textFor(parseTexts(post.texts), locale, resolveLocale(post.author_locale, locale)),
    sourceUrl: post.source_url,
    publishedAt: new Date(post.published_at),
  };
}
