import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../../context.js";
import { isCommandOrMenu } from "../../middlewares/leave-flows.js";
import { flowButton } from "./callbacks.js";
import { checkBeforeFlows } from "./stage-steps.js";
import { handleStageUpdate, writingStageOf } from "./writing-stage.js";

/**
 * A writer's update in a stage of the letter that nothing but the stage answers, taken right after the user row and
 * the locale (src/bot/index.ts), before the conversations plugin (issue 14):
 * - a text that is not a command (the first message, each paragraph, a typed signature);
 * - "Done: check the letter" on the writing screen, or the editor's "Check and sign" on the opening screen, with the
 *   stage's own token: a clean check and an empty draft are answered here; a check with findings, whose screen waits
 *   in the conversation, goes on with what was read (./stage-steps.ts, `checkBeforeFlows`).
 * Nothing between could have answered them: no flow runs beside a stage (the flow storage reads nothing for its chat,
 * so no conversation, outdated flow or other feature's flow is active), and /cancel, `leaveFlowsOnCommand`,
 * /language and /privacy take commands and their own buttons only. A command leaves the stage, so it goes the whole
 * way; so do the stage's other buttons, media and edits, which may enter the conversation. Nothing on these paths may
 * use `ctx.conversation` (it is not installed yet here).
 */
export const letterStageEarly: MiddlewareFn<BotContext> = (ctx, next) => {
  if (ctx.message?.text !== undefined) return isCommandOrMenu(ctx) || !writingStageOf(ctx) ? next() : handleStageUpdate(ctx, next);
  const data = ctx.callbackQuery?.data;
  if (data === undefined) return next();
  const stage = writingStageOf(ctx);
  const parts = stage && !stage.signing ? flowButton.unpack(data) : undefined;
  return stage && parts?.[0] === stage.token && parts[1] === "done" ? checkBeforeFlows(ctx, stage, next) : next();
};
