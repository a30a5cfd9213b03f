import { Composer, InlineKeyboard } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import { listInstitutions } from "../../../db/repositories/institutions.js";
import { getPrisonerBySlug, movePrisoner, updatePrisonerStatus } from "../../../db/repositories/prisoners.js";
import { audit } from "../../../db/repositories/roles.js";
import type { DB } from "../../../db/database.js";
import { isPartialDate } from "../../../domain/directory/partial-date.js";
import { PRISONER_STATUSES, type PrisonerRecord, type PrisonerStatus } from "../../../domain/directory/types.js";
import { resolveLocale } from "../../../telegram/locale.js";
import type { BotContext, Flow, FlowContext } from "../../context.js";
import { escapeHtml } from "../../../telegram/html.js";
import { actorOf } from "../../roles.js";
import { mayActForAnyOf } from "../../../services/organisers/roles.js";
import { commandArgs } from "./access.js";
import { chooseInstitution, chooseStatus, chooseToday, confirmCorrection } from "./callbacks.js";
import { prisonerName } from "../../../domain/directory/names.js";

/** A person who types a wrong URL or date three times is better served by starting over than by a loop. */
const MAX_TRIES = 3;
const NO_INSTITUTION = "-";

/** Organisers of any of the prisoner's campaigns, or admins; read through `db` so it works inside a transaction. */
function mayCorrect(ctx: FlowContext, db: DB, prisoner: Pick<PrisonerRecord, "campaigns">): Promise<boolean> {
  return mayActForAnyOf(db, actorOf(ctx), prisoner.campaigns);
}

function isSourceUrl(text: string): boolean {
  if (!/^https?:\/\/\S+$/i.test(text)) return false;
  try {
    return ["http:", "https:"].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

interface PrisonerView {
  slug: string;
  name: string;
  status: PrisonerStatus;
  statusAsOf: string;
  institution: string | null;
  system: string;
  campaigns: string[];
}

async function loadPrisoner(ctx: FlowContext, slug: string): Promise<PrisonerView | null> {
  const prisoner = await getPrisonerBySlug(ctx.deps.db, slug);
  if (!prisoner) return null;
  return {
    slug,
    name: prisonerName(prisoner.names, resolveLocale(ctx.user?.locale, ctx.deps.config.defaultLocale), "prose"),
    status: prisoner.status.value,
    statusAsOf: prisoner.status.asOf,
    institution: prisoner.location.institution,
    system: prisoner.system,
    campaigns: prisoner.campaigns,
  };
}

/** Asks for the source link; undefined after MAX_TRIES wrong answers (the flow then ends). */
async function askSource(conversation: Flow, ctx: FlowContext): Promise<string | undefined> {
  await ctx.reply(ctx.t("organisers-correction-ask-source"));
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const answer = await conversation.waitFor("message:text", { next: true });
    const text = answer.message.text.trim();
    if (isSourceUrl(text)) return text;
    await answer.reply(ctx.t("organisers-correction-bad-source"));
  }
  await ctx.reply(ctx.t("organisers-correction-gave-up"));
  return undefined;
}

/** Asks since when the source says so: today's date by button, or a typed 2026 / 2026-02 / 2026-02-16 not in the future. */
async function askDate(conversation: Flow, ctx: FlowContext): Promise<string | undefined> {
  const today = (await conversation.external((outer) => outer.deps.clock.now().toISOString())).slice(0, 10);
  await ctx.reply(ctx.t("organisers-correction-ask-date"), {
    reply_markup: new InlineKeyboard().text(ctx.t("organisers-correction-today", { date: today }), chooseToday.pack("today")),
  });
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const answer = await conversation.waitUntil(
      (update) => update.callbackQuery?.data === chooseToday.pack("today") || update.message?.text !== undefined,
      { next: true },
    );
    if (answer.callbackQuery) {
      await answer.answerCallbackQuery();
      return today;
    }
    const text = answer.message?.text?.trim() ?? "";
    if (isPartialDate(text) && text <= today) return text;
    await answer.reply(ctx.t("organisers-correction-bad-date"));
  }
  await ctx.reply(ctx.t("organisers-correction-gave-up"));
  return undefined;
}

async function confirm(conversation: Flow, ctx: FlowContext, summary: string): Promise<boolean> {
  await ctx.reply(summary, {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard()
      .text(ctx.t("organisers-correction-save"), confirmCorrection.pack("yes"))
      .text(ctx.t("organisers-correction-cancel"), confirmCorrection.pack("no")),
  });
  const answer = await conversation.waitForCallbackQuery(confirmCorrection.pattern, { next: true });
  await answer.answerCallbackQuery();
  await answer.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } });
  if (answer.callbackQuery.data === confirmCorrection.pack("yes")) return true;
  await ctx.reply(ctx.t("organisers-correction-cancelled"));
  return false;
}

/** `/setstatus <slug>`: new status, source link and date, then saved with its history row and an audit entry. */
async function setStatusFlow(conversation: Flow, ctx: FlowContext, slug: string): Promise<void> {
  const prisoner = await conversation.external((outer) => loadPrisoner(outer, slug));
  if (!prisoner) return;
  const keyboard = new InlineKeyboard();
  PRISONER_STATUSES.forEach((status, index) => {
    keyboard.text(ctx.t(`organisers-prisoner-status-${status}`), chooseStatus.pack(status));
    if (index % 2 === 1) keyboard.row();
  });
  await ctx.reply(
    ctx.t("organisers-setstatus-current", {
      prisoner: escapeHtml(prisoner.name),
      status: ctx.t(`organisers-prisoner-status-${prisoner.status}`),
      asOf: escapeHtml(prisoner.statusAsOf),
    }),
    { parse_mode: "HTML", reply_markup: keyboard },
  );
  const choice = await conversation.waitForCallbackQuery(chooseStatus.pattern, { next: true });
  const status = PRISONER_STATUSES.find((candidate) => candidate === chooseStatus.unpack(choice.callbackQuery.data)?.[0]);
  await choice.answerCallbackQuery();
  if (!status) return;
  const sourceUrl = await askSource(conversation, ctx);
  if (!sourceUrl) return;
  const asOf = await askDate(conversation, ctx);
  if (!asOf) return;
  const summary = ctx.t("organisers-setstatus-confirm", {
    prisoner: escapeHtml(prisoner.name),
    status: ctx.t(`organisers-prisoner-status-${status}`),
    asOf,
    source: escapeHtml(sourceUrl),
  });
  if (!(await confirm(conversation, ctx, summary))) return;
  const outcome = await conversation.external(async (outer) => {
    const { db, clock } = outer.deps;
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      if (!(await mayCorrect(outer, trx, prisoner))) return "refused" as const;
      const result = await updatePrisonerStatus(trx, slug, { status, asOf, sourceUrl, changedBy: outer.from?.id ?? null, confidence: "confirmed", now });
      await audit(trx, { actorId: outer.from?.id ?? 0, action: "prisoner.status", target: `prisoner:${slug}`, details: { from: prisoner.status, to: status, as_of: asOf, outcome: result }, at: now });
      return result;
    });
  });
  await ctx.reply(ctx.t(`organisers-correction-${outcome}`));
}

/** `/move <slug>`: the institution (or "no longer known"), source link and date, saved with history and audit. */
async function moveFlow(conversation: Flow, ctx: FlowContext, slug: string): Promise<void> {
  const prisoner = await conversation.external((outer) => loadPrisoner(outer, slug));
  if (!prisoner) return;
  const institutions = await conversation.external(async (outer) =>
    (await listInstitutions(outer.deps.db)).filter((institution) => institution.system === prisoner.system).map(({ slug: id, name }) => ({ id, name })),
  );
  const current = institutions.find((institution) => institution.id === prisoner.institution)?.name;
  const keyboard = new InlineKeyboard();
  for (const institution of institutions) keyboard.text(institution.name, chooseInstitution.pack(institution.id)).row();
  keyboard.text(ctx.t("organisers-move-none"), chooseInstitution.pack(NO_INSTITUTION));
  await ctx.reply(
    ctx.t("organisers-move-current", { prisoner: escapeHtml(prisoner.name), institution: escapeHtml(current ?? ctx.t("organisers-move-none")) }),
    { parse_mode: "HTML", reply_markup: keyboard },
  );
  const choice = await conversation.waitForCallbackQuery(chooseInstitution.pattern, { next: true });
  const picked = chooseInstitution.unpack(choice.callbackQuery.data)?.[0];
  await choice.answerCallbackQuery();
  const target = picked === NO_INSTITUTION ? null : institutions.find((institution) => institution.id === picked);
  if (target === undefined) return;
  const sourceUrl = await askSource(conversation, ctx);
  if (!sourceUrl) return;
  const asOf = await askDate(conversation, ctx);
  if (!asOf) return;
  const summary = ctx.t("organisers-move-confirm", {
    prisoner: escapeHtml(prisoner.name),
    institution: escapeHtml(target?.name ?? ctx.t("organisers-move-none")),
    asOf,
    source: escapeHtml(sourceUrl),
  });
  if (!(await confirm(conversation, ctx, summary))) return;
  const outcome = await conversation.external(async (outer) => {
    const { db, clock } = outer.deps;
    const now = clock.now();
    return db.transaction().execute(async (trx) => {
      if (!(await mayCorrect(outer, trx, prisoner))) return "refused" as const;
      const result = await movePrisoner(trx, slug, { institution: target?.id ?? null, asOf, sourceUrl, changedBy: outer.from?.id ?? null, now });
      await audit(trx, { actorId: outer.from?.id ?? 0, action: "prisoner.move", target: `prisoner:${slug}`, details: { from: prisoner.institution, to: target?.id ?? null, as_of: asOf, outcome: result }, at: now });
      return result;
    });
  });
  await ctx.reply(ctx.t(`organisers-correction-${outcome}`));
}

const flows = new Composer<BotContext>();
flows.use(createConversation<BotContext, FlowContext>(setStatusFlow, "organiserSetStatus"));
flows.use(createConversation<BotContext, FlowContext>(moveFlow, "organiserMove"));

const commands = new Composer<BotContext>();
const privateChats = commands.chatType("private");

/** The role is checked before the flow starts and again when it saves. */
for (const [command, conversationId] of [["setstatus", "organiserSetStatus"], ["move", "organiserMove"]] as const) {
  privateChats.command(command, async (ctx) => {
    const [slug] = commandArgs(ctx);
    if (!slug) return void (await ctx.reply(ctx.t(`organisers-${command}-usage`)));
    const prisoner = await getPrisonerBySlug(ctx.deps.db, slug);
    if (!prisoner) return void (await ctx.reply(ctx.t("organisers-unknown-prisoner", { prisoner: escapeHtml(slug) }), { parse_mode: "HTML" }));
    if (!(await mayCorrect(ctx, ctx.deps.db, prisoner))) return void (await ctx.reply(ctx.t("organisers-correction-not-allowed")));
    await ctx.conversation.enter(conversationId, slug);
  });
}

export { commands as correctionsFeature, flows as correctionFlows };
