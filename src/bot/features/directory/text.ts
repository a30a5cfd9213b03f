import type { TranslationVariables } from "@grammyjs/i18n";
import type { PrisonerStatus } from "../../../domain/directory/types.js";
import type { FlowContext } from "../../context.js";
import { escapeHtml } from "../../../telegram/html.js";
import { parseSuggestionSource } from "../../../domain/directory/suggestion.js";

/** A translated line for an HTML message: the whole line is escaped, data in `args` included. */
export function line(ctx: FlowContext, key: string, args?: TranslationVariables): string {
  return escapeHtml(ctx.t(key, args));
}

/**
 * A translated line with ready-made HTML (a link, a bold query) in some placeables: everything else is escaped, then
 * the markers stand in for the HTML. Private-use characters cannot come from Fluent templates or escaping.
 */
export function lineWithHtml(
  ctx: FlowContext,
  key: string,
  html: Record<string, string>,
  args: TranslationVariables = {},
): string {
  const names = Object.keys(html);
  const marked = Object.fromEntries(names.map((name, index) => [name, `\uE000${index}\uE001`]));
  let text = escapeHtml(ctx.t(key, { ...args, ...marked }));
  names.forEach((name, index) => {
    text = text.split(`\uE000${index}\uE001`).join(html[name] ?? "");
  });
  return text;
}

/** `<a href="…">meduza.io</a>`: sources are shown by their site name, the address stays one tap away. */
export function sourceLink(url: string): string {
  let label = url;
  try {
    label = new URL(url).hostname.replace(/^www\./, "");
  } catch {
    // The directory validates URLs; an unparsable one is shown as it is.
  }
  return `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
}

/** Status at a glance on result buttons; the card says it in words. */
const STATUS_EMOJI: Record<PrisonerStatus, string> = {
  pretrial: "🔒",
  sentenced: "⛓",
  released: "🕊",
  exchanged: "🕊",
  deceased: "🕯",
  unknown: "❔",
};

export function statusEmoji(status: PrisonerStatus): string {
  return STATUS_EMOJI[status];
}

/** «🔒 in pre-trial detention · ⛓ serving a sentence»: what the icons on a list's buttons mean, only those shown. */
export function statusLegend(ctx: FlowContext, statuses: Iterable<PrisonerStatus>): string {
  const shown = new Set<PrisonerStatus>([...statuses].map((status) => (status === "exchanged" ? "released" : status)));
  const order: PrisonerStatus[] = ["pretrial", "sentenced", "released", "deceased", "unknown"];
  return order
    .filter((status) => shown.has(status))
    .map((status) => `${STATUS_EMOJI[status]} ${line(ctx, `directory-bot-legend-${status}`)}`)
    .join(" · ");
}

/**
 * A card's source: a link to the page, or in words when a user gave the fact (confirmed by an organiser or admin, or
 * on the writer's own card, not checked yet).
 */
export function factSourceHtml(ctx: FlowContext, url: string): string {
  const suggested = parseSuggestionSource(url);
  if (!suggested) return sourceLink(url);
  if (suggested.role === "writer") return line(ctx, "suggest-card-unchecked");
  return line(ctx, "suggest-card-source", { role: ctx.t(`suggest-role-${suggested.role}`) });
}
