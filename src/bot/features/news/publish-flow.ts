/**
 * `/news`: an organiser publishes case news. Pick the prisoner (name search, limited to their campaigns), the event
 * and its details, the text (their language, optionally others), the source link, see the message exactly as
 * subscribers will, then publish. A channel post offered as news enters here with prisoner, text and link filled in.
 * Every database read and write runs in `conversation.external`; roles are checked at the start and at publishing.
 */
import type { InlineKeyboardButton } from "grammy/types";
import { type Locale, SUPPORTED_LOCALES } from "../../../config.js";
import { getChannelOffer } from "../../../db/repositories/news.js";
import { subscribersOf } from "../../../db/repositories/subscriptions.js";
import { getInstitutionBySlug } from "../../../db/repositories/institutions.js";
import { isNewsEventType, NEWS_EVENT_TYPES, type NewsEvent, parseCellDays, statusAfter } from "../../../domain/news/events.js";
import { parseSourceUrl } from "../../../domain/news/source-url.js";
import { checkNewsText, MAX_NEWS_TEXT_CHARACTERS, type NewsTexts } from "../../../domain/news/texts.js";
import { publishStepData } from "../../../services/news/callbacks.js";
import { needsSource, publishNews } from "../../../services/news/publish.js";
import { newsKeyboard, renderNewsText } from "../../../services/news/render.js";
import { translator } from "../../../telegram/i18n.js";
import type { Flow, FlowContext } from "../../context.js";
import { escapeHtml } from "../../../telegram/html.js";
import {
  findInstitutionChoices,
  findPrisonerChoices,
  type InstitutionChoice,
  prisonerChoice,
  type PrisonerChoice,
} from "../../../services/directory/lookup.js";
import { mayPublish, mayPublishAbout, mayPublishNow, publishAccess, type PublishAccess } from "../../../services/news/publish-access.js";
import { localeOf } from "../../locale.js";
import { actorOf } from "../../roles.js";

export const PUBLISH_CONVERSATION = "news-publish";

export interface PublishStart {
  /** A channel post offered as news (`news_channel_offers.id`). */
  offerId?: number;
}

/** Wrong answers in a row before the flow gives up, so a confused person is not kept in a loop forever. */
const MAX_ATTEMPTS = 6;
const MAX_CHOICES = 8;
const CONFIRM_CHOICES = ["publish", "edit", "cancel"] as const;

type Answer = { kind: "button"; step: string; value: string } | { kind: "text"; text: string };

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
  const locale = await conversation.external((outer) => localeOf(outer));
  const access = await conversation.external((outer) => publishAccess(outer.deps, actorOf(outer)));
  if (!mayPublish(access)) throw new FlowEnded("news-publish-not-allowed");

  const offer = start.offerId === undefined ? undefined : await loadOffer(conversation, start.offerId, locale);
  if (offer && !mayPublishAbout(access, [offer.campaignSlug])) throw new FlowEnded("news-publish-not-allowed");
  if (offer?.published) throw new FlowEnded("news-offer-already-published");

  const prisoner = offer?.prisoner ?? (await askPrisoner(conversation, ctx, access, locale));
  const event = await askEvent(conversation, ctx, prisoner);
  const texts: NewsTexts = {};
  const offered = offer ? checkNewsText(offer.text) : undefined;
  texts[locale] = offered?.ok ? offered.text : await askText(conversation, ctx, locale);
  await askTranslations(conversation, ctx, locale, texts);
  const sourceUrl = offer?.sourceUrl ?? (await askSource(conversation, ctx, needsSource(event)));
  if (needsSource(event) && sourceUrl === null) throw new FlowEnded("news-publish-source-required-ended");

  for (let round = 0; round < MAX_ATTEMPTS; round += 1) {
    const choice = await previewAndConfirm(conversation, ctx, { prisoner, event, texts, sourceUrl, locale });
    if (choice === "cancel") throw new FlowEnded("news-publish-cancelled");
    if (choice === "edit") {
      texts[locale] = await askText(conversation, ctx, locale);
      continue;
    }
    await publish(conversation, ctx, { prisoner, event, texts, sourceUrl, locale, offerId: offer?.id ?? null });
    return;
  }
  throw new FlowEnded("news-publish-gave-up");
}

/** Waits for text or one of this flow's buttons of the given steps; other updates go on to the rest of the bot. */
async function waitAnswer(conversation: Flow, steps: readonly string[]): Promise<Answer> {
  const next = await conversation.waitFor(["message:text", "callback_query:data"], { next: true });
  if (next.callbackQuery) {
    const [step, value] = publishStepData.unpack(next.callbackQuery.data) ?? [];
    // An old button of an earlier step, or another feature's button: not ours to answer here.
    if (step === undefined || value === undefined || !steps.includes(step)) return conversation.skip({ next: true });
    await next.answerCallbackQuery();
    return { kind: "button", step, value };
  }
  return { kind: "text", text: next.message?.text ?? "" };
}

function button(text: string, step: string, value: string): InlineKeyboardButton {
  return { text, callback_data: publishStepData.pack(step, value) };
}

async function loadOffer(conversation: Flow, offerId: number, locale: Locale) {
  const offer = await conversation.external(async (outer) => {
    const row = await getChannelOffer(outer.deps.db, offerId);
    if (!row) return null;
    const prisoner = await prisonerChoice(outer.deps.db, row.prisoner_slug, locale);
    return prisoner
      ? {
          id: row.id,
          campaignSlug: row.campaign_slug,
          prisoner,
          text: row.text,
          sourceUrl: row.source_url,
          published: row.news_id !== null,
        }
      : null;
  });
  if (!offer) throw new FlowEnded("news-stale-button");
  return offer;
}

async function askPrisoner(conversation: Flow, ctx: FlowContext, access: PublishAccess, locale: Locale): Promise<PrisonerChoice> {
  await ctx.reply(ctx.t("news-publish-ask-prisoner"));
  let choices: PrisonerChoice[] = [];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const answer = await waitAnswer(conversation, ["p"]);
    if (answer.kind === "button") {
      // Also a button from an earlier search: the person is looked up and checked again.
      const chosen =
        choices.find((choice) => choice.slug === answer.value) ??
        (await conversation.external((outer) => prisonerChoice(outer.deps.db, answer.value, locale)));
      if (chosen && mayPublishAbout(access, chosen.campaigns)) return chosen;
      await ctx.reply(ctx.t("news-publish-prisoner-not-yours-pick"));
      continue;
    }
    const found = await conversation.external((outer) => findPrisonerChoices(outer.deps, answer.text, locale, 20));
    choices = found.filter((choice) => mayPublishAbout(access, choice.campaigns)).slice(0, MAX_CHOICES);
    if (choices.length === 0) {
      const key = found.length > 0 ? "news-publish-prisoner-not-yours" : "news-publish-prisoner-none";
      await ctx.reply(ctx.t(key, { query: answer.text }));
      continue;
    }
    await ctx.reply(ctx.t("news-publish-prisoner-pick"), {
      reply_markup: { inline_keyboard: choices.map((choice) => [button(choice.name, "p", choice.slug)]) },
    });
  }
  throw new FlowEnded("news-publish-gave-up");
}

async function askEvent(conversation: Flow, ctx: FlowContext, prisoner: PrisonerChoice): Promise<NewsEvent> {
  const buttons = NEWS_EVENT_TYPES.map((type) => button(ctx.t(`news-event-choice-${type}`), "e", type));
  const rows: InlineKeyboardButton[][] = [];
  for (let index = 0; index < buttons.length; index += 2) rows.push(buttons.slice(index, index + 2));
  await ctx.reply(ctx.t("news-publish-ask-event", { name: prisoner.name }), { reply_markup: { inline_keyboard: rows } });
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const answer = await waitAnswer(conversation, ["e"]);
    if (answer.kind === "text" || !isNewsEventType(answer.value)) {
      await ctx.reply(ctx.t("news-publish-use-buttons"));
      continue;
    }
    if (answer.value === "punishment-cell") return { type: answer.value, days: await askDays(conversation, ctx) };
    if (answer.value === "transfer") {
      return { type: answer.value, institution: (await askInstitution(conversation, ctx))?.slug ?? null };
    }
    return { type: answer.value };
  }
  throw new FlowEnded("news-publish-gave-up");
}

async function askDays(conversation: Flow, ctx: FlowContext): Promise<number | null> {
  const unknown = [button(ctx.t("news-publish-days-unknown"), "d", "-")];
  await ctx.reply(ctx.t("news-publish-ask-days"), { reply_markup: { inline_keyboard: [unknown] } });
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const answer = await waitAnswer(conversation, ["d"]);
    if (answer.kind === "button") return null;
    const days = parseCellDays(answer.text);
    if (days !== undefined) return days;
    await ctx.reply(ctx.t("news-publish-days-invalid"));
  }
  throw new FlowEnded("news-publish-gave-up");
}

/** The new institution, or undefined when the destination is not known yet. */
async function askInstitution(conversation: Flow, ctx: FlowContext): Promise<InstitutionChoice | undefined> {
  const unknown = [button(ctx.t("news-publish-institution-unknown"), "i", "-")];
  await ctx.reply(ctx.t("news-publish-ask-institution"), { reply_markup: { inline_keyboard: [unknown] } });
  let choices: InstitutionChoice[] = [];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const answer = await waitAnswer(conversation, ["i"]);
    if (answer.kind === "button") {
      if (answer.value === "-") return undefined;
      const chosen = choices.find((choice) => choice.slug === answer.value);
      if (chosen) return chosen;
      continue;
    }
    choices = await conversation.external((outer) => findInstitutionChoices(outer.deps.db, answer.text, MAX_CHOICES));
    if (choices.length === 0) {
      await ctx.reply(ctx.t("news-publish-institution-none", { query: answer.text }), {
        reply_markup: { inline_keyboard: [unknown] },
      });
      continue;
    }
    const rows = choices.map((choice) => [button(`${choice.name}, ${choice.region}`, "i", choice.slug)]);
    await ctx.reply(ctx.t("news-publish-institution-pick"), { reply_markup: { inline_keyboard: [...rows, unknown] } });
  }
  throw new FlowEnded("news-publish-gave-up");
}

async function askText(conversation: Flow, ctx: FlowContext, locale: Locale): Promise<string> {
  await ctx.reply(ctx.t("news-publish-ask-text", { language: ctx.t(`news-language-${locale}`) }));
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const answer = await waitAnswer(conversation, []);
    if (answer.kind !== "text") continue;
    const checked = checkNewsText(answer.text);
    if (checked.ok) return checked.text;
    const key = checked.reason === "empty" ? "news-publish-text-empty" : "news-publish-text-too-long";
    await ctx.reply(ctx.t(key, { max: MAX_NEWS_TEXT_CHARACTERS }));
  }
  throw new FlowEnded("news-publish-gave-up");
}

/** Optional versions for the other UI languages; subscribers without one read the original. */
async function askTranslations(conversation: Flow, ctx: FlowContext, authorLocale: Locale, texts: NewsTexts): Promise<void> {
  const others = SUPPORTED_LOCALES.filter((candidate) => candidate !== authorLocale);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const rows = others.map((other) => {
      const label = ctx.t("news-publish-add-translation", { language: ctx.t(`news-language-${other}`) });
      return [button(`${texts[other] ? "✓ " : ""}${label}`, "t", other)];
    });
    rows.push([button(ctx.t("news-publish-continue"), "t", "-")]);
    await ctx.reply(ctx.t("news-publish-ask-translations"), { reply_markup: { inline_keyboard: rows } });
    const answer = await waitAnswer(conversation, ["t"]);
    if (answer.kind === "text") {
      await ctx.reply(ctx.t("news-publish-use-buttons"));
      continue;
    }
    const other = others.find((candidate) => candidate === answer.value);
    if (!other) return;
    texts[other] = await askText(conversation, ctx, other);
  }
}

/** A validated link, or null when skipped (only offered when the event does not change the directory). */
async function askSource(conversation: Flow, ctx: FlowContext, required: boolean): Promise<string | null> {
  const skip = required ? [] : [[button(ctx.t("news-publish-skip"), "s", "-")]];
  const prompt = required ? "news-publish-ask-source-required" : "news-publish-ask-source";
  await ctx.reply(ctx.t(prompt), { reply_markup: { inline_keyboard: skip } });
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const answer = await waitAnswer(conversation, required ? [] : ["s"]);
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

/** Sends the message exactly as subscribers in the organiser's language will get it, then asks to publish. */
async function previewAndConfirm(conversation: Flow, ctx: FlowContext, draft: Draft): Promise<"publish" | "edit" | "cancel"> {
  const { prisoner, event, texts, sourceUrl, locale } = draft;
  const now = new Date(await conversation.now());
  const facts = await conversation.external(async (outer) => {
    const institution =
      event.type === "transfer" && event.institution ? await getInstitutionBySlug(outer.deps.db, event.institution) : undefined;
    const subscribers = await subscribersOf(outer.deps.db, prisoner.slug);
    return {
      institution: institution ? { name: institution.name, region: institution.region } : null,
      immediate: subscribers.filter((subscriber) => subscriber.delivery === "immediate").length,
      digest: subscribers.filter((subscriber) => subscriber.delivery === "digest").length,
      defaultLocale: outer.deps.config.defaultLocale,
    };
  });
  const t = translator(facts.defaultLocale);
  const preview = renderNewsText(t, locale, {
    prisonerSlug: prisoner.slug,
    prisonerName: prisoner.name,
    prisonerGender: prisoner.gender,
    event,
    institution: facts.institution,
    text: texts[locale] ?? "",
    sourceUrl,
    publishedAt: now,
  });
  await ctx.reply(ctx.t("news-publish-preview-intro", { language: ctx.t(`news-language-${locale}`) }));
  await ctx.reply(preview, { parse_mode: "HTML", link_preview_options: { is_disabled: true } });
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
        [button(ctx.t("news-publish-button-publish"), "c", "publish")],
        [button(ctx.t("news-publish-button-edit"), "c", "edit"), button(ctx.t("news-publish-button-cancel"), "c", "cancel")],
      ],
    },
  });
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const answer = await waitAnswer(conversation, ["c"]);
    const choice = answer.kind === "button" ? CONFIRM_CHOICES.find((candidate) => candidate === answer.value) : undefined;
    if (choice) return choice;
    await ctx.reply(ctx.t("news-publish-use-buttons"));
  }
  throw new FlowEnded("news-publish-gave-up");
}

async function publish(conversation: Flow, ctx: FlowContext, draft: Draft & { offerId: number | null }): Promise<void> {
  // Roles may have changed while the organiser was typing: check again now.
  const allowed = await conversation.external((outer) => mayPublishNow(outer.deps, actorOf(outer), draft.prisoner.slug));
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
