import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { fullName, type PrisonerCard } from "../../../domain/directory/card.js";
import { formatPartialDate } from "../../../domain/directory/partial-date.js";
import {
  ageKey,
  DIRECTORY_TEXT,
  interestKey,
  locationKey,
  reasonKey,
  routeKey,
  statusKey,
  warningKey,
} from "../../../domain/directory/text-keys.js";
import { FREE_OR_DEAD_STATUSES, type PrisonerRecord } from "../../../domain/directory/types.js";
import { type LoadedCard, loadPrisonerCard } from "../../../services/directory/browse.js";
import type { FlowContext } from "../../context.js";
import { deepLinkUrl } from "../../deep-link.js";
import { escapeHtml } from "../../../telegram/html.js";
import { isAnyOrganiser } from "../../roles.js";
import { newsCardButtons } from "../news/follow.js";
import { disagreementLines } from "../review.js";
import { factSourceHtml, line, lineWithHtml } from "./text.js";
import { localeOf } from "../../locale.js";
import { localizePlace } from "../../../domain/institutions/localized-place.js";
import { writeLetterData } from "../../../services/letters/buttons.js";

export type { LoadedCard };

/** The card as of now, in the reader's language (see `loadPrisonerCard`). */
export async function loadCard(ctx: FlowContext, slug: string): Promise<LoadedCard | undefined> {
  return loadPrisonerCard(ctx.deps, slug, localeOf(ctx), ctx.from?.id ?? null);
}

export function canWrite(card: PrisonerCard): boolean {
  return card.write.kind !== "refused";
}

function statusLines(ctx: FlowContext, card: PrisonerCard): string[] {
  const locale = localeOf(ctx);
  const status = ctx.t(statusKey(card.status.value), { gender: card.gender });
  let statusLine = line(ctx, DIRECTORY_TEXT.cardStatus, { status, asOf: formatPartialDate(card.status.asOf, locale) });
  if (card.status.confidence === "inferred") statusLine += ` ${line(ctx, DIRECTORY_TEXT.cardStatusInferred)}`;
  return [statusLine, lineWithHtml(ctx, DIRECTORY_TEXT.cardSource, { url: factSourceHtml(ctx, card.status.sourceUrl) })];
}

function locationLines(ctx: FlowContext, card: PrisonerCard): string[] {
  // A free or dead person's last prison is history, not where they are.
  if (FREE_OR_DEAD_STATUSES.includes(card.status.value)) return [];
  const { location } = card;
  // The place in the reader's language; letters need the Russian form, so a localised place keeps it below (issue 15).
  const place = location.institution ? localizePlace(location.institution, localeOf(ctx)) : undefined;
  const lines = [
    line(ctx, locationKey(location), {
      institution: place?.institution ?? "",
      region: place?.region ?? "",
      asOf: location.asOf === null ? "" : formatPartialDate(location.asOf, localeOf(ctx)),
    }),
  ];
  if (location.institution && place?.localized) {
    lines.push(line(ctx, "directory-bot-card-place-ru", { place: `${location.institution.name}, ${location.institution.region}` }));
  }
  if (location.kind !== "unknown" && location.sourceUrl !== null) {
    lines.push(lineWithHtml(ctx, "directory-bot-card-location-source", { url: factSourceHtml(ctx, location.sourceUrl) }));
  }
  return lines;
}

function nameLines(ctx: FlowContext, prisoner: PrisonerRecord): string[] {
  const envelope = line(ctx, "directory-bot-card-name-ru", { name: fullName(prisoner.names.ru) });
  return [
    prisoner.names.ru.patronymic === null ? `${envelope} ${line(ctx, "directory-bot-card-patronymic-unknown")}` : envelope,
    line(ctx, "directory-bot-card-name-uk", { name: fullName(prisoner.names.uk) }),
    line(ctx, "directory-bot-card-name-latin", { name: fullName(prisoner.names.latin) }),
  ];
}

function birthLines(ctx: FlowContext, prisoner: PrisonerRecord, card: PrisonerCard): string[] {
  const locale = localeOf(ctx);
  let born: string | undefined;
  if (prisoner.birthDate !== null) born = line(ctx, DIRECTORY_TEXT.cardBorn, { date: formatPartialDate(prisoner.birthDate, locale) });
  else if (prisoner.birthYear !== null) born = line(ctx, DIRECTORY_TEXT.cardBornYear, { year: String(prisoner.birthYear) });
  if (born !== undefined && prisoner.birthYearAlternatives.length > 0) {
    born += ` (${line(ctx, "directory-bot-card-born-alternatives", { years: prisoner.birthYearAlternatives.join(", ") })})`;
  }
  const { age } = card;
  const ageLine =
    age.kind === "exact"
      ? line(ctx, ageKey(age), { years: age.years })
      : age.kind === "range"
        ? line(ctx, ageKey(age), { min: age.min, max: age.max })
        : line(ctx, ageKey(age));
  return born === undefined ? [ageLine] : [born, ageLine];
}

function aboutLines(ctx: FlowContext, card: PrisonerCard, movedSinceSummary: boolean): string[] {
  // Imported cards have no summary of their own: the source page says more.
  const lines = card.summary === "" ? [] : [escapeHtml(card.summary)];
  // A transfer recorded since: the summary's place is history, the location line above is current.
  if (card.summary !== "" && movedSinceSummary) lines.push(line(ctx, "directory-bot-card-summary-before-transfer"));
  if (card.interests.length > 0) {
    const interests = card.interests.map((tag) => ctx.t(interestKey(tag))).join(", ");
    lines.push(`${line(ctx, DIRECTORY_TEXT.cardInterests)}: ${escapeHtml(interests)}`);
  }
  if (card.campaigns.length > 0) {
    lines.push(`${line(ctx, DIRECTORY_TEXT.cardCampaigns)}: ${escapeHtml(card.campaigns.map((c) => c.name).join(", "))}`);
  }
  lines.push(line(ctx, DIRECTORY_TEXT.cardNews, { hashtag: card.hashtag }));
  return lines;
}

/** Whether and how a letter can reach the person, with the cautions; for free people, why not. */
function writeLines(ctx: FlowContext, card: PrisonerCard): string[] {
  const decision = card.write;
  if (decision.kind === "refused") return [line(ctx, reasonKey(decision.reason))];
  const lines =
    decision.kind === "relay-only"
      ? [line(ctx, DIRECTORY_TEXT.cardRelayOnly)]
      : [line(ctx, DIRECTORY_TEXT.cardRoutes, { routes: decision.routes.map((route) => ctx.t(routeKey(route))).join(", ") })];
  return [...lines, ...decision.warnings.map((warning) => `⚠️ ${line(ctx, warningKey(warning))}`)];
}

/** Deep links organisers hand out: the card, and a letter when one can be written. */
function organiserLinkLines(ctx: FlowContext, card: PrisonerCard): string[] {
  const bot = ctx.me.username;
  const lines = [
    line(ctx, "directory-bot-card-links"),
    line(ctx, "directory-bot-card-link-card", { url: deepLinkUrl(bot, `p_${card.slug}`) }),
  ];
  if (canWrite(card)) lines.push(line(ctx, "directory-bot-card-link-write", { url: deepLinkUrl(bot, `w_${card.slug}`) }));
  return lines;
}

/** The full card as HTML: names, birth and age, status with date and source, place, case, and what can be done. */
export async function cardText(ctx: FlowContext, { prisoner, card, movedSinceSummary }: LoadedCard): Promise<string> {
  const sections = [
    [`<b>${escapeHtml(card.displayName)}</b>`, ...nameLines(ctx, prisoner)],
    birthLines(ctx, prisoner, card),
    [...statusLines(ctx, card), ...locationLines(ctx, card), ...(await disagreementLines(ctx, card.slug))],
    aboutLines(ctx, card, movedSinceSummary),
    writeLines(ctx, card),
  ];
  // Organisers' role is checked each time a card is shown, never remembered.
  if (await isAnyOrganiser(ctx)) sections.push(organiserLinkLines(ctx, card));
  return sections.map((lines) => lines.join("\n")).join("\n\n");
}

/** A short card for inline results sent into other chats: who, status with date and source, whether to write. */
export function inlineCardText(ctx: FlowContext, { prisoner, card }: LoadedCard): string {
  return [
    [`<b>${escapeHtml(card.displayName)}</b>`, ...nameLines(ctx, prisoner)],
    [...statusLines(ctx, card), ...locationLines(ctx, card)],
    [escapeHtml(card.summary)],
    writeLines(ctx, card),
  ]
    .map((lines) => lines.join("\n"))
    .join("\n\n");
}

/** Write (only when the directory's decision allows it), follow and remind (case news), share. */
export async function cardKeyboard(ctx: FlowContext, { card }: LoadedCard): Promise<InlineKeyboardMarkup> {
  const rows: InlineKeyboardButton[][] = [];
  const writable = canWrite(card);
  // `write:<slug>`, the letter flow's own format; it checks the directory again when the button is pressed.
  const writeData = writable ? writeLetterData(card.slug) : undefined;
  if (writeData !== undefined) rows.push([{ text: ctx.t(DIRECTORY_TEXT.cardWrite), callback_data: writeData }]);
  rows.push(...(await newsCardButtons(ctx, card.slug, { canWrite: writable, campaigns: card.campaigns.map((campaign) => campaign.slug) })));
  rows.push([{ text: ctx.t("directory-bot-card-share"), switch_inline_query: card.displayName }]);
  return { inline_keyboard: rows };
}
