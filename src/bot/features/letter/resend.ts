import { letterToSendAgain } from "../../../services/letters/history.js";
import type { BotContext } from "../../context.js";
import { escapeHtml } from "../../../telegram/html.js";
import { replyFinishedLetter } from "./render/finished.js";
import { replyBlocks, tHtml, tText } from "./render/text.js";
import { titleArgs } from "./flow/state.js";

/**
 * The letter, its .txt and the instructions once more, from the directory as it is today: if the person was moved
 * or freed since, the old form values are not repeated, and the writer is told why.
 */
export async function sendLetterAgain(ctx: BotContext, letterId: number): Promise<boolean> {
  const writerId = ctx.from?.id;
  const again = writerId === undefined ? undefined : await letterToSendAgain(ctx.deps, letterId, writerId);
  if (!again) return false;
  const title = titleArgs(ctx, { target: { names: again.names, gender: again.gender } });
  await replyFinishedLetter(ctx, again, { head: tHtml(ctx, "letter-ui-again-title", { ...title, reference: again.reference }, ["reference"]) });
  if (!again.option) {
    await replyBlocks(ctx, [
      tHtml(ctx, "letter-ui-again-route-gone", { name: title.name }),
      ...again.notices.map((notice) => escapeHtml(tText(ctx, notice))),
    ]);
  }
  return true;
}
