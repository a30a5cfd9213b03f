import { InlineKeyboard } from "grammy";
import {
  type DraftStats,
  draftEditErrorText,
  draftStatsText,
  lengthAdvice,
  MAX_LETTER_CHARACTERS,
  type StarterOccasion,
  TELEGRAM_MESSAGE_LIMIT,
} from "../../../../domain/letters/index.js";
import { editorUrl } from "../../../../services/webapp/editor-url.js";
import type { Flow, FlowContext } from "../../../context.js";
import { type LetterTarget, type SaveOutcome, saveDraftInput } from "../../../../services/letters/letters.js";
import type { PrisonSystem } from "../../../../domain/letters/types.js";
import type { CutPiece, ReplacedParagraph } from "../../../../services/letters/writing-stage.js";
import { tText } from "../render/text.js";
import { RememberedTexts } from "../render/remembered.js";
import { flowKeyboard } from "./input.js";
import { localeOf } from "../../../locale.js";
import { prisonerName } from "../../../../domain/directory/names.js";
import { dativeName } from "../../../../domain/names/declension.js";

/** What every step of one letter flow knows. JSON-safe, rebuilt identically on every replay. */
export interface FlowState {
  token: string;
  writerId: number;
  target: LetterTarget;
  opening?: StarterOccasion;
  /**
   * The writer has finished a letter before: guidance folded to one line. Read only where the opening screen is
   * shown; a button handed over by a stage does not ask (one query less for the check and the route).
   */
  returning?: boolean;
  /**
   * Set when a paragraph was replaced by a text in this update: the writing stage the flow parks in next remembers it,
   * so the rest of the same paste goes in after it (docs/letter-flow-stages.md, "A paste in pieces").
   */
  replaced?: ReplacedParagraph;
  /** Set with `replaced` when that text may be the first piece of a client's cut: the stage remembers it too. */
  cut?: CutPiece;
}

/** Whom a screen's title names: the flow's target, or what the opening screen's stage keeps of it. */
export interface TitleSource {
  target: Pick<LetterTarget, "names" | "gender">;
}

export function targetName(ctx: FlowContext, state: TitleSource): string {
  return prisonerName(state.target.names, localeOf(ctx), "prose");
}

/**
 * Arguments for the flow's headers («Лист Борисові Кагарлицькому»): the name in the dative when the declension module
 * is sure of it (`declined: "yes"`), else the nominative for a neutral wording. English needs no case.
 */
export function titleArgs(ctx: FlowContext, state: TitleSource): { name: string; dative: string; declined: string } {
  const name = targetName(ctx, state);
  const locale = localeOf(ctx);
  if (locale === "en") return { name, dative: name, declined: "yes" };
  const dative = dativeName(state.target.names[locale], state.target.gender, locale);
  return dative ? { name, dative: `${dative.given} ${dative.surname}`, declined: "yes" } : { name, dative: name, declined: "no" };
}

export function statsLine(ctx: FlowContext, stats: DraftStats): string {
  return tText(ctx, draftStatsText(stats));
}

/** What the writing screen's buttons carry: the flow's token and whose draft it is. */
export interface WritingScreenKeys {
  token: string;
  target: Pick<LetterTarget, "slug">;
}

export const WRITING_ACTIONS = ["done", "append", "replace", "show", "discard"] as const;

/** The writing step's buttons; with WEBAPP_URL set, the first opens this draft in the editor Mini App. */
export function writingKeyboard(ctx: FlowContext, state: WritingScreenKeys): InlineKeyboard {
  const { token } = state;
  const [done, append, replace, show, discard] = writingLabels.get(localeOf(ctx), () => [
    ctx.t("letter-ui-button-done"),
    ctx.t("letter-ui-button-append"),
    ctx.t("letter-ui-button-replace"),
    ctx.t("letter-ui-button-show"),
    ctx.t("letter-ui-button-discard"),
  ]);
  const keyboard = flowKeyboard(token, [
    [[done, "done"]],
    [
      [append, "append"],
      [replace, "replace"],
    ],
    [
      [show, "show"],
      [discard, "discard"],
    ],
  ]);
  return withEditorButton(ctx, state, keyboard);
}

/** The writing screen's labels by locale: every message of the writing stage is answered with these buttons. */
const writingLabels = new RememberedTexts<readonly [string, string, string, string, string]>();

/** With WEBAPP_URL set, a first button opens this draft in the editor Mini App (docs/webapp.md). */
export function withEditorButton(ctx: FlowContext, state: WritingScreenKeys, keyboard: InlineKeyboard): InlineKeyboard {
  const { webappUrl } = ctx.deps.config;
  if (!webappUrl) return keyboard;
  const url = editorUrl(webappUrl, { slug: state.target.slug, token: state.token });
  return InlineKeyboard.from([[InlineKeyboard.webApp(ctx.t("webapp-open-button"), url)], ...keyboard.inline_keyboard]);
}

/**
 * Saves a message as the whole draft (in the database, at once: the writing screen's "replace") and tells the writer
 * where the letter stands: its length and pages, the 12,000-character limit when a message would pass it, and that
 * Telegram shows a long letter in parts. Messages added to the draft go through the writing stage (writing-stage.ts).
 */
export async function replaceText(conversation: Flow, ctx: FlowContext, state: FlowState, text: string): Promise<boolean> {
  const outcome = await conversation.external(() => saveDraftInput(ctx.deps, { writerId: state.writerId, slug: state.target.slug, text, mode: "replace" }));
  return answerSaved(ctx, { token: state.token, slug: state.target.slug, system: state.target.recipient.system }, outcome);
}

/**
 * The answer to a saved (or refused) message, in the flow and in the writing stage alike (writing-stage.ts): on the
 * opening screen (`quiet`) the writing screen follows at once and says the same, so only a refusal is answered there.
 * `afterRefusal`: the message before this one was refused as too long, so a saved one says the letter is without it.
 */
export async function answerSaved(
  ctx: FlowContext,
  stage: { token: string; slug: string; system: PrisonSystem },
  outcome: SaveOutcome,
  quiet = false,
  afterRefusal = false,
): Promise<boolean> {
  const keyboard = writingKeyboard(ctx, { token: stage.token, target: { slug: stage.slug } });
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
  if (quiet) return true;
  const lines = [ctx.t(outcome.before ? "letter-screens-saved-before-closing" : "letter-ui-saved", { stats: statsLine(ctx, outcome.stats) })];
  const advice = lengthAdvice(outcome.stats, stage.system);
  if (advice) lines.push(tText(ctx, advice));
  if (outcome.stats.characters > TELEGRAM_MESSAGE_LIMIT) {
    lines.push(ctx.t("letter-ui-long-for-telegram", { limit: MAX_LETTER_CHARACTERS }));
  }
  if (afterRefusal) lines.push(ctx.t("letter-ui-saved-after-refusal"));
  lines.push(ctx.t("letter-ui-saved-next"));
  await ctx.reply(lines.join("\n\n"), { reply_markup: keyboard });
  return true;
}
