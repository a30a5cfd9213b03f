import { warningKey } from "../../../../domain/directory/text-keys.js";
import { briefGuidance, formalRussianName, guidanceFor, MAX_LETTER_CHARACTERS, planDelivery } from "../../../../domain/letters/index.js";
import type { Flow, FlowContext } from "../../../context.js";
import { bold, replyBlocks, SCREEN_BUDGET, tHtml, tText } from "../render/text.js";
import { escapeHtml } from "../../../../telegram/html.js";
import { AGAIN, ask, flowKeyboard } from "./input.js";
import { type FlowState, saveText, titleArgs, withEditorButton } from "./state.js";
import { readDraftText } from "../../../../services/letters/letters.js";

/** `typed`: the writer sent the first part of the letter, which is saved already; `done`: the editor's "Check and sign". */
export type GuidanceChoice = "starter" | "typed" | "done";

/**
 * Before a new letter, one short screen (issue 15): whom it is for (declined: «Лист Борисові Кагарлицькому»), the
 * Russian form of the name, where they are held, the directory's cautions, and the guidance folded to three lines the
 * first time or one line for a writer who has finished a letter before. Typing starts the letter; "more" shows the
 * points that apply to this prison system and these routes; "help me begin" opens the constructor.
 */
export async function guidanceStep(conversation: Flow, ctx: FlowContext, state: FlowState): Promise<GuidanceChoice> {
  const { target } = state;
  const header = [bold(tHtml(ctx, "letter-ui-writing-title", titleArgs(ctx, state)))];
  header.push(tHtml(ctx, "letter-ui-guidance-russian-name", { name: formalRussianName(target.recipient) }, ["name"]));
  if (target.institution) header.push(tHtml(ctx, "letter-ui-guidance-where", target.institution));
  const warnings = target.warnings.map((warning) => `⚠️ ${escapeHtml(ctx.t(warningKey(warning)))}`);
  const brief = briefGuidance(target.recipient, state.returning).map((point) => `• ${escapeHtml(tText(ctx, point))}`);
  const keyboard = withEditorButton(
    ctx,
    state,
    flowKeyboard(state.token, [
      [[ctx.t("letter-ui-button-starter"), "starter"]],
      [[ctx.t("letter-screens-button-more"), "more"]],
    ]),
  );
  await replyBlocks(
    ctx,
    [
      header.join("\n"),
      ...(warnings.length > 0 ? [warnings.join("\n")] : []),
      brief.join("\n"),
      tHtml(ctx, "letter-screens-start-hint", { limit: MAX_LETTER_CHARACTERS }),
    ],
    keyboard,
  );
  return ask(conversation, { token: state.token, actions: ["starter", "more", "done"] }, async (input) => {
    // The editor Mini App's "Check and sign" (its draft is saved already): on to the check.
    if (input.kind === "button" && input.action === "done") {
      const saved = await conversation.external(async () => Boolean((await readDraftText(ctx.deps, state.writerId, target.slug))?.trim()));
      if (saved) return "done";
      await input.ctx.reply(ctx.t("letter-ui-done-empty"), { reply_markup: keyboard });
      return AGAIN;
    }
    if (input.kind === "button" && input.action === "more") {
      await replyBlocks(input.ctx, guidanceDetails(ctx, state), keyboard, SCREEN_BUDGET);
      return AGAIN;
    }
    if (input.kind === "button") return "starter";
    if (input.kind === "text") return (await saveText(conversation, input.ctx, state, input.text, "append", undefined, true)) ? "typed" : AGAIN;
    await input.ctx.reply(ctx.t(input.kind === "edited" ? "letter-ui-writing-edited" : "letter-ui-text-only"));
    return AGAIN;
  });
}

/** The full guidance for this prison system, status and the routes this person can be reached by. */
function guidanceDetails(ctx: FlowContext, state: FlowState): string[] {
  const { recipient } = state.target;
  const routes = planDelivery(recipient, { organiserRelay: state.target.organiserRelay }).options.map((option) => option.route);
  const points = guidanceFor(recipient, { routes }).map((point) => `• ${escapeHtml(tText(ctx, point))}`);
  return [bold(tHtml(ctx, "letter-ui-guidance-before")), ...points];
}
