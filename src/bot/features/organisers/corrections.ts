import { Composer, InlineKeyboard } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import { type CorrectionAccess, correctionAccess, correctionCandidates, type CorrectionKind } from "../../../services/organisers/corrections.js";
import type { BotContext, FlowContext } from "../../context.js";
import { escapeHtml } from "../../../telegram/html.js";
import { localeOf } from "../../locale.js";
import { actorOf } from "../../roles.js";
import { teamScope } from "./access.js";
import { correctionPick } from "./callbacks.js";
import { CORRECTION_FLOW_ID, type CorrectionArgs, correctionButtons, correctionFlow } from "./correction-flow.js";

const flows = new Composer<BotContext>();
flows.use(createConversation<BotContext, FlowContext>(correctionFlow, CORRECTION_FLOW_ID));

const commands = new Composer<BotContext>();
const privateChats = commands.chatType("private");

/** Prisoners offered as buttons when a name answers several. */
const MAX_CHOICES = 8;
const KINDS = { s: "status", m: "move" } as const;

/** The role is checked before the flow starts and again when it saves. */
for (const [command, kind] of [["setstatus", "status"], ["move", "move"]] as const) {
  privateChats.command(command, async (ctx) => {
    const query = ctx.match.trim();
    if (!query) {
      if (await teamScope(ctx)) await ctx.reply(ctx.t(`organisers-${command}-usage`));
      return;
    }
    const access = await correctionAccess(ctx.deps, actorOf(ctx), query, localeOf(ctx));
    if (access.kind !== "unknown") return startCorrection(ctx, kind, query, access);
    const candidates = await correctionCandidates(ctx.deps, actorOf(ctx), query.slice(0, 100), localeOf(ctx), MAX_CHOICES);
    if (candidates.kind === "none") {
      return void (await ctx.reply(ctx.t("organisers-unknown-prisoner", { prisoner: escapeHtml(query.slice(0, 100)) }), { parse_mode: "HTML" }));
    }
    if (candidates.kind === "refused") return void (await ctx.reply(ctx.t("organisers-correction-not-allowed")));
    const [only, ...others] = candidates.choices;
    if (only && others.length === 0) return startCorrection(ctx, kind, only.slug);
    const code = kind === "status" ? "s" : "m";
    const keyboard = new InlineKeyboard();
    for (const choice of candidates.choices) keyboard.text(choice.name, correctionPick.pack(code, choice.slug)).row();
    await ctx.reply(ctx.t("organisers-correction-pick"), { reply_markup: keyboard });
  });
}

privateChats.callbackQuery(correctionPick.pattern, async (ctx) => {
  const [code = "", slug = ""] = correctionPick.unpack(ctx.callbackQuery.data) ?? [];
  const kind = code === "s" || code === "m" ? KINDS[code] : undefined;
  if (!kind) return void (await ctx.answerCallbackQuery({ text: ctx.t("organisers-correction-stale-button"), show_alert: true }));
  await ctx.answerCallbackQuery();
  await startCorrection(ctx, kind, slug);
});

/** Checks the role for this prisoner now (a button may be old) and enters the flow. */
async function startCorrection(ctx: BotContext, kind: CorrectionKind, slug: string, checked?: CorrectionAccess): Promise<void> {
  const access = checked ?? (await correctionAccess(ctx.deps, actorOf(ctx), slug, localeOf(ctx)));
  if (access.kind === "unknown") {
    return void (await ctx.reply(ctx.t("organisers-unknown-prisoner", { prisoner: escapeHtml(slug) }), { parse_mode: "HTML" }));
  }
  if (access.kind === "refused") return void (await ctx.reply(ctx.t("organisers-correction-not-allowed")));
  const args: CorrectionArgs = { kind, slug };
  await ctx.conversation.enter(CORRECTION_FLOW_ID, args);
}

/** A button of a correction that is over (saved, cancelled, left, or an earlier one): it does nothing now. */
privateChats.callbackQuery(correctionButtons.pattern, async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("organisers-correction-stale-button"), show_alert: true });
});

export { commands as correctionsFeature, flows as correctionFlows };
