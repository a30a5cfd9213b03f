import { Composer, type InlineKeyboard } from "grammy";
import { createConversation } from "@grammyjs/conversations";
import {
  type CorrectionAccess,
  correctionAccess,
  type CorrectionCandidates,
  correctionCandidates,
  type CorrectionKind,
} from "../../../services/organisers/corrections.js";
import type { BotContext, FlowContext } from "../../context.js";
import { type ChoicePageKeys, choicePageScreen } from "../../keyboards/choice-pages.js";
import { ignoreNotModified } from "../../../telegram/api-errors.js";
import { escapeHtml } from "../../../telegram/html.js";
import { localeOf } from "../../locale.js";
import { actorOf } from "../../roles.js";
import { teamScope } from "./access.js";
import { canonicalQuery } from "../directory/search.js";
import { parsePage } from "../directory/callbacks.js";
import { correctionPage, correctionPick } from "./callbacks.js";
import { CORRECTION_FLOW_ID, type CorrectionArgs, correctionButtons, correctionFlow } from "./correction-flow.js";

const flows = new Composer<BotContext>();
flows.use(createConversation<BotContext, FlowContext>(correctionFlow, CORRECTION_FLOW_ID));

const commands = new Composer<BotContext>();
const privateChats = commands.chatType("private");

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
    const name = canonicalQuery(query.slice(0, 100));
    const candidates = name === "" ? ({ kind: "none" } as const) : await correctionCandidates(ctx.deps, actorOf(ctx), name, localeOf(ctx), 1);
    if (candidates.kind === "none") {
      return void (await ctx.reply(ctx.t("organisers-unknown-prisoner", { prisoner: escapeHtml(query.slice(0, 100)) }), { parse_mode: "HTML" }));
    }
    if (candidates.kind === "refused") return void (await ctx.reply(ctx.t("organisers-correction-not-allowed")));
    const [only, ...others] = candidates.choices;
    if (only && others.length === 0 && candidates.pageCount === 1) return startCorrection(ctx, kind, only.slug);
    const screen = pickScreen(ctx, kind === "status" ? "s" : "m", name, candidates);
    await ctx.reply(screen.text, { reply_markup: screen.keyboard });
  });
}

type Found = Extract<CorrectionCandidates, { kind: "found" }>;

const PICK_KEYS: ChoicePageKeys = {
  pick: "organisers-correction-pick",
  page: "organisers-correction-pick-page",
  refine: "organisers-correction-pick-refine",
  previous: "organisers-correction-previous",
  next: "organisers-correction-next",
};

/**
 * The page's people as buttons, with Previous / Next while the query fits in a button (64 bytes); a query too long
 * for that is rarely ambiguous, and the text asks for more of the name instead.
 */
function pickScreen(ctx: BotContext, code: "s" | "m", name: string, found: Found): { text: string; keyboard: InlineKeyboard } {
  const page = (target: number) => {
    try {
      return correctionPage.pack(code, target, name);
    } catch {
      return undefined;
    }
  };
  return choicePageScreen((key, variables) => ctx.t(key, variables), found, { pick: (slug) => correctionPick.pack(code, slug), page }, PICK_KEYS);
}

/** Another page: the button's data is untrusted, so the query must be one a screen could have put there. */
privateChats.callbackQuery(correctionPage.pattern, async (ctx) => {
  const [code = "", pageText, name = ""] = correctionPage.unpack(ctx.callbackQuery.data) ?? [];
  const page = parsePage(pageText);
  if ((code !== "s" && code !== "m") || page === undefined || name === "" || canonicalQuery(name) !== name) {
    return void (await ctx.answerCallbackQuery({ text: ctx.t("organisers-correction-stale-button"), show_alert: true }));
  }
  const candidates = await correctionCandidates(ctx.deps, actorOf(ctx), name, localeOf(ctx), page);
  if (candidates.kind !== "found") {
    const key = candidates.kind === "refused" ? "organisers-correction-not-allowed" : "organisers-correction-stale-button";
    return void (await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true }));
  }
  await ctx.answerCallbackQuery();
  const screen = pickScreen(ctx, code, name, candidates);
  // The page already shown (a second press before the first edit showed): the screen is right as it is.
  await ctx.editMessageText(screen.text, { reply_markup: screen.keyboard }).catch(ignoreNotModified);
});

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
