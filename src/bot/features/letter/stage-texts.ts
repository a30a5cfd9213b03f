import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../../context.js";
import { isCommandOrMenu } from "../../middlewares/leave-flows.js";
import { handleStageUpdate, inWritingStage } from "./writing-stage.js";

/**
 * A writer's text in a stage of the letter (the first message, each paragraph, a typed signature: issue 14), answered
 * right after the user row and the locale (src/bot/index.ts), before the conversations plugin. Nothing between them
 * answers it: no flow runs beside a stage (the flow storage reads nothing for its chat, so no conversation, outdated
 * flow or other feature's flow is active), and /cancel, `leaveFlowsOnCommand`, /language and /privacy take commands
 * and their own buttons only. A command leaves the stage as before, so it goes the whole way; so do buttons, media and
 * edits, which may enter the conversation.
 */
export const letterStageTexts: MiddlewareFn<BotContext> = (ctx, next) =>
  ctx.message?.text !== undefined && !isCommandOrMenu(ctx) && inWritingStage(ctx) ? handleStageUpdate(ctx, next) : next();
