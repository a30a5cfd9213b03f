import type { InlineKeyboardButton, InlineQueryResultArticle } from "grammy/types";
import { formatPartialDate } from "../../../domain/directory/partial-date.js";
import { DIRECTORY_TEXT, statusKey } from "../../../domain/directory/text-keys.js";
import type { FlowContext } from "../../context.js";
import { deepLinkUrl } from "../../deep-link.js";
import { writableByFewestLetters } from "../../../services/directory/browse.js";
import { canWrite, inlineCardText, type LoadedCard, loadCard } from "./card.js";
import { canonicalQuery } from "./search.js";
import { statusEmoji } from "./text.js";
import { localeOf } from "../../locale.js";
import { directorySearchFor } from "../../../services/directory/search-index.js";

/** Short: statuses change, and a cached answer must not keep offering a letter to someone freed since. */
export const INLINE_CACHE_SECONDS = 30;
/** An empty query suggests this many people a letter can reach, fewest letters first. */
export const INLINE_SUGGESTIONS = 5;

function article(ctx: FlowContext, loaded: LoadedCard): InlineQueryResultArticle {
  const { card } = loaded;
  const bot = ctx.me.username;
  const rows: InlineKeyboardButton[][] = [];
  // The letter starts in a private chat with the bot, which checks the directory again at that moment.
  if (canWrite(card)) rows.push([{ text: ctx.t(DIRECTORY_TEXT.cardWrite), url: deepLinkUrl(bot, `w_${card.slug}`) }]);
  rows.push([{ text: ctx.t("directory-bot-inline-open"), url: deepLinkUrl(bot, `p_${card.slug}`) }]);
  const status = ctx.t(statusKey(card.status.value), { gender: card.gender });
  const year = card.birthYear === null ? "" : `, ${card.birthYear}`;
  return {
    type: "article",
    id: card.slug,
    title: `${statusEmoji(card.status.value)} ${card.displayName}${year}`,
    description: ctx.t(DIRECTORY_TEXT.cardStatus, { status, asOf: formatPartialDate(card.status.asOf, localeOf(ctx)) }),
    input_message_content: {
      message_text: inlineCardText(ctx, loaded),
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    },
    reply_markup: { inline_keyboard: rows },
  };
}

/**
 * `@bot name` in any chat: the people found, as cards that can be sent into that chat, with a "write a letter" link
 * back to the bot. An empty query suggests a few people a letter can reach.
 */
export async function inlineResults(ctx: FlowContext, query: string): Promise<InlineQueryResultArticle[]> {
  const slugs =
    canonicalQuery(query) === ""
      ? (await writableByFewestLetters(ctx.deps)).entries.slice(0, INLINE_SUGGESTIONS).map((entry) => entry.prisoner.slug)
      : (await directorySearchFor(ctx.deps).search(query, 1)).hits.map((hit) => hit.slug);
  const results: InlineQueryResultArticle[] = [];
  for (const slug of slugs) {
    const loaded = await loadCard(ctx, slug);
    if (loaded) results.push(article(ctx, loaded));
  }
  return results;
}
