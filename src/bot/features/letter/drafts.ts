import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import { draftStatsText } from "../../../domain/letters/index.js";
import { discardDraftOfWriter, draftOfWriter, unfinishedDrafts } from "../../../services/letters/drafts.js";
import type { BotContext } from "../../context.js";
import { type DraftAction, draftAction } from "./callbacks.js";
import { enterLetterFlow } from "./entry.js";
import { bold, formatDate, tHtml, tText } from "./render/text.js";
import { localeOf } from "../../locale.js";
import { prisonerName } from "../../../domain/directory/names.js";

/** More than this many unfinished letters are rare; the rest stay reachable from /letters. */
const MAX_OFFERED = 5;

/**
 * "You have unfinished letters": on /start and /write, each draft with text is offered to continue or discard.
 * Returns false when there is none. On /write the writer can also start a letter to someone else. "text": after
 * sentences typed outside any flow (or a language change, after which the next paragraph lands there), which may be
 * meant for a letter the writer left: the title says to continue it and send them again.
 */
export async function offerDrafts(ctx: BotContext, where: "start" | "write" | "text"): Promise<boolean> {
  const writerId = ctx.from?.id;
  if (writerId === undefined) return false;
  const drafts = await unfinishedDrafts(ctx.deps, writerId, MAX_OFFERED);
  if (drafts.length === 0) return false;
  const locale = localeOf(ctx);
  const rows: InlineKeyboardButton[][] = [];
  const lines = [bold(tHtml(ctx, where === "text" ? "letter-ui-drafts-title-text" : "letter-ui-drafts-title"))];
  for (const draft of drafts) {
    const name = draft.names ? prisonerName(draft.names, locale, "prose") : draft.prisonerSlug;
    const stats = tText(ctx, draftStatsText(draft.stats));
    lines.push(`• ${tHtml(ctx, "letter-ui-drafts-line", { name, stats, date: formatDate(draft.updatedAt, locale) })}`);
    rows.push([
      InlineKeyboard.text(ctx.t("letter-ui-button-continue-to", { name }), draftAction.pack("continue", draft.letterId)),
      InlineKeyboard.text(ctx.t("letter-ui-button-discard-short"), draftAction.pack("discard", draft.letterId)),
    ]);
  }
  if (where === "write") rows.push([InlineKeyboard.text(ctx.t("letter-ui-button-someone-else"), draftAction.pack("new", 0))]);
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML", reply_markup: new InlineKeyboard(rows) });
  return true;
}

/** `ld:<action>:<letterId>`: the letter is looked up as this writer's draft every time; anything else is stale. */
export async function handleDraftAction(ctx: BotContext, action: DraftAction, letterId: number): Promise<void> {
  const writerId = ctx.from?.id;
  if (action === "new") {
    await ctx.answerCallbackQuery();
    await enterLetterFlow(ctx, {});
    return;
  }
  const letter = writerId === undefined ? undefined : await draftOfWriter(ctx.deps, letterId, writerId);
  if (!letter || writerId === undefined) {
    await ctx.answerCallbackQuery({ text: ctx.t("letter-ui-stale-draft"), show_alert: true });
    return;
  }
  const name = letter.names ? prisonerName(letter.names, localeOf(ctx), "prose") : letter.prisonerSlug;
  switch (action) {
    case "continue":
      await ctx.answerCallbackQuery();
      await enterLetterFlow(ctx, { slug: letter.prisonerSlug });
      return;
    case "discard":
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t("letter-ui-discard-confirm", { name }), {
        reply_markup: new InlineKeyboard()
          .text(ctx.t("letter-ui-button-discard-yes"), draftAction.pack("discard-yes", letter.letterId))
          .row()
          .text(ctx.t("letter-ui-button-discard-no"), draftAction.pack("keep", letter.letterId)),
      });
      return;
    case "discard-yes": {
      const done = await discardDraftOfWriter(ctx.deps, letter.letterId, writerId);
      ctx.logger.info({ letter_id: letter.letterId, discarded: done }, "letter draft discarded");
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t(done ? "letter-ui-discarded" : "letter-ui-discard-nothing"));
      return;
    }
    case "keep":
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t("letter-ui-discard-kept-offer"));
      return;
  }
}
