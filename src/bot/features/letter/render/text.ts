import type { InlineKeyboard } from "grammy";
import type { Locale } from "../../../../config.js";
import type { LocalizedText } from "../../../../domain/letters/index.js";
import type { FlowContext } from "../../../context.js";
import { escapeHtml } from "../../../../telegram/html.js";

type Args = Readonly<Record<string, string | number>>;

/**
 * A translation made safe for `parse_mode: "HTML"`: the whole text is escaped, so values a person typed (a search
 * query, a signature) and characters in our own texts cannot break the markup. Arguments named in `code` are shown
 * as `<code>` (tap to copy in Telegram), escaped as well.
 */
export function tHtml(ctx: FlowContext, key: string, args: Args = {}, code: readonly string[] = []): string {
  const marked: Record<string, string | number> = { ...args };
  code.forEach((name, index) => {
    if (name in marked) marked[name] = `\u0001${index}\u0001`;
  });
  let html = escapeHtml(ctx.t(key, marked));
  code.forEach((name, index) => {
    const value = args[name];
    if (value !== undefined) html = html.replaceAll(`\u0001${index}\u0001`, `<code>${escapeHtml(String(value))}</code>`);
  });
  return html;
}

export function tText(ctx: FlowContext, text: LocalizedText): string {
  return ctx.t(text.key, text.args ? { ...text.args } : undefined);
}

export function bold(html: string): string {
  return `<b>${html}</b>`;
}

/** 23.11.2026 (uk, ru) or 23 Nov 2026 (en: day first, unambiguous wherever the writer lives), in UTC. */
export function formatDate(iso: string, locale: Locale): string {
  const format =
    locale === "en"
      ? new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })
      : new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "UTC" });
  return format.format(new Date(iso));
}

/** Issue 15: a phone shows about this much of a message before its buttons without scrolling. */
export const SCREEN_BUDGET = 800;

/** Raw HTML length bounds the visible length, which is what Telegram limits to 4,096. */
const MESSAGE_BUDGET = 4000;

/**
 * HTML blocks packed into as few messages as fit the budget, in order. A single block must fit a message on its own
 * (every block we build does: explanations are a few hundred characters).
 */
export function packBlocks(blocks: readonly string[], budget: number = MESSAGE_BUDGET): string[] {
  const messages: string[] = [];
  let current = "";
  for (const block of blocks.filter((text) => text.trim() !== "")) {
    const candidate = current === "" ? block : `${current}\n\n${block}`;
    if (candidate.length > budget && current !== "") {
      messages.push(current);
      current = block;
    } else {
      current = candidate;
    }
  }
  if (current !== "") messages.push(current);
  return messages;
}

/**
 * A closing line after some messages: it joins the last of them when both fit one screen (issue 15's budget), which
 * saves the writer a message and the step a Bot API call; otherwise it stays a message of its own.
 */
export function withClosing(messages: readonly string[], closing: string, budget: number = SCREEN_BUDGET): string[] {
  const last = messages.at(-1);
  if (last === undefined) return [closing];
  const joined = `${last}\n\n${closing}`;
  return joined.length <= budget ? [...messages.slice(0, -1), joined] : [...messages, closing];
}

/** HTML messages sent in order, the keyboard on the last one. */
export async function replyHtmlMessages(ctx: FlowContext, messages: readonly string[], keyboard?: InlineKeyboard): Promise<void> {
  for (const [index, text] of messages.entries()) {
    const last = index === messages.length - 1;
    await ctx.reply(text, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(last && keyboard ? { reply_markup: keyboard } : {}),
    });
  }
}

/** Sends HTML blocks packed into as few messages as fit, the keyboard on the last one. */
export async function replyBlocks(
  ctx: FlowContext,
  blocks: readonly string[],
  keyboard?: InlineKeyboard,
  budget: number = MESSAGE_BUDGET,
): Promise<void> {
  await replyHtmlMessages(ctx, packBlocks(blocks, budget), keyboard);
}
