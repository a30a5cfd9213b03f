import { InputFile } from "grammy";
import { renderLetterFile, splitForTelegram } from "../../../../domain/letters/index.js";
import type { FinishedLetterCopy } from "../../../../services/letters/history.js";
import type { FlowContext } from "../../../context.js";
import { renderFsinPismoPacket, renderPostInstructions } from "./delivery.js";
import { replyBlocks, SCREEN_BUDGET } from "./text.js";

/**
 * A finished letter handed to its writer: the letter to copy (plain messages: nothing in it is interpreted, and it
 * copies exactly as written), the same as a .txt file, then the FSIN-pismo form or the envelope for the route.
 */
export async function replyFinishedLetter(
  ctx: FlowContext,
  input: FinishedLetterCopy,
): Promise<void> {
  const file = renderLetterFile({
    recipient: input.recipient,
    text: input.text,
    signature: input.signature,
    writtenOn: new Date(input.finishedAt),
    reference: input.reference,
  });
  await ctx.reply(ctx.t("letter-ui-done-copy"));
  for (const piece of splitForTelegram(file.body)) await ctx.reply(piece);
  await ctx.replyWithDocument(new InputFile(Buffer.from(file.content, "utf8"), file.filename), {
    caption: ctx.t("letter-ui-file-caption", { reference: input.reference }),
  });
  // Blocks packed to the screen budget (issue 15): the form's steps, the price and the services come one screen each.
  if (input.option?.route === "fsin_pismo") await replyBlocks(ctx, renderFsinPismoPacket(ctx, input.option), undefined, SCREEN_BUDGET);
  if (input.option?.route === "post") await replyBlocks(ctx, renderPostInstructions(ctx, input.option), undefined, SCREEN_BUDGET);
}
