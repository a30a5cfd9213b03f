import { Composer } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import { pickFewLetters } from "../../../domain/directory/few-letters.js";
import { DIRECTORY_TEXT } from "../../../domain/directory/text-keys.js";
import type { BotContext, FlowContext } from "../../context.js";
import { isDeepLink, startPayload } from "../../deep-link.js";
import { mainMenuKeyboard, menuButton } from "../../keyboards/main-menu.js";
import { birthdaysScreen, browseMenu, campaignScreen, fewLettersScreen } from "./browse.js";
import { writableByFewestLetters } from "../../../services/directory/browse.js";
import {
  birthdaysData,
  browseMenuData,
  campaignPageData,
  fewLettersPageData,
  fewLettersRandomData,
  openCardData,
  parsePage,
  searchPageData,
} from "./callbacks.js";
import { cardKeyboard, cardText, type LoadedCard, loadCard } from "./card.js";
import { INLINE_CACHE_SECONDS, inlineResults } from "./inline.js";
import { canonicalQuery, looksLikeNameQuery, queryOfPageButton, searchScreen } from "./search.js";
import { replySentenceHint } from "./sentence-hint.js";
import { isSentence } from "../../../domain/search/sentence.js";
import { ignoreNotModified } from "../../../telegram/api-errors.js";

const NO_PREVIEW = { is_disabled: true } as const;

async function replyCard(ctx: FlowContext, loaded: LoadedCard): Promise<void> {
  await ctx.reply(await cardText(ctx, loaded), {
    parse_mode: "HTML",
    reply_markup: await cardKeyboard(ctx, loaded),
    link_preview_options: NO_PREVIEW,
  });
}

async function sendCard(ctx: FlowContext, slug: string): Promise<boolean> {
  const loaded = await loadCard(ctx, slug);
  if (loaded) await replyCard(ctx, loaded);
  return loaded !== undefined;
}

function markup(keyboard: InlineKeyboardMarkup): { reply_markup?: InlineKeyboardMarkup } {
  return keyboard.inline_keyboard.length > 0 ? { reply_markup: keyboard } : {};
}

async function sendScreen(ctx: FlowContext, screen: { text: string; keyboard: InlineKeyboardMarkup }): Promise<void> {
  await ctx.reply(screen.text, { parse_mode: "HTML", link_preview_options: NO_PREVIEW, ...markup(screen.keyboard) });
}

/** Lists and pages replace the message whose button was pressed; pressing the current page again changes nothing. */
async function editScreen(ctx: FlowContext, screen: { text: string; keyboard: InlineKeyboardMarkup }): Promise<void> {
  await ctx
    .editMessageText(screen.text, { parse_mode: "HTML", link_preview_options: NO_PREVIEW, reply_markup: screen.keyboard })
    .catch(ignoreNotModified);
}

async function runSearch(ctx: FlowContext, query: string): Promise<void> {
  const screen = await searchScreen(ctx, query, 1);
  ctx.logger.info({ results: screen.page.total }, "directory search");
  await sendScreen(ctx, screen);
}

async function staleButton(ctx: FlowContext, key = "unhandled-stale-button"): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
}

const composer = new Composer<BotContext>();

// Inline mode works in any chat; the cards it sends carry links back to the bot, never callback buttons.
composer.on("inline_query", async (ctx) => {
  const results = await inlineResults(ctx, ctx.inlineQuery.query);
  await ctx.answerInlineQuery(results, { cache_time: INLINE_CACHE_SECONDS, is_personal: false });
  ctx.logger.info({ results: results.length }, "directory inline query");
});

const privateChats = composer.chatType("private");

// t.me/<bot>?start=p_<slug>: a prisoner's card.
privateChats.filter(isDeepLink("p_"), async (ctx) => {
  const slug = startPayload(ctx).slice("p_".length);
  if (await sendCard(ctx, slug)) return;
  await ctx.reply(ctx.t("directory-bot-link-unknown"), { reply_markup: mainMenuKeyboard(ctx) });
});

privateChats.command("find", async (ctx) => {
  const query = canonicalQuery(ctx.match);
  if (query === "") {
    await ctx.reply(ctx.t(DIRECTORY_TEXT.searchPrompt));
    return;
  }
  if (!looksLikeNameQuery(query)) {
    // Nothing searched is still no dead end: browsing the directory is one tap away.
    await ctx.reply(ctx.t(DIRECTORY_TEXT.searchHintSpelling), {
      reply_markup: { inline_keyboard: [[{ text: ctx.t("menu-browse"), callback_data: browseMenuData.pack() }]] },
    });
    return;
  }
  await runSearch(ctx, query);
});

// The name typed after the prompt is free text: the search fallback (section 4) answers it.
privateChats.callbackQuery(menuButton.pack("find"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t(DIRECTORY_TEXT.searchPrompt));
});

privateChats.command("browse", async (ctx) => {
  await sendScreen(ctx, await browseMenu(ctx));
});

privateChats.callbackQuery(menuButton.pack("browse"), async (ctx) => {
  await ctx.answerCallbackQuery();
  await sendScreen(ctx, await browseMenu(ctx));
});

privateChats.callbackQuery(browseMenuData.pattern, async (ctx) => {
  await ctx.answerCallbackQuery();
  await editScreen(ctx, await browseMenu(ctx));
});

privateChats.callbackQuery(openCardData.pattern, async (ctx) => {
  const [slug] = openCardData.unpack(ctx.callbackQuery.data) ?? [];
  const loaded = slug ? await loadCard(ctx, slug) : undefined;
  if (!loaded) {
    await staleButton(ctx, "directory-bot-card-gone");
    return;
  }
  await ctx.answerCallbackQuery();
  await replyCard(ctx, loaded);
});

privateChats.callbackQuery(searchPageData.pattern, async (ctx) => {
  const { data, message } = ctx.callbackQuery;
  const [pageText] = searchPageData.unpack(data) ?? [];
  const page = parsePage(pageText);
  const query = queryOfPageButton(data, message);
  if (page === undefined) {
    await staleButton(ctx);
    return;
  }
  if (query === undefined || !looksLikeNameQuery(query)) {
    await staleButton(ctx, "directory-bot-search-stale");
    return;
  }
  const screen = await searchScreen(ctx, query, page);
  await ctx.answerCallbackQuery();
  await editScreen(ctx, screen);
});

privateChats.callbackQuery(campaignPageData.pattern, async (ctx) => {
  const [slug, pageText] = campaignPageData.unpack(ctx.callbackQuery.data) ?? [];
  const page = parsePage(pageText);
  const screen = slug && page !== undefined ? await campaignScreen(ctx, slug, page) : undefined;
  if (!screen) {
    await staleButton(ctx);
    return;
  }
  await ctx.answerCallbackQuery();
  await editScreen(ctx, screen);
});

/** A list whose only argument is its page: a forged page is a stale button, a valid one redraws the list. */
function onPagedList(
  data: { pattern: RegExp; unpack(data: string | undefined): string[] | undefined },
  screen: (ctx: BotContext, page: number) => ReturnType<typeof fewLettersScreen>,
) {
  privateChats.callbackQuery(data.pattern, async (ctx) => {
    const [pageText] = data.unpack(ctx.callbackQuery.data) ?? [];
    const page = parsePage(pageText);
    if (page === undefined) {
      await staleButton(ctx);
      return;
    }
    await ctx.answerCallbackQuery();
    await editScreen(ctx, await screen(ctx, page));
  });
}

onPagedList(fewLettersPageData, fewLettersScreen);

privateChats.callbackQuery(fewLettersRandomData.pattern, async (ctx) => {
  const { entries, counts } = await writableByFewestLetters(ctx.deps);
  const picked = pickFewLetters(
    entries.map((entry) => entry.prisoner),
    counts,
    Math.random,
  );
  if (!picked) {
    await ctx.answerCallbackQuery({ text: ctx.t("directory-bot-few-letters-none"), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  await sendCard(ctx, picked.slug);
});

onPagedList(birthdaysData, birthdaysScreen);

/** Section 3: /find, /browse, the menu's find and browse items, cards, paging, p_ deep links and inline mode. */
export { composer as directoryFeature };

const fallback = new Composer<BotContext>();

/**
 * Section 4: a name typed anywhere in a private chat, outside any flow, is a search. A short sentence is answered with
 * what the bot does (`isSentence`); text that is not name-like (a command, a long text, only digits or emoji) goes on
 * to the "not understood" hint.
 */
fallback.chatType("private").on("message:text", async (ctx, next) => {
  const { text } = ctx.message;
  if (text.startsWith("/") || !looksLikeNameQuery(text)) return next();
  if (isSentence(text)) return replySentenceHint(ctx);
  await runSearch(ctx, canonicalQuery(text));
});

export { fallback as directorySearchFallback };
export { directoryFlows, notListedFeature } from "./not-listed.js";
