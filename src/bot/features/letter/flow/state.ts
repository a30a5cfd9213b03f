import type { InlineKeyboard } from "grammy";
import {
  type DraftEditMode,
  type DraftStats,
  draftEditErrorText,
  draftStatsText,
  lengthAdvice,
  MAX_LETTER_CHARACTERS,
  type StarterOccasion,
  TELEGRAM_MESSAGE_LIMIT,
} from "../../../../domain/letters/index.js";
import type { Flow, FlowContext } from "../../../context.js";
import { type LetterTarget, saveDraftInput } from "../../../../services/letters/letters.js";
import { tText } from "../render/text.js";
import { flowKeyboard } from "./input.js";
import { localeOf } from "../../../locale.js";
import { prisonerName } from "../../../../domain/directory/names.js";

/** What every step of one letter flow knows. JSON-safe, rebuilt identically on every replay. */
export interface FlowState {
  token: string;
  writerId: number;
  target: LetterTarget;
  opening?: StarterOccasion;
}

export function targetName(ctx: FlowContext, state: FlowState): string {
  return prisonerName(state.target.names, localeOf(ctx), "prose");
}

export function statsLine(ctx: FlowContext, stats: DraftStats): string {
  return tText(ctx, draftStatsText(stats));
}

export const WRITING_ACTIONS = ["done", "append", "replace", "show", "discard"] as const;

export function writingKeyboard(ctx: FlowContext, token: string): InlineKeyboard {
  return flowKeyboard(token, [
    [[ctx.t("letter-ui-button-done"), "done"]],
    [
      [ctx.t("letter-ui-button-append"), "append"],
      [ctx.t("letter-ui-button-replace"), "replace"],
    ],
    [
      [ctx.t("letter-ui-button-show"), "show"],
      [ctx.t("letter-ui-button-discard"), "discard"],
    ],
  ]);
}

/**
 * Saves a message into the draft (in the database, at once) and tells the writer where the letter stands: its length
 * and pages, the 12,000-character limit when a message would pass it, and that Telegram shows a long letter in parts.
 */
export async function saveText(
  conversation: Flow,
  ctx: FlowContext,
  state: FlowState,
  text: string,
  mode: DraftEditMode,
  closing?: string,
): Promise<boolean> {
  const outcome = await conversation.external(() =>
    saveDraftInput(ctx.deps, {
      writerId: state.writerId,
      slug: state.target.slug,
      text,
      mode,
      ...(closing ? { closing } : {}),
    }),
  );
  const keyboard = writingKeyboard(ctx, state.token);
  if (!outcome.ok) {
    const lines = [tText(ctx, draftEditErrorText(outcome))];
    lines.push(
      outcome.stats
        ? ctx.t("letter-ui-draft-unchanged", { stats: statsLine(ctx, outcome.stats) })
        : ctx.t("letter-ui-draft-still-empty"),
    );
    await ctx.reply(lines.join("\n\n"), { reply_markup: keyboard });
    return false;
  }
  const lines = [ctx.t("letter-ui-saved", { stats: statsLine(ctx, outcome.stats) })];
  const advice = lengthAdvice(outcome.stats, state.target.recipient.system);
  if (advice) lines.push(tText(ctx, advice));
  if (outcome.stats.characters > TELEGRAM_MESSAGE_LIMIT) {
    lines.push(ctx.t("letter-ui-long-for-telegram", { limit: MAX_LETTER_CHARACTERS }));
  }
  lines.push(ctx.t("letter-ui-saved-next"));
  await ctx.reply(lines.join("\n\n"), { reply_markup: keyboard });
  return true;
}
