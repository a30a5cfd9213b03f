import { enterWritingStage, type WritingStage } from "../../../services/letters/writing-stage.js";
import type { FlowContext } from "../../context.js";

/**
 * Records the writer's stage and keeps the update's own row in step, so later middleware of the same update sees it
 * (from a stage's middleware, from the flow through its guard's outer context, and at the deploy's upgrade).
 */
export async function storeStage(ctx: FlowContext, writerId: number, stage: WritingStage): Promise<void> {
  const json = await enterWritingStage(ctx.deps, writerId, stage);
  if (ctx.user?.id === writerId) ctx.user.letter_stage = json;
}
