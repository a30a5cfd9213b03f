import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { mainMenuKeyboard } from "../keyboards/main-menu.js";
import { LETTER_FLOW_ID } from "./letter/flow/letter-flow.js";
import { leaveWritingStageOf, writingStageOf } from "./letter/writing-stage.js";
import { unfinishedDrafts } from "../../services/letters/drafts.js";

const composer = new Composer<BotContext>();

/**
 * Registered before any conversation runs, so a flow waiting for text cannot swallow it. Only the letter flow has a
 * draft to keep, and says so when there is one; leaving any other flow (news, a correction, "someone not in the
 * list"), or a letter before its first text, says nothing was sent.
 */
composer.chatType("private").command("cancel", async (ctx) => {
  const active = ctx.conversation.active();
  const total = Object.values(active).reduce((sum, count) => sum + count, 0);
  // The letter's writing stage is no conversation (docs/letter-flow-stages.md), but leaving it is leaving the letter.
  const writing = writingStageOf(ctx) !== undefined;
  await ctx.conversation.exitAll();
  await leaveWritingStageOf(ctx);
  const letter = writing || (active[LETTER_FLOW_ID] ?? 0) > 0;
  // A letter left before any text was written (the search for whom, the guidance) kept no draft: nothing changed.
  const draft = letter && (await unfinishedDrafts(ctx.deps, ctx.from.id, 1)).length > 0;
  const key = draft ? "cancel-done" : total === 0 && !letter ? "cancel-nothing" : "cancel-done-step";
  await ctx.reply(ctx.t(key), { reply_markup: mainMenuKeyboard(ctx) });
});

export { composer as cancelFeature };
