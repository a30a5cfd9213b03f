import { Composer, InlineKeyboard, InputFile } from "grammy";
import { collectPersonalData, personalDataFile } from "../../services/privacy/export.js";
import { forgetRequestedSince, forgetUser, planForget } from "../../services/privacy/forget.js";
import { callbackData } from "../../telegram/callback-data.js";
import type { BotContext, FlowContext } from "../context.js";
import { localeOf } from "../locale.js";
import { campaignName } from "../../services/organisers/chat-links.js";
import { refreshMenuFor } from "./organisers/discoverability.js";
import { isFirstContact } from "../middlewares/load-user.js";

const privacyAction = callbackData("privacy", 1);
/** `forget:yes:<issued at, epoch seconds>`: a confirmation works for a short while, and only for the one who asked. */
const forgetAnswer = callbackData("forget", 2);
const CONFIRMATION_VALID_SECONDS = 15 * 60;

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

function privacyText(ctx: FlowContext): string {
  const { letterTextRetentionDays, draftRetentionDays } = ctx.deps.config;
  return ctx.t("privacy-text", { letterDays: letterTextRetentionDays, draftDays: draftRetentionDays });
}

privateChats.command("privacy", async (ctx) => {
  const keyboard = new InlineKeyboard()
    .text(ctx.t("privacy-button-export"), privacyAction.pack("export"))
    .row()
    .text(ctx.t("privacy-button-forget"), privacyAction.pack("forget"));
  await ctx.reply(privacyText(ctx), { reply_markup: keyboard });
});

async function sendExport(ctx: FlowContext & { from: { id: number } }): Promise<void> {
  const { db, clock, config } = ctx.deps;
  const now = clock.now();
  const exported = await collectPersonalData(db, ctx.from.id, {
    now,
    letterTextRetentionDays: config.letterTextRetentionDays,
    draftRetentionDays: config.draftRetentionDays,
    explain: (key) => ctx.t(key),
  });
  const file = personalDataFile(exported);
  ctx.logger.info({ user_id: ctx.from.id, bytes: file.bytes.byteLength }, "personal data exported");
  await ctx.replyWithDocument(new InputFile(file.bytes, file.filename), {
    caption: ctx.t("privacy-export-caption", { date: now.toISOString().slice(0, 10) }),
  });
}

async function askToForget(ctx: FlowContext & { from: { id: number } }): Promise<void> {
  const plan = await planForget(ctx.deps.db, ctx.from.id);
  const parts = [ctx.t("privacy-forget-confirm", { letters: plan.letters, subscriptions: plan.subscriptions })];
  if (plan.lettersWithOrganisers > 0) parts.push(ctx.t("privacy-forget-confirm-held", { held: plan.lettersWithOrganisers }));
  if (plan.teamRecords > 0) parts.push(ctx.t("privacy-forget-confirm-team", { records: plan.teamRecords }));
  if (plan.organiserOf.length > 0) {
    const names = await Promise.all(plan.organiserOf.map(async (slug) => `«${(await campaignName(ctx.deps.db, slug, localeOf(ctx))) ?? slug}»`));
    parts.push(ctx.t("privacy-forget-confirm-organiser", { campaigns: names.join(", ") }));
  }
  const issuedAt = Math.floor(ctx.deps.clock.now().getTime() / 1000);
  const keyboard = new InlineKeyboard()
    .text(ctx.t("privacy-forget-yes"), forgetAnswer.pack("yes", issuedAt))
    .row()
    .text(ctx.t("privacy-forget-no"), forgetAnswer.pack("no", issuedAt));
  await ctx.reply(parts.join("\n\n"), { reply_markup: keyboard });
}

privateChats.command("mydata", (ctx) => sendExport(ctx));
privateChats.command("forget", (ctx) => askToForget(ctx));

privateChats.callbackQuery(privacyAction.pattern, async (ctx) => {
  const [action] = privacyAction.unpack(ctx.callbackQuery.data) ?? [];
  if (action === "export") {
    await ctx.answerCallbackQuery();
    return sendExport(ctx);
  }
  if (action === "forget") {
    await ctx.answerCallbackQuery();
    return askToForget(ctx);
  }
  await ctx.answerCallbackQuery({ text: ctx.t("unhandled-stale-button"), show_alert: true });
});

/**
 * Whether this question's "yes" was carried out already: Telegram delivers the press again, possibly long after, when
 * the process died once the deletion committed. The row this very update recreated (`isFirstContact`), or a request
 * recorded since the question for letters organisers hold, says so; the deletion is then run again (it removes that
 * row, and keeps the request current so the later visit is not taken for a return) and "done" said again, rather than
 * "out of date" to someone whose data is gone.
 */
async function forgottenAfter(ctx: FlowContext, issuedSeconds: number): Promise<boolean> {
  return isFirstContact(ctx) || (await forgetRequestedSince(ctx.deps.db, ctx.from?.id ?? 0, new Date(issuedSeconds * 1000)));
}

privateChats.callbackQuery(forgetAnswer.pattern, async (ctx) => {
  const [answer, issued] = forgetAnswer.unpack(ctx.callbackQuery.data) ?? [];
  const ageSeconds = ctx.deps.clock.now().getTime() / 1000 - Number(issued);
  // Forged or replayed data: an unknown answer, a time that is not a number, from the future, or too old.
  if ((answer !== "yes" && answer !== "no") || !/^\d{1,12}$/.test(issued ?? "") || ageSeconds < -60) {
    await ctx.answerCallbackQuery({ text: ctx.t("unhandled-stale-button"), show_alert: true });
    return;
  }
  // Answered once: the buttons go, so the question cannot be pressed again by mistake.
  await ctx.editMessageReplyMarkup().catch(() => undefined);
  if (answer === "no") {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("privacy-forget-kept"));
    return;
  }
  if (ageSeconds > CONFIRMATION_VALID_SECONDS && !(await forgottenAfter(ctx, Number(issued)))) {
    await ctx.answerCallbackQuery({ text: ctx.t("privacy-forget-expired"), show_alert: true });
    return;
  }
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  const result = await forgetUser(ctx.deps.db, ctx.from.id, ctx.deps.clock.now());
  ctx.logger.info({ user_id: ctx.from.id, deleted: result.deleted, held: result.lettersWithOrganisers }, "personal data deleted on request");
  ctx.user = undefined;
  // An organiser's role went with the rest: the organiser commands leave their menu (the public list stays).
  if ((result.deleted["organisers"] ?? 0) > 0) await refreshMenuFor(ctx, ctx.from.id, ctx.from.language_code);
  await ctx.reply(
    result.lettersWithOrganisers > 0
      ? ctx.t("privacy-forget-done-held", { held: result.lettersWithOrganisers })
      : ctx.t("privacy-forget-done"),
  );
});

export { composer as privacyFeature };
