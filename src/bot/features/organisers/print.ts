import { Composer, InlineKeyboard, InputFile } from "grammy";
import { getInstitutionBySlug } from "../../../db/repositories/institutions.js";
import { getPrisonerBySlug } from "../../../db/repositories/prisoners.js";
import { acceptedLettersToPrint, createPrintBatch, getPrintBatch, markPrintBatchPrinted, type RelayedLetterDetails } from "../../../db/repositories/relay.js";
import { audit } from "../../../db/repositories/roles.js";
import type { DB } from "../../../db/database.js";
import { renderLetterBody } from "../../../domain/letters/letter-file.js";
import { groupByInstitution, type PrintableLetter, renderLettersPdf } from "../../../domain/print/index.js";
import { projectPath } from "../../../project-path.js";
import { addresseeLine } from "../../../services/relay/card.js";
import { changeRelayedLetterStatus } from "../../../services/relay/status-change.js";
import type { BotContext, FlowContext } from "../../context.js";
import { campaignsInScope } from "./access.js";
import { mayActFor } from "../../roles.js";
import { markBatchPrinted } from "./callbacks.js";
import { ignoreNotModified } from "../../../telegram/api-errors.js";

const FONTS = { regular: projectPath("assets", "fonts", "DejaVuSans.ttf"), bold: projectPath("assets", "fonts", "DejaVuSans-Bold.ttf") };
/** Whatever sits in the queue, one PDF stays printable and uploadable (Telegram bots may send up to 50 MB). */
const MAX_LETTERS_PER_BATCH = 200;

/**
 * The page for one letter. Only an institution the directory believes current is printed: a letter addressed to a
 * place the person has left is lost, so the cover page asks the organiser to check instead.
 */
async function printable(db: DB, letter: RelayedLetterDetails): Promise<PrintableLetter | undefined> {
  const prisoner = await getPrisonerBySlug(db, letter.prisonerSlug);
  if (!prisoner || !letter.text) return undefined;
  const slug = prisoner.location.believedCurrent ? prisoner.location.institution : null;
  const institution = slug ? await getInstitutionBySlug(db, slug) : undefined;
  const signature = { name: letter.signatureName ?? "", ...(letter.signatureCity ? { city: letter.signatureCity } : {}) };
  return {
    reference: letter.reference ?? `#${letter.letterId}`,
    addressee: addresseeLine(prisoner),
    institution: {
      key: institution?.slug ?? "",
      name: institution?.name ?? null,
      address: institution?.postalAddress?.text.split("\n").map((line) => line.trim()).filter(Boolean).join(", ") ?? null,
    },
    body: renderLetterBody(letter.text, signature),
  };
}

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

privateChats.command("print", async (ctx) => {
  const scope = await campaignsInScope(ctx);
  if (!scope.admin && scope.campaigns.length === 0) return void (await ctx.reply(ctx.t("organisers-not-organiser")));
  const { db, clock, logger } = ctx.deps;
  const queued = (await acceptedLettersToPrint(db, scope.admin ? undefined : scope.campaigns)).slice(0, MAX_LETTERS_PER_BATCH);
  const pages: PrintableLetter[] = [];
  const letterIds: number[] = [];
  for (const letter of queued) {
    const page = await printable(db, letter);
    if (!page) continue;
    pages.push(page);
    letterIds.push(letter.letterId);
  }
  if (pages.length === 0) return void (await ctx.reply(ctx.t("organisers-print-nothing")));

  const now = clock.now();
  const groups = groupByInstitution(pages);
  const bytes = await renderLettersPdf(groups, { fonts: FONTS, createdAt: now });
  const batchId = await db.transaction().execute(async (trx) => {
    const id = await createPrintBatch(trx, { createdBy: ctx.from.id, letterIds, now });
    await audit(trx, { actorId: ctx.from.id, action: "letters.print_export", target: `print_batch:${id}`, details: { letters: letterIds.length }, at: now });
    return id;
  });
  logger.info({ batch_id: batchId, letters: letterIds.length, bytes: bytes.byteLength }, "print batch exported");
  await ctx.replyWithDocument(new InputFile(bytes, `lysty-letters-${now.toISOString().slice(0, 10)}-${batchId}.pdf`), {
    caption: ctx.t("organisers-print-caption", { letters: letterIds.length, institutions: groups.length }),
    reply_markup: new InlineKeyboard().text(ctx.t("organisers-print-mark", { letters: letterIds.length }), markBatchPrinted.pack(batchId)),
  });
});

/** Marks the batch's letters printed, each with its own role and status check: some may have moved on meanwhile. */
async function markPrinted(ctx: FlowContext, batchId: number): Promise<void> {
  const { db, clock } = ctx.deps;
  const batch = await getPrintBatch(db, batchId);
  if (!batch || batch.created_by !== ctx.from?.id) {
    await ctx.answerCallbackQuery({ text: ctx.t("unhandled-stale-button"), show_alert: true });
    return;
  }
  const now = clock.now();
  const mayAct = mayActFor(ctx);
  const outcome = await db.transaction().execute(async (trx) => {
    if (!(await markPrintBatchPrinted(trx, batchId, batch.created_by, now))) return undefined;
    let printed = 0;
    for (const letterId of batch.letterIdList) {
      const result = await changeRelayedLetterStatus(trx, { letterId, to: "printed", actorId: batch.created_by, now, mayAct });
      if (result.ok) printed++;
    }
    return { printed, skipped: batch.letterIdList.length - printed };
  });
  if (!outcome) {
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
