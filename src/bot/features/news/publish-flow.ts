/**
 * `/news`: an organiser publishes case news. Pick the prisoner (name search, limited to their campaigns), the event
 * and its details, the text (their language, optionally others), the source link, see the message exactly as
 * subscribers will, then publish. A channel post offered as news enters here with prisoner, text and link filled in.
 * Built on the flow kit (src/bot/flows): its buttons carry the flow's token, every database read and write is a
 * `guarded` call through a service; roles are checked at the start and at publishing.
 */
import type { InlineKeyboardButton } from "grammy/types";
import { type Locale, SUPPORTED_LOCALES } from "../../../config.js";
import { isNewsEventType, NEWS_EVENT_TYPES, type NewsEvent, parseCellDays, statusAfter } from "../../../domain/news/events.js";
import { parseSourceUrl } from "../../../domain/news/source-url.js";
import { checkNewsText, MAX_NEWS_TEXT_CHARACTERS, type NewsTexts } from "../../../domain/news/texts.js";
import { offerForPublishing, previewFacts, storedChoices } from "../../../services/news/publish-steps.js";
import { needsSource, publishedByConfirmation, publishNews } from "../../../services/news/publish.js";
import { newsKeyboard, renderNewsText } from "../../../services/news/render.js";
import { translator } from "../../../telegram/i18n.js";
import type { Flow, FlowContext } from "../../context.js";
import { escapeHtml } from "../../../telegram/html.js";
import {
  findChoicesInScope,
  findInstitutionChoices,
  type InstitutionChoice,
  prisonerChoice,
  type PrisonerChoice,
  type PrisonerChoicePage,
} from "../../../services/directory/lookup.js";
import { type ChoicePageKeys, choicePageScreen } from "../../keyboards/choice-pages.js";
import { ignoreNotModified } from "../../../telegram/api-errors.js";
import { parsePage } from "../directory/callbacks.js";
import { drawToken, flowButtons, flowKit, guarded, pressedMessageId } from "../../flows/index.js";
import { mayPublish, mayPublishAbout, mayPublishNow, publishAccess, type PublishAccess } from "../../../services/news/publish-access.js";
import { localeOf } from "../../locale.js";
import { actorOf } from "../../roles.js";

export const PUBLISH_CONVERSATION = "news-publish";

/** Buttons of the publish flow: `np:<token>:<step>:<value>`; a button of an earlier flow falls through as stale. */
const kit = flowKit(flowButtons("np"));

export interface PublishStart {
  /** A channel post offered as news (`news_channel_offers.id`). */
  offerId?: number;
}

/** Wrong answers in a row before the flow gives up, so a confused person is not kept in a loop forever. */
const MAX_ATTEMPTS = 6;
const MAX_CHOICES = 8;
const CONFIRM_CHOICES = ["publish", "edit", "cancel"] as const;

/** A button's answer carries the message it was pressed on (absent when Telegram no longer sends that message). */
/** `messageId`: the message whose button was pressed, `undefined` when the press has none. */
type Answer = { kind: "button"; step: string; value: string; messageId: number | undefined } | { kind: "text"; text: string };

/** Stops the flow with a message; thrown by the steps, caught once at the top. */
class FlowEnded extends Error {
  constructor(readonly messageKey: string) {
    super(messageKey);
  }
}

export async function publishNewsFlow(conversation: Flow, ctx: FlowContext, start: PublishStart = {}): Promise<void> {
  try {
    await runPublishFlow(conversation, ctx, start);
  } catch (error) {
    if (!(error instanceof FlowEnded)) throw error;
    await ctx.reply(ctx.t(error.messageKey));
  }
}

async function runPublishFlow(conversation: Flow, ctx: FlowContext, start: PublishStart): Promise<void> {
  const token = await drawToken(conversation);
  const locale = await conversation.external((outer) => localeOf(outer));
  const access = await guarded(conversation, (deps, outer) => publishAccess(deps, actorOf(outer)));
  if (!mayPublish(access)) throw new FlowEnded("news-publish-not-allowed");

  const offer = start.offerId === undefined ? undefined : await loadOffer(conversation, start.offerId, locale);
  if (offer && !mayPublishAbout(access, [offer.campaignSlug])) throw new FlowEnded("news-publish-not-allowed");
  if (offer?.published) throw new FlowEnded("news-offer-already-published");

  const prisoner = offer?.prisoner ?? (await askPrisoner(conversation, ctx, token, access, locale));
  const event = await askEvent(conversation, ctx, token, prisoner);
  const texts: NewsTexts = {};
  const offered = offer ? checkNewsText(offer.text) : undefined;
  // The language of the text subscribers get as written: a post's own, else the organiser's (asked in it).
  const textLocale = offer && offered?.ok ? await offerLanguage(conversation, ctx, token, offer.language, locale) : locale;
  texts[textLocale] = offered?.ok ? offered.text : await askText(conversation, ctx, token, locale);
  await askTranslations(conversation, ctx, token, textLocale, texts);
  const sourceUrl = offer?.sourceUrl ?? (await askSource(conversation, ctx, token, needsSource(event)));
  if (needsSource(event) && sourceUrl === null) throw new FlowEnded("news-publish-source-required-ended");

  for (let round = 0; round < MAX_ATTEMPTS; round += 1) {
    const { choice, messageId } = await previewAndConfirm(conversation, ctx, token, { prisoner, event, texts, sourceUrl, locale: textLocale });
    if (choice === "cancel") throw new FlowEnded("news-publish-cancelled");
    if (choice === "edit") {
      texts[textLocale] = await askText(conversation, ctx, token, textLocale);
      continue;
    }
    const draft = { prisoner, event, texts, sourceUrl, locale: textLocale, offerId: offer?.id ?? null, confirmationMessageId: messageId };
    await publish(conversation, ctx, draft);
    return;
  }
  throw new FlowEnded("news-publish-gave-up");
}

/**
 * Waits for text or one of this flow's current buttons of the given steps (a sticker or photo is answered with a hint);
 * other updates (edits, old buttons of an earlier step or flow, other features' buttons) go on to the rest of the bot.
 */
async function waitAnswer(conversation: Flow, token: string, steps: readonly string[]): Promise<Answer> {
  const input = await kit.waitTextOrButton(conversation, { token, actions: steps });
  if (input.kind === "button") {
    return { kind: "button", step: input.action, value: input.arg, messageId: pressedMessageId(input.ctx) };
  }
  return { kind: "text", text: input.kind === "text" ? input.text : "" };
}

function button(token: string, text: string, step: string, value: string): InlineKeyboardButton {
  return { text, callback_data: kit.buttons.pack(token, step, value) };
}

/**
 * The language a channel post is written in: as detected, or asked with buttons when the detector was unsure. An
 * offer without a detected language (`undefined`: stored by a flow begun before detection) keeps the organiser's.
 */
async function offerLanguage(conversation: Flow, ctx: FlowContext, token: string, detected: Locale | null | undefined, locale: Locale): Promise<Locale> {
  if (detected !== null) return detected ?? locale;
  const rows = SUPPORTED_LOCALES.map((language) => [button(token, ctx.t(`news-language-${language}`), "l", language)]);
  await ctx.reply(ctx.t("news-offer-ask-language"), { reply_markup: { inline_keyboard: rows } });
  const input = await kit.waitButton(conversation, { token, actions: ["l"] }, "news-offer-language-press");
  return SUPPORTED_LOCALES.find((language) => language === input.arg) ?? locale;
}

async function loadOffer(conversation: Flow, offerId: number, locale: Locale) {
  const offer = await guarded(conversation, (deps) => offerForPublishing(deps, offerId, locale));
  if (!offer) throw new FlowEnded("news-stale-button");
  return offer;
}

const PICK_KEYS: ChoicePageKeys = {
  pick: "news-publish-prisoner-pick",
  page: "news-publish-prisoner-pick-page",
  // A page button carries only the flow's token and the page number (the flow holds the name): it always fits.
  refine: "news-publish-prisoner-pick",
  previous: "news-publish-prisoner-previous",
  next: "news-publish-prisoner-next",
};

/**
 * The prisoner, by name: a page of the organiser's own people at a time (ten, with Previous / Next). A page press is
 * answered by editing the list and then forgotten (the flow rewinds to the wait), so paging neither uses up the
 * attempts nor grows the stored replay log.
 */
async function askPrisoner(conversation: Flow, ctx: FlowContext, token: string, access: PublishAccess, locale: Locale): Promise<PrisonerChoice> {
  await ctx.reply(ctx.t("news-publish-ask-prisoner"));
  let query: string | undefined;
  let choices: PrisonerChoice[] = [];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const top = conversation.checkpoint();
    const input = await kit.waitTextOrButton(conversation, { token, actions: ["p", "q"] });
    if (input.kind === "button" && input.action === "q") {
      await turnPage(conversation, input.ctx, token, query, input.arg, locale);
      return conversation.rewind(top);
    }
    if (input.kind === "button") {
      // Also a button from another page or an earlier search: the person is looked up and checked again.
      const chosen =
        choices.find((choice) => choice.slug === input.arg) ??
        (await guarded(conversation, (deps) => prisonerChoice(deps.db, input.arg, locale)));
      if (chosen && mayPublishAbout(access, chosen.campaigns)) return chosen;
      await ctx.reply(ctx.t("news-publish-prisoner-not-yours-pick"));
      continue;
    }
    query = input.kind === "text" ? input.text : "";
    const typed = query;
    const found = storedChoices(await guarded(conversation, (deps) => findChoicesInScope(deps, access, typed, locale, 1)), access);
    if (found.kind !== "found") {
      const key = found.kind === "refused" ? "news-publish-prisoner-not-yours" : "news-publish-prisoner-none";
      await ctx.reply(ctx.t(key, { query: typed }));
      continue;
    }
    choices = found.choices;
    const screen = prisonerScreen(ctx, token, found);
    await ctx.reply(screen.text, { reply_markup: screen.keyboard });
  }
  throw new FlowEnded("news-publish-gave-up");
}

function prisonerScreen(ctx: FlowContext, token: string, found: PrisonerChoicePage) {
  const buttons = { pick: (slug: string) => kit.buttons.pack(token, "p", slug), page: (page: number) => kit.buttons.pack(token, "q", String(page)) };
  return choicePageScreen((key, variables) => ctx.t(key, variables), found, buttons, PICK_KEYS);
}

/**
 * Shows another page of the last search in place. The role is read again at each press: an organiser whose role has
 * ended is told so and the flow ends; a page press with no search behind it or no page number is refused as stale.
 */
async function turnPage(conversation: Flow, ctx: FlowContext, token: string, query: string | undefined, pageText: string, locale: Locale): Promise<void> {
  const page = parsePage(pageText);
  if (query === undefined || page === undefined) {
    await ctx.reply(ctx.t("news-publish-prisoner-page-stale"));
    return;
  }
  const access = await guarded(conversation, (deps, outer) => publishAccess(deps, actorOf(outer)));
  if (!mayPublish(access)) throw new FlowEnded("news-publish-not-allowed");
  const found = await guarded(conversation, (deps) => findChoicesInScope(deps, access, query, locale, page));
  if (found.kind !== "found") {
    await ctx.reply(ctx.t("news-publish-prisoner-not-yours", { query }));
    return;
  }
  const screen = prisonerScreen(ctx, token, found);
  // The page already shown (a second press before the first edit showed): the list is right as it is.
  await ctx.editMessageText(screen.text, { reply_markup: screen.keyboard }).catch(ignoreNotModified);
}

async function askEvent(conversation: Flow, ctx: FlowContext, token: string, prisoner: PrisonerChoice): Promise<NewsEvent> {
  const buttons = NEWS_EVENT_TYPES.map((type) => button(token, ctx.t(`news-event-choice-${type}`), "e", type));
  const rows: InlineKeyboardButton[][] = [];
  for (let index = 0; index < buttons.length; index += 2) rows.push(buttons.slice(index, index + 2));
  await ctx.reply(ctx.t("news-publish-ask-event", { name: prisoner.name }), { reply_markup: { inline_keyboard: rows } });
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const answer = await waitAnswer(conversation, token, ["e"]);
    if (answer.kind === "text" || !isNewsEventType(answer.value)) {
      await ctx.reply(ctx.t("news-publish-use-buttons"));
      continue;
    }
    if (answer.value === "punishment-cell") return { type: answer.value, days: await askDays(conversation, ctx, token) };
    if (answer.value === "transfer") {
      return { type: answer.value, institution: (await askInstitution(conversation, ctx, token))?.slug ?? null };
    }
    return { type: answer.value };
  }
  throw new FlowEnded("news-publish-gave-up");
}

async function askDays(conversation: Flow, ctx: FlowContext, token: string): Promise<number | null> {
  const unknown = [button(token, ctx.t("news-publish-days-unknown"), "d", "-")];
  await ctx.reply(ctx.t("news-publish-ask-days"), { reply_markup: { inline_keyboard: [unknown] } });
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const answer = await waitAnswer(conversation, token, ["d"]);
    if (answer.kind === "button") return null;
    const days = parseCellDays(answer.text);
    if (days !== undefined) return days;
    await ctx.reply(ctx.t("news-publish-days-invalid"));
  }
  throw new FlowEnded("news-publish-gave-up");
}

/** The new institution, or undefined when the destination is not known yet. */
async function askInstitution(conversation: Flow, ctx: FlowContext, token: string): Promise<InstitutionChoice | undefined> {
  const unknown = [button(token, ctx.t("news-publish-institution-unknown"), "i", "-")];
  await ctx.reply(ctx.t("news-publish-ask-institution"), { reply_markup: { inline_keyboard: [unknown] } });
  let choices: InstitutionChoice[] = [];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const answer = await waitAnswer(conversation, token, ["i"]);
    if (answer.kind === "button") {
      if (answer.value === "-") return undefined;
      const chosen = choices.find((choice) => choice.slug === answer.value);
      if (chosen) return chosen;
      continue;
    }
    choices = await guarded(conversation, (deps) => findInstitutionChoices(deps.db, answer.text, MAX_CHOICES));
    if (choices.length === 0) {
      await ctx.reply(ctx.t("news-publish-institution-none", { query: answer.text }), {
        reply_markup: { inline_keyboard: [unknown] },
      });
      continue;
    }
    const rows = choices.map((choice) => [button(token, `${choice.name}, ${choice.region}`, "i", choice.slug)]);
    await ctx.reply(ctx.t("news-publish-institution-pick"), { reply_markup: { inline_keyboard: [...rows, unknown] } });
  }
  throw new FlowEnded("news-publish-gave-up");
}

async function askText(conversation: Flow, ctx: FlowContext, token: string, locale: Locale): Promise<string> {
  await ctx.reply(ctx.t("news-publish-ask-text", { language: ctx.t(`news-language-${locale}`) }));
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const answer = await waitAnswer(conversation, token, []);
    if (answer.kind !== "text") continue;
    const checked = checkNewsText(answer.text);
    if (checked.ok) return checked.text;
    const key = checked.reason === "empty" ? "news-publish-text-empty" : "news-publish-text-too-long";
    await ctx.reply(ctx.t(key, { max: MAX_NEWS_TEXT_CHARACTERS }));
  }
  throw new FlowEnded("news-publish-gave-up");
}

/** Optional versions for the other UI languages; subscribers without one read the original. */
async function askTranslations(conversation: Flow, ctx: FlowContext, token: string, authorLocale: Locale, texts: NewsTexts): Promise<void> {
  const others = SUPPORTED_LOCALES.filter((candidate) => candidate !== authorLocale);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const rows = others.map((other) => {
      const label = ctx.t("news-publish-add-translation", { language: ctx.t(`news-language-${other}`) });
      return [button(token, `${texts[other] ? "✓ " : ""}${label}`, "t", other)];
    });
    rows.push([button(token, ctx.t("news-publish-continue"), "t", "-")]);
    await ctx.reply(ctx.t("news-publish-ask-translations"), { reply_markup: { inline_keyboard: rows } });
    const answer = await waitAnswer(conversation, token, ["t"]);
    if (answer.kind === "text") {
      await ctx.reply(ctx.t("news-publish-use-buttons"));
      continue;
    }
    const other = others.find((candidate) => candidate === answer.value);
    if (!other) return;
    texts[other] = await askText(conversation, ctx, token, other);
  }
}

/** A validated link, or null when skipped (only offered when the event does not change the directory). */
async function askSource(conversation: Flow, ctx: FlowContext, token: string, required: boolean): Promise<string | null> {
  const skip = required ? [] : [[button(token, ctx.t("news-publish-skip"), "s", "-")]];
  const prompt = required ? "news-publish-ask-source-required" : "news-publish-ask-source";
  await ctx.reply(ctx.t(prompt), { reply_markup: { inline_keyboard: skip } });
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const answer = await waitAnswer(conversation, token, required ? [] : ["s"]);
    if (answer.kind === "button") return null;
    const url = parseSourceUrl(answer.text);
    if (url) return url;
    await ctx.reply(ctx.t("news-publish-source-invalid"));
  }
  throw new FlowEnded("news-publish-gave-up");
}

interface Draft {
  prisoner: PrisonerChoice;
  event: NewsEvent;
  texts: NewsTexts;
  sourceUrl: string | null;
  locale: Locale;
}

interface Confirmation {
  choice: (typeof CONFIRM_CHOICES)[number];
  /** The message whose button was pressed; null when the press has none (one on a message sent in inline mode). */
  messageId: number | null;
}

/**
 * Sends the message exactly as subscribers will get it: in the organiser's language, then in each language a
 * translation was added for; then asks to publish.
 */
async function previewAndConfirm(conversation: Flow, ctx: FlowContext, token: string, draft: Draft): Promise<Confirmation> {
  const { prisoner, event, texts, sourceUrl, locale } = draft;
  const now = new Date(await conversation.now());
  const facts = await guarded(conversation, (deps) => previewFacts(deps, prisoner.slug, event));
  const t = translator(facts.defaultLocale);
  const languages = [locale, ...SUPPORTED_LOCALES.filter((other) => other !== locale && texts[other] !== undefined)];
  for (const [index, language] of languages.entries()) {
    const preview = renderNewsText(t, language, {
      prisonerSlug: prisoner.slug,
      prisonerName: facts.names[language] ?? prisoner.name,
      prisonerGender: prisoner.gender,
      event,
      institution: facts.institution,
      text: texts[language] ?? "",
      sourceUrl,
      publishedAt: now,
    });
    const intro = index === 0 ? "news-publish-preview-intro" : "news-publish-preview-translation";
    await ctx.reply(ctx.t(intro, { language: ctx.t(`news-language-${language}`) }));
    await ctx.reply(preview, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
  }
  const buttons = newsKeyboard(t, locale, prisoner.slug, event).inline_keyboard.flat().map((button) => `«${button.text}»`);
  const audience = [ctx.t("news-publish-audience", { immediate: facts.immediate })];
  if (facts.digest > 0) audience.push(ctx.t("news-publish-audience-digest", { digest: facts.digest }));
  const lines = [ctx.t("news-publish-preview-buttons", { buttons: buttons.join(", ") }), audience.join(" ")];
  if (event.type === "transfer") lines.push(ctx.t("news-publish-effect-transfer"));
  if (statusAfter(event.type)) lines.push(ctx.t("news-publish-effect-free"));
  lines.push(ctx.t("news-publish-question"));
  await ctx.reply(escapeHtml(lines.join("\n\n")), {
    parse_mode: "HTML",
    reply_markup: {
      inline_keyboard: [
        [button(token, ctx.t("news-publish-button-publish"), "c", "publish")],
        [button(token, ctx.t("news-publish-button-edit"), "c", "edit"), button(token, ctx.t("news-publish-button-cancel"), "c", "cancel")],
      ],
    },
  });
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const answer = await waitAnswer(conversation, token, ["c"]);
    const choice = answer.kind === "button" ? CONFIRM_CHOICES.find((candidate) => candidate === answer.value) : undefined;
    if (choice) return { choice, messageId: (answer.kind === "button" ? answer.messageId : undefined) ?? null };
    await ctx.reply(ctx.t("news-publish-use-buttons"));
  }
  throw new FlowEnded("news-publish-gave-up");
}

async function publish(conversation: Flow, ctx: FlowContext, draft: Draft & { offerId: number | null; confirmationMessageId: number | null }): Promise<void> {
  // The same press delivered again (its answer refused as given already, press-answer.ts): the first delivery
  // published, and its progress message becomes the report. Nothing more to send.
  const published = await guarded(conversation, (deps, outer) => publishedByConfirmation(deps.db, outer.from?.id ?? 0, draft.confirmationMessageId));
  if (published !== null) {
    await conversation.external((outer) => outer.logger.info({ news_id: published }, "news confirmation delivered again; published already"));
    return;
  }
  // Roles may have changed while the organiser was typing: check again now.
  const allowed = await guarded(conversation, (deps, outer) => mayPublishNow(deps, actorOf(outer), draft.prisoner.slug));
  if (!allowed) throw new FlowEnded("news-publish-no-longer-allowed");
  const progress = await ctx.reply(ctx.t("news-progress-preparing"));
  const outcome = await conversation.external((outer) =>
    publishNews(
      outer.deps.db,
      {
        prisonerSlug: draft.prisoner.slug,
        event: draft.event,
        texts: draft.texts,
        authorLocale: draft.locale,
        sourceUrl: draft.sourceUrl,
        authorId: outer.from?.id ?? 0,
        offerId: draft.offerId,
        progress: { chatId: progress.chat.id, messageId: progress.message_id },
        confirmationMessageId: draft.confirmationMessageId,
      },
      {
        now: outer.deps.clock.now(),
        t: translator(outer.deps.config.defaultLocale),
        defaultLocale: outer.deps.config.defaultLocale,
      },
    ),
  );
  if (!outcome.ok) {
    await ctx.api.editMessageText(progress.chat.id, progress.message_id, ctx.t(`news-publish-failed-${outcome.reason}`));
    return;
  }
  await conversation.external((outer) =>
    outer.logger.info({ news_id: outcome.newsId, immediate: outcome.immediate, digest: outcome.digest }, "news published"),
  );
}
