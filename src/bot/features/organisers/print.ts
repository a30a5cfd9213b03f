import { Composer, InlineKeyboard, InputFile } from "grammy";
import { exportLettersToPrint, markLettersPrinted } from "../../../services/relay/print.js";
import type { BotContext, FlowContext } from "../../context.js";
import { campaignsInScope } from "./access.js";
import { mayActFor } from "../../roles.js";
import { markBatchPrinted } from "./callbacks.js";
import { ignoreNotModified } from "../../../telegram/api-errors.js";

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

privateChats.command("print", async (ctx) => {
  const scope = await campaignsInScope(ctx);
  if (!scope.admin && scope.campaigns.length === 0) return void (await ctx.reply(ctx.t("organisers-not-organiser")));
  const exported = await exportLettersToPrint(ctx.deps, {
    actorId: ctx.from.id,
    campaigns: scope.admin ? undefined : scope.campaigns,
    uncheckedNote: ctx.t("suggest-print-unchecked"),
  });
  if (!exported) return void (await ctx.reply(ctx.t("organisers-print-nothing")));
  const { batchId, pdf, letters, institutions, createdAt } = exported;
  await ctx.replyWithDocument(new InputFile(pdf, `lysty-letters-${createdAt.toISOString().slice(0, 10)}-${batchId}.pdf`), {
    caption: ctx.t("organisers-print-caption", { letters, institutions }),
    reply_markup: new InlineKeyboard().text(ctx.t("organisers-print-mark", { letters }), markBatchPrinted.pack(batchId)),
  });
});

/** Marks the batch's letters printed, each with its own role and status check: some may have moved on meanwhile. */
async function markPrinted(ctx: FlowContext, batchId: number): Promise<void> {
  const outcome = await markLettersPrinted(ctx.deps, { batchId, userId: ctx.from?.id, mayAct: mayActFor(ctx) });
  if (outcome === "stale") {
    await ctx.answerCallbackQuery({ text: ctx.t("unhandled-stale-button"), show_alert: true });
    return;
  }
  if (outcome === "already") {
    await ctx.answerCallbackQuery({ text: ctx.t("organisers-print-already"), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(ignoreNotModified);
  await ctx.reply(ctx.t(outcome.skipped > 0 ? "organisers-print-marked-skipped" : "organisers-print-marked", outcome));
}

privateChats.callbackQuery(markBatchPrinted.pattern, async (ctx) => {
  const batchId = Number(markBatchPrinted.unpack(ctx.callbackQuery.data)?.[0]);
  if (!Number.isSafeInteger(batchId)) {
    await ctx.answerCallbackQuery({ text: ctx.t("unhandled-stale-button"), show_alert: true });
    return;
  }
  await markPrinted(ctx, batchId);
});

export { composer as printFeature };
