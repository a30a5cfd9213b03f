import { isPartialDate } from "../../../domain/directory/partial-date.js";
import { PRISONER_STATUSES, type PrisonerStatus } from "../../../domain/directory/types.js";
import {
  type CorrectionChange,
  type CorrectionKind,
  type CorrectionTarget,
  correctionAccess,
  institutionChoice,
  institutionChoices,
  saveCorrection,
  searchInstitutionChoices,
} from "../../../services/organisers/corrections.js";
import { ignoreNotModified } from "../../../telegram/api-errors.js";
import { escapeHtml } from "../../../telegram/html.js";
import type { Flow, FlowContext } from "../../context.js";
import { AGAIN, drawToken, flowButtons, flowKit, guarded, pressedMessageId } from "../../flows/index.js";
import { localeOf } from "../../locale.js";
import { actorOf } from "../../roles.js";

/** Id of the correction conversation (`ctx.conversation.enter(CORRECTION_FLOW_ID, { kind, slug })`). */
export const CORRECTION_FLOW_ID = "organiserCorrection";

/** Buttons of the correction flow: `orc:<token>:<action>:<arg>`; a button of an earlier flow is refused as stale. */
export const correctionButtons = flowButtons("orc");
const kit = flowKit(correctionButtons);

/** A person who types a wrong URL or date three times is better served by starting over than by a loop. */
const MAX_TRIES = 3;
const NO_INSTITUTION = "-";
/** A facility search longer than this is not a facility's number and town. */
const MAX_SEARCH = 80;

export interface CorrectionArgs {
  kind: CorrectionKind;
  slug: string;
}

/** Arguments come back from storage as JSON: anything unexpected ends the flow. */
function readArgs(raw: unknown): CorrectionArgs | undefined {
  if (raw === null || typeof raw !== "object") return undefined;
  const { kind, slug } = raw as Record<string, unknown>;
  return (kind === "status" || kind === "move") && typeof slug === "string" ? { kind, slug } : undefined;
}

function isSourceUrl(text: string): boolean {
  if (!/^https?:\/\/\S+$/i.test(text)) return false;
  try {
    return ["http:", "https:"].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/**
 * `/setstatus <slug>` and `/move <slug>`: the new status or institution, the source link and since when, a summary to
 * confirm, then saved with a history row and an audit entry. The role is checked when the command runs (see
 * corrections.ts) and again, inside the saving transaction, when the organiser presses Save.
 */
export async function correctionFlow(conversation: Flow, ctx: FlowContext, rawArgs?: unknown): Promise<void> {
  const args = readArgs(rawArgs);
  if (!args || ctx.chat?.type !== "private") return;
  const token = await drawToken(conversation);
  const access = await guarded(conversation, (deps, outer) => correctionAccess(deps, actorOf(outer), args.slug, localeOf(outer)));
  if (access.kind !== "ok") return;
  const { target } = access;
  const change = args.kind === "status" ? await askStatus(conversation, ctx, token, target) : await askInstitution(conversation, ctx, token, target);
  if (!change) return;
  const sourceUrl = await askSource(conversation, ctx, token);
  if (!sourceUrl) return;
  const asOf = await askDate(conversation, ctx, token);
  if (!asOf) return;
  const summary =
    change.kind === "status"
      ? ctx.t("organisers-setstatus-confirm", {
          prisoner: escapeHtml(target.name),
          status: ctx.t(`organisers-prisoner-status-${change.status}`),
          asOf,
          source: escapeHtml(sourceUrl),
        })
      : ctx.t("organisers-move-confirm", {
          prisoner: escapeHtml(target.name),
          institution: escapeHtml(change.name ?? ctx.t("organisers-move-none")),
          asOf,
          source: escapeHtml(sourceUrl),
        });
  const confirmed = await confirm(conversation, ctx, token, summary);
  if (confirmed === null) return;
  const saved: CorrectionChange = change.kind === "status" ? change : { kind: "move", institution: change.institution };
  const correction = { target, change: saved, asOf, sourceUrl, pressMessageId: confirmed.pressed };
  const outcome = await guarded(conversation, (deps, outer) => saveCorrection(deps, actorOf(outer), correction));
  await ctx.reply(ctx.t(`organisers-correction-${outcome}`));
}

type StatusChoice = Extract<CorrectionChange, { kind: "status" }>;

async function askStatus(conversation: Flow, ctx: FlowContext, token: string, target: CorrectionTarget): Promise<StatusChoice | undefined> {
  const rows = [];
  for (let index = 0; index < PRISONER_STATUSES.length; index += 2) {
    rows.push(PRISONER_STATUSES.slice(index, index + 2).map((status) => [ctx.t(`organisers-prisoner-status-${status}`), "status", status] as const));
  }
  await ctx.reply(
    ctx.t("organisers-setstatus-current", {
      prisoner: escapeHtml(target.name),
      status: ctx.t(`organisers-prisoner-status-${target.status}`),
      asOf: escapeHtml(target.statusAsOf),
    }),
    { parse_mode: "HTML", reply_markup: kit.keyboard(token, rows) },
  );
  const input = await kit.waitButton(conversation, { token, actions: ["status"] }, "organisers-setstatus-press");
  const status = PRISONER_STATUSES.find((candidate): candidate is PrisonerStatus => candidate === input.arg);
  return status ? { kind: "status", status } : undefined;
}

type MoveChoice = { kind: "move"; institution: string | null; name: string | null };

async function askInstitution(conversation: Flow, ctx: FlowContext, token: string, target: CorrectionTarget): Promise<MoveChoice | undefined> {
  const institutions = await guarded(conversation, (deps) => institutionChoices(deps, target.system, target.institution));
  const current = institutions.find((institution) => institution.id === target.institution)?.name;
  const rows = institutions.map((institution) => [[institution.name, "place", institution.id] as const]);
  rows.push([[ctx.t("organisers-move-none"), "place", NO_INSTITUTION]]);
  await ctx.reply(
    ctx.t("organisers-move-current", { prisoner: escapeHtml(target.name), institution: escapeHtml(current ?? ctx.t("organisers-move-none")) }),
    { parse_mode: "HTML", reply_markup: kit.keyboard(token, rows) },
  );
  // A button (the directory's own institutions, or one found), or the facility's number and town to search polit-sake's.
  return kit.ask(conversation, { token, actions: ["place"] }, async (input): Promise<MoveChoice | typeof AGAIN> => {
    if (input.kind === "button") {
      if (input.arg === NO_INSTITUTION) return { kind: "move", institution: null, name: null };
      const chosen = await guarded(conversation, (deps) => institutionChoice(deps, target.system, input.arg));
      return chosen ? { kind: "move", institution: chosen.id, name: chosen.name } : AGAIN;
    }
    const query = input.kind === "text" ? input.text.trim() : "";
    if (query.length === 0 || query.length > MAX_SEARCH) {
      await input.ctx.reply(ctx.t("organisers-move-press"));
      return AGAIN;
    }
    const found = await guarded(conversation, (deps) => searchInstitutionChoices(deps, target.system, query));
    if (found.length === 0) {
      await input.ctx.reply(ctx.t("organisers-move-search-none", { query: escapeHtml(query) }), { parse_mode: "HTML" });
      return AGAIN;
    }
    const foundRows = found.map((institution) => [[institution.name.slice(0, 120), "place", institution.id] as const]);
    await input.ctx.reply(ctx.t("organisers-move-search-pick"), { reply_markup: kit.keyboard(token, foundRows) });
    return AGAIN;
  });
}

/** Asks for the source link; undefined after MAX_TRIES wrong answers (the flow then ends). */
async function askSource(conversation: Flow, ctx: FlowContext, token: string): Promise<string | undefined> {
  await ctx.reply(ctx.t("organisers-correction-ask-source"));
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const answer = await kit.waitTextOrButton(conversation, { token, actions: [] });
    const text = answer.kind === "text" ? answer.text.trim() : "";
    if (isSourceUrl(text)) return text;
    await answer.ctx.reply(ctx.t("organisers-correction-bad-source"));
  }
  await ctx.reply(ctx.t("organisers-correction-gave-up"));
  return undefined;
}

/** Asks since when the source says so: today's date by button, or a typed 2026 / 2026-02 / 2026-02-16 not in the future. */
async function askDate(conversation: Flow, ctx: FlowContext, token: string): Promise<string | undefined> {
  const today = (await guarded(conversation, (deps) => deps.clock.now().toISOString())).slice(0, 10);
  await ctx.reply(ctx.t("organisers-correction-ask-date"), {
    reply_markup: kit.keyboard(token, [[[ctx.t("organisers-correction-today", { date: today }), "today"]]]),
  });
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const answer = await kit.waitTextOrButton(conversation, { token, actions: ["today"] });
    if (answer.kind === "button") return today;
    const text = answer.kind === "text" ? answer.text.trim() : "";
    if (isPartialDate(text) && text <= today) return text;
    await answer.ctx.reply(ctx.t("organisers-correction-bad-date"));
  }
  await ctx.reply(ctx.t("organisers-correction-gave-up"));
  return undefined;
}

/**
 * Save with the summary message whose Save was pressed (`undefined` when the press has none), or null for Cancel: the
 * message keys the correction, so that press delivered again after a death (its refused answer no longer ends the
 * flow) saves nothing twice.
 */
async function confirm(conversation: Flow, ctx: FlowContext, token: string, summary: string): Promise<{ pressed: number | undefined } | null> {
  await ctx.reply(summary, {
    parse_mode: "HTML",
    reply_markup: kit.keyboard(token, [
      [
        [ctx.t("organisers-correction-save"), "save"],
        [ctx.t("organisers-correction-cancel"), "cancel"],
      ],
    ]),
  });
  const answer = await kit.waitButton(conversation, { token, actions: ["save", "cancel"] }, "organisers-correction-press-save");
  // Delivered again, the buttons are gone already: "not modified" is the screen being right.
  await answer.ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(ignoreNotModified);
  if (answer.action === "save") return { pressed: pressedMessageId(answer.ctx) };
  await ctx.reply(ctx.t("organisers-correction-cancelled"));
  return null;
}
