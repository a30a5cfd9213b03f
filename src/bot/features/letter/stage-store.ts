import { enterWritingStage, type WritingStage } from "../../../services/letters/writing-stage.js";
import type { FlowContext } from "../../context.js";

/** Rewrites the sender's stage record from the stage's own middleware, and the outer update's row with it. */
export async function storeStage(ctx: FlowContext, writerId: number, stage: WritingStage): Promise<void> {
  const json = await enterWritingStage(ctx.deps, writerId, stage);
  if (ctx.user?.id === writerId) ctx.user.letter_stage = json;
}
