import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { deliveryRouteLabel, letterStatusLabel } from "../../../domain/letters/index.js";
import { AWAITING_ORGANISERS } from "../../../domain/letters/status.js";
import { canSendAgain, listLettersOf } from "../../../services/letters/history.js";
import type { BotContext } from "../../context.js";
import { escapeHtml } from "../../../telegram/html.js";
import { menuButton } from "../../keyboards/main-menu.js";
import { letterAgain, lettersPage } from "./callbacks.js";
import { selfSentButton } from "./self-sent.js";
import { bold, formatDate, tHtml, tText } from "./render/text.js";
import { localeOf } from "../../locale.js";
import { prisonerName } from "../../../domain/directory/names.js";
import { ignoreNotModified } from "../../../telegram/api-errors.js";
import { writeLetterData } from "../../../services/letters/buttons.js";

const LETTERS_PER_PAGE = 5;
/** Pages beyond this are forged data: nobody has written 50,000 letters. */
const MAX_PAGE = 10_000;

export function parsePage(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,5}$/.test(value)) return undefined;
  const page = Number(value);
  return page <= MAX_PAGE ? page : undefined;
}

/**
 * `/letters`: the writer's letters, newest first, with the person, the date, the route and the status (organisers
 * move relayed letters through accepted, printed, sent…), and a button to write to that person again.
 */
export async function showLetters(ctx: BotContext, page: number, mode: "reply" | "edit"): Promise<boolean> {
  const writerId = ctx.from?.id;
  if (writerId === undefined) return false;
  const { letters, hasMore, forgetRequestedAt } = await listLettersOf(ctx.deps, writerId, {
    limit: LETTERS_PER_PAGE,
    offset: page * LETTERS_PER_PAGE,
  });
  if (letters.length === 0 && page > 0) return false;
  const locale = localeOf(ctx);
  if (letters.length === 0) {
    const keyboard = new InlineKeyboard().text(ctx.t("letter-ui-button-write"), menuButton.pack("write"));
    await ctx.reply(ctx.t("letter-ui-list-empty"), { reply_markup: keyboard });
    return true;
  }
  const lines = [bold(tHtml(ctx, "letter-ui-list-title", { page: page + 1 }))];
  if (forgetRequestedAt !== undefined) {
    const held = letters.filter(({ letter }) => AWAITING_ORGANISERS.includes(letter.status));
    const names = held.map(({ letter, names }) => (names ? prisonerName(names, locale, "prose") : letter.prisoner_slug));
    lines.push(tHtml(ctx, "privacy-letters-held-after-forget", { count: held.length, names: names.join(", "), date: formatDate(forgetRequestedAt, locale) }), "");
  }
  const rows: InlineKeyboardButton[][] = [];
  const offered = new Set<string>();
  for (const [index, { letter, names, hasReply }] of letters.entries()) {
    const name = names ? prisonerName(names, locale, "prose") : letter.prisoner_slug;
    const parts = [
      `${page * LETTERS_PER_PAGE + index + 1}. ${bold(escapeHtml(name))}`,
      escapeHtml(formatDate(letter.finished_at ?? letter.updated_at, locale)),
      ...(letter.route ? [escapeHtml(tText(ctx, deliveryRouteLabel(letter.route)))] : []),
      escapeHtml(tText(ctx, letterStatusLabel(letter.status))),
    ];
    const reference = letter.reference ? ` · <code>${escapeHtml(letter.reference)}</code>` : "";
    const reply = hasReply ? ` · ${escapeHtml(ctx.t("routes-list-has-reply"))}` : "";
    lines.push(`${parts.join(" — ")}${reference}${reply}`);
    const selfSent = selfSentButton(letter);
    if (selfSent) rows.push([InlineKeyboard.text(ctx.t(selfSent.key, { reference: letter.reference ?? "" }), selfSent.data)]);
    if (canSendAgain(letter)) {
      rows.push([InlineKeyboard.text(ctx.t("letter-ui-button-again", { reference: letter.reference ?? "" }), letterAgain.pack(letter.id))]);
    }
    const data = writeLetterData(letter.prisoner_slug);
    if (data && !offered.has(letter.prisoner_slug)) {
      offered.add(letter.prisoner_slug);
      const label = letter.status === "draft" ? "letter-ui-button-continue-to" : "letter-ui-button-write-again";
      rows.push([InlineKeyboard.text(ctx.t(label, { name }), data)]);
    }
  }
  const pager: InlineKeyboardButton[] = [];
  if (page > 0) pager.push(InlineKeyboard.text(ctx.t("letter-ui-button-newer"), lettersPage.pack(page - 1)));
  if (hasMore) pager.push(InlineKeyboard.text(ctx.t("letter-ui-button-older"), lettersPage.pack(page + 1)));
  if (pager.length > 0) rows.push(pager);
  const keyboard = new InlineKeyboard(rows);
  const text = lines.join("\n");
  if (mode === "reply") {
    await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
    return true;
  }
  // A second press of the same pager button finds the page already shown: nothing to change.
  await ctx.editMessageText(text, { parse_mode: "HTML", reply_markup: keyboard }).catch(ignoreNotModified);
  return true;
}
