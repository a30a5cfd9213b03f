import { draftStats, lengthAdvice, MAX_LETTER_CHARACTERS } from "../../../../domain/letters/index.js";
import { endsWithClosing } from "../../../../domain/letters/draft-edit.js";
import { escapeHtml } from "../../../../telegram/html.js";
import type { Flow, FlowContext } from "../../../context.js";
import { readDraftText } from "../../../../services/letters/letters.js";
import { discardDraftTo } from "../../../../services/letters/discard.js";
import { guarded } from "../../../flows/index.js";
import { bold, tHtml, tText } from "../render/text.js";
import { AGAIN, ask, flowKeyboard, forgetAnswered, waitInput } from "./input.js";
import { handleParagraphButton, PARAGRAPH_ACTIONS, showParagraphs } from "./paragraphs.js";
import { type FlowState, saveText, statsLine, targetName, titleArgs, WRITING_ACTIONS, writingKeyboard } from "./state.js";

export type WritingResult = "done" | "discarded";

/**
 * The writer sends the letter as one or several messages; each is saved to the database at once. Every input is
 * answered and then rewound to the top of the loop, so a letter written in fifty messages leaves one wait in the
 * stored replay log, and none of its text.
 */
export async function writingStep(
  conversation: Flow,
  ctx: FlowContext,
  state: FlowState,
  closing: string | undefined,
): Promise<WritingResult> {
  const { stats, beforeClosing } = await conversation.external(async () => {
    const text = await readDraftText(ctx.deps, state.writerId, state.target.slug);
    return { stats: text ? draftStats(text) : null, beforeClosing: endsWithClosing(text, closing) };
  });
  const lines = [bold(tHtml(ctx, "letter-ui-writing-title", titleArgs(ctx, state))), tHtml(ctx, "letter-screens-writing-how", { limit: MAX_LETTER_CHARACTERS })];
  // Only while it is true (issue 15): after "replace" the starter's closing is gone and messages go to the end.
  if (beforeClosing) lines.push(tHtml(ctx, "letter-ui-writing-closing-note"));
  if (stats) lines.push(tHtml(ctx, "letter-ui-writing-so-far", { stats: statsLine(ctx, stats) }));
  const advice = stats ? lengthAdvice(stats, state.target.recipient.system) : undefined;
  if (advice) lines.push(escapeHtml(tText(ctx, advice)));
  await ctx.reply(lines.join("\n\n"), { parse_mode: "HTML", reply_markup: writingKeyboard(ctx, state) });

  const top = conversation.checkpoint();
  const input = await waitInput(conversation, { token: state.token, actions: [...WRITING_ACTIONS, ...PARAGRAPH_ACTIONS] });
  const reply = input.ctx;
  // Answers that wait for nothing more are forgotten as they are (`forgetAnswered`, no second replay); the others
  // rewind to `top`, which also drops the inputs they waited for.
  if (input.kind === "text") {
    await saveText(conversation, reply, state, input.text, "append", closing);
    return forgetAnswered(conversation);
  }
  if (input.kind === "media" || input.kind === "edited") {
    const current = await currentStats(conversation, ctx, state);
    const note = input.kind === "edited" ? "letter-ui-writing-edited" : "letter-ui-text-only";
    const safe = current ? ctx.t("letter-ui-draft-safe", { stats: statsLine(ctx, current) }) : ctx.t("letter-ui-draft-still-empty");
    await reply.reply(`${ctx.t(note)}\n\n${safe}`, { reply_markup: writingKeyboard(ctx, state) });
    return forgetAnswered(conversation);
  }
  if ((PARAGRAPH_ACTIONS as readonly string[]).includes(input.action)) {
    await handleParagraphButton(conversation, ctx, state, input);
    return conversation.rewind(top);
  }
  switch (input.action) {
    case "append":
      // Adding is what every message does; the button is there for writers who look for it.
      await reply.reply(ctx.t("letter-ui-append-prompt"), { reply_markup: writingKeyboard(ctx, state) });
      return forgetAnswered(conversation);
    case "show":
      await showParagraphs(conversation, reply, state);
      return forgetAnswered(conversation);
    case "replace":
      await replaceDraft(conversation, ctx, state, closing);
      return conversation.rewind(top);
    case "discard":
      if (await confirmDiscard(conversation, ctx, state)) return "discarded";
      return conversation.rewind(top);
    default: {
      const current = await currentStats(conversation, ctx, state);
      if (current) return "done";
      await reply.reply(ctx.t("letter-ui-done-empty"), { reply_markup: writingKeyboard(ctx, state) });
      return forgetAnswered(conversation);
    }
  }
}

async function currentStats(conversation: Flow, ctx: FlowContext, state: FlowState) {
  return conversation.external(async () => {
    const text = await readDraftText(ctx.deps, state.writerId, state.target.slug);
    return text?.trim() ? draftStats(text) : null;
  });
}

async function replaceDraft(conversation: Flow, ctx: FlowContext, state: FlowState, closing: string | undefined): Promise<void> {
  const prompt = ctx.t("letter-ui-replace-prompt");
  await ctx.reply(closing ? `${prompt} ${ctx.t("letter-screens-replace-then-end")}` : prompt, {
    reply_markup: flowKeyboard(state.token, [[[ctx.t("letter-ui-button-keep-draft"), "keep"]]]),
  });
  await ask(conversation, { token: state.token, actions: ["keep"] }, async (input) => {
    if (input.kind === "button") {
      await input.ctx.reply(ctx.t("letter-ui-replace-cancelled"), { reply_markup: writingKeyboard(ctx, state) });
      return true;
    }
    if (input.kind === "text") return (await saveText(conversation, input.ctx, state, input.text, "replace")) || AGAIN;
    await input.ctx.reply(ctx.t(input.kind === "edited" ? "letter-ui-writing-edited" : "letter-ui-text-only"));
    return AGAIN;
  });
}

async function confirmDiscard(conversation: Flow, ctx: FlowContext, state: FlowState): Promise<boolean> {
  await ctx.reply(ctx.t("letter-ui-discard-confirm", { name: targetName(ctx, state) }), {
    reply_markup: flowKeyboard(state.token, [
      [[ctx.t("letter-ui-button-discard-yes"), "discard-yes"]],
      [[ctx.t("letter-ui-button-discard-no"), "discard-no"]],
    ]),
  });
  const confirmed = await ask(conversation, { token: state.token, actions: ["discard-yes", "discard-no"] }, async (input) => {
    if (input.kind === "button") return input.action === "discard-yes";
    await input.ctx.reply(ctx.t("letter-ui-use-buttons"));
    return AGAIN;
  });
  if (!confirmed) {
    await ctx.reply(ctx.t("letter-ui-discard-kept"), { reply_markup: writingKeyboard(ctx, state) });
    return false;
  }
  const discarded = await guarded(conversation, async (deps, outer) => {
    const outcome = await discardDraftTo(deps, state.writerId, state.target.slug);
    if (outcome) outer.logger.info({ letter_id: outcome.letterId, discarded: outcome.discarded }, "letter draft discarded");
    return outcome?.discarded ?? false;
  });
  await ctx.reply(ctx.t(discarded ? "letter-ui-discarded" : "letter-ui-discard-nothing"));
  return true;
}
