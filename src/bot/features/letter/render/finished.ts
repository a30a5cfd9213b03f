import { InputFile } from "grammy";
import { type DeliveryOption, renderLetterFile, splitForTelegram } from "../../../../domain/letters/index.js";
import type { FinishedLetterCopy } from "../../../../services/letters/history.js";
import type { FlowContext } from "../../../context.js";
import { localeOf } from "../../../locale.js";
import { renderFsinPismoPacket, renderPostInstructions } from "./delivery.js";
import { RememberedTexts } from "./remembered.js";
import { packBlocks, replyHtmlMessages, SCREEN_BUDGET, tHtml, withClosing } from "./text.js";

/**
 * The FSIN-pismo form and the envelope are made of the person's directory facts, the price list and the reader's
 * locale only, and every letter finished to the same person repeats them (issue 14: a tenth of the route step went to
 * translating and escaping them): kept by a key of the locale and the whole option.
 */
const instructions = new RememberedTexts<readonly string[]>();

function deliveryInstructions(ctx: FlowContext, option: DeliveryOption | undefined, recipient: FinishedLetterCopy["recipient"]): readonly string[] {
  if (option?.route !== "fsin_pismo" && option?.route !== "post") return [];
  return instructions.about(recipient, `${localeOf(ctx)}\u0000${JSON.stringify(option)}`, () =>
    option.route === "fsin_pismo" ? renderFsinPismoPacket(ctx, option) : renderPostInstructions(ctx, option),
  );
}

/**
 * A finished letter handed to its writer: the head (the reference) with the line that the letter follows, the letter
 * to copy (plain messages: nothing in it is interpreted, and it copies exactly as written), the same as a .txt file,
 * then the FSIN-pismo form or the envelope for the route, and the closing, if any, joined to their last screen when it
 * fits (./text.ts, `withClosing`).
 */
export async function replyFinishedLetter(
  ctx: FlowContext,
  input: FinishedLetterCopy,
  around: { head: string; closing?: string },
): Promise<void> {
  const file = renderLetterFile({
    recipient: input.recipient,
    text: input.text,
    signature: input.signature,
    writtenOn: new Date(input.finishedAt),
    reference: input.reference,
  });
  await ctx.reply(`${around.head}\n${tHtml(ctx, "letter-ui-done-copy")}`, { parse_mode: "HTML" });
  for (const piece of splitForTelegram(file.body)) await ctx.reply(piece);
  await ctx.replyWithDocument(new InputFile(Buffer.from(file.content, "utf8"), file.filename), {
    caption: ctx.t("letter-ui-file-caption", { reference: input.reference }),
  });
  // Blocks packed to the screen budget (issue 15): the form's steps, the price and the services come one screen each.
  const instructions = packBlocks(deliveryInstructions(ctx, input.option, input.recipient), SCREEN_BUDGET);
  await replyHtmlMessages(ctx, around.closing === undefined ? instructions : withClosing(instructions, around.closing));
}
