import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { formatPartialDate } from "../../../../domain/directory/partial-date.js";
import { reasonKey } from "../../../../domain/directory/text-keys.js";
import { followButtonData } from "../../../../services/news/callbacks.js";
import { prisonerName } from "../../../../domain/directory/names.js";
import type { RefusalAlternatives } from "../../../../services/letters/alternatives.js";
import type { FlowContext } from "../../../context.js";
import { escapeHtml } from "../../../../telegram/html.js";
import { menuButton } from "../../../keyboards/main-menu.js";
import { browseMenuData, openCardData } from "../../directory/callbacks.js";
import { writeLetterData } from "../../../../services/letters/buttons.js";
import type { TargetLookup } from "../../../../services/letters/letters.js";
import { localeOf } from "../../../locale.js";
import { tHtml } from "./text.js";

type Refused = Extract<TargetLookup, { kind: "refused" }>;

const KNOWN_SERVICES = new Set(["ovd-info-letters-now", "rosuznik", "rights-in-russia"]);

/** A service's name in the reader's language when we know it, else its id as recorded. */
export function serviceName(ctx: FlowContext, service: string): string {
  return KNOWN_SERVICES.has(service) ? ctx.t(`letter-intermediary-${service}-name`) : service;
}

/**
 * "You cannot write to … now" is never a dead end: the reason with its date and source, then what the writer can do
 * instead — a service that delivers to this person (or the services' general pages), other people of the same
 * campaign who can receive letters now, following the case, browsing the directory.
 */
export function refusalScreen(ctx: FlowContext, lookup: Refused, options: RefusalOptions = {}): { text: string; keyboard: InlineKeyboardMarkup } {
  const locale = localeOf(ctx);
  // A release is good news, not a refusal: it says so first.
  const free = lookup.reason === "released" || lookup.reason === "exchanged";
  const name = prisonerName(lookup.names, locale, "prose");
  const lines = [
    tHtml(ctx, options.lead ?? (free ? "letter-ui-refused-free" : "letter-ui-refused"), { name }),
    tHtml(ctx, reasonKey(lookup.reason)),
    tHtml(ctx, "letter-ui-refused-source", { asOf: formatPartialDate(lookup.statusAsOf, locale), url: lookup.statusSource }),
  ];
  const { intermediaries, neighbours } = lookup.alternatives;
  if (lookup.reason === "no-known-route" && !lookup.deskLinked) lines.push(tHtml(ctx, "routes-refusal-no-desk"));
  if (intermediaries.length > 0) lines.push(intermediaryLines(ctx, intermediaries));
  if (neighbours.length > 0) lines.push(tHtml(ctx, "routes-refusal-neighbours"));

  const rows: InlineKeyboardButton[][] = [];
  if (options.lead) rows.push([{ text: `👤 ${name}`, callback_data: openCardData.pack(lookup.slug) }]);
  for (const service of intermediaries) rows.push([{ text: `🔗 ${serviceName(ctx, service.service)}`, url: service.url }]);
  for (const other of neighbours) {
    const data = writeLetterData(other.slug);
    if (data) rows.push([{ text: ctx.t("routes-refusal-write-to", { name: prisonerName(other.names, locale, "prose") }), callback_data: data }]);
  }
  rows.push([{ text: ctx.t("news-button-follow"), callback_data: followButtonData.pack(lookup.slug) }]);
  rows.push([{ text: ctx.t("menu-browse"), callback_data: browseMenuData.pack() }]);
  return { text: lines.join("\n\n"), keyboard: { inline_keyboard: rows } };
}

export function intermediaryLines(ctx: FlowContext, intermediaries: RefusalAlternatives["intermediaries"]): string {
  const known = intermediaries.some((service) => service.asOf !== null);
  const items = intermediaries.map((service) => {
    const name = escapeHtml(serviceName(ctx, service.service));
    if (service.asOf === null || service.source === null) return `• ${name}: ${escapeHtml(service.url)}`;
    return `• ${name}: ${escapeHtml(service.url)} (${tHtml(ctx, "routes-refusal-service-source", { asOf: service.asOf, source: service.source })})`;
  });
  return [tHtml(ctx, known ? "routes-refusal-services-known" : "routes-refusal-services-general"), ...items].join("\n");
}

/** Nobody matched, or the person is not in the directory: browsing is always possible. */
export function nobodyKeyboard(ctx: FlowContext): InlineKeyboardMarkup {
  return { inline_keyboard: [[{ text: ctx.t("menu-browse"), callback_data: browseMenuData.pack() }], [{ text: ctx.t("letter-ui-button-write"), callback_data: menuButton.pack("write") }]] };
}

export interface RefusalOptions {
  /**
   * The first line in place of "you cannot write to … now", for a refusal of something else than a new letter (a
   * returned letter that cannot be sent again); the person's card is then offered first.
   */
  lead?: string;
}

/** Someone the letter cannot go to (unknown, or refused since): said so, with what the writer can do instead. */
export async function replyNotWritable(ctx: FlowContext, lookup: Exclude<TargetLookup, { kind: "ok" }>, options: RefusalOptions = {}): Promise<void> {
  if (lookup.kind === "unknown") {
    await ctx.reply(ctx.t("letter-ui-unknown-prisoner"), { reply_markup: nobodyKeyboard(ctx) });
    return;
  }
  const { text, keyboard } = refusalScreen(ctx, lookup, options);
  await ctx.reply(text, { parse_mode: "HTML", link_preview_options: { is_disabled: true }, reply_markup: keyboard });
}
