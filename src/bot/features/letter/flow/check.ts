import { type FindingsSummary, summariseFindings } from "../../../../domain/letters/index.js";
import { paragraphsHolding } from "../../../../domain/letters/paragraphs.js";
import type { Flow, FlowContext } from "../../../context.js";
import { checkDraft } from "../../../../services/letters/letters.js";
import { findingsScreen, MAX_LINES, renderCheckSummary, renderFindingWhy } from "../render/findings.js";
import { replyBlocks, SCREEN_BUDGET, tHtml } from "../render/text.js";
import { uncheckableTopics } from "../../../../domain/censorship/checklist.js";
import { AGAIN, ask, flowKeyboard } from "./input.js";
import { handleParagraphButton, PARAGRAPH_ACTIONS, paragraphArg } from "./paragraphs.js";
import { type FlowState, targetName } from "./state.js";
import { type CheckedDraft, handedOver } from "./hand-over.js";
import type { ServiceDeps } from "../../../../services/deps.js";
import type { Logger } from "../../../../logger.js";
import type { CheckResult } from "../../../../domain/censorship/index.js";

/**
 * "edit": back to the writing screen; "edited": a paragraph was changed from here, and the paragraph list it answered
 * with (its own "Done" included) is the writing stage's screen; "again": "Done" pressed here, the draft checked anew.
 */
export type CheckOutcome =
  | { kind: "edit" }
  | { kind: "edited" }
  | { kind: "again" }
  | { kind: "stop" }
  | { kind: "keep"; summary: FindingsSummary; clean: boolean };

type Choice = "edit" | "edited" | "again" | "keep" | "stop";

/** The checklist of what no program can see (issue 16), for the check's and the signature's "🗒" button. */
export async function replyUncheckable(ctx: FlowContext, state: FlowState, keyboard: Parameters<typeof replyBlocks>[2]): Promise<void> {
  const lines = uncheckableTopics(state.target.recipient.system, state.target.status).map((key) => ctx.t(key));
  await ctx.reply([ctx.t("letter-check-topics-title"), ...lines].join("\n"), { reply_markup: keyboard });
}

/**
 * The censorship check of the saved draft, logged with its counts only (never its text); null when the draft is
 * empty. Read inside the conversation's `external`, or by the writing stage before the conversation (../stage-steps.ts).
 */
export async function checkSavedDraft(deps: ServiceDeps, logger: Logger, state: FlowState): Promise<CheckedDraft | null> {
  return loggedCheck(logger, await checkDraft(deps, draftOf(state)));
}

/** Whose draft to whom, and the recipient's facts the check takes. */
export function draftOf(state: FlowState): Parameters<typeof checkDraft>[1] {
  return { writerId: state.writerId, slug: state.target.slug, recipient: state.target.recipient, status: state.target.status };
}

/** A check of the draft, logged with its counts only (never its text), with the paragraph each line's group is in. */
export function loggedCheck(logger: Logger, checkedDraft: Awaited<ReturnType<typeof checkDraft>>): CheckedDraft | null {
  if (!checkedDraft) return null;
  const { text, result } = checkedDraft;
  logger.info({ findings: result.findings.length, highest: result.highestSeverity, characters: result.stats.characters }, "letter checked");
  const checked = checkedOf(result);
  if (checked.screen.shown.length === 0) return { ...checked, anchors: [] };
  const { paragraphs, indexes } = paragraphsHolding(text, checked.screen.shown.map((group) => group.first.start));
  return { ...checked, anchors: indexes.map((index) => paragraphArg(paragraphs, index)) };
}

function checkedOf(result: CheckResult): Omit<CheckedDraft, "anchors"> {
  return { stats: result.stats, summary: summariseFindings(result.findings), screen: findingsScreen(result) };
}

/**
 * The check as a flow's replay log holds it: a log written before the flow kept only the screen (issue 14, thirteenth
 * round) holds the check's result and an anchor for every group, and replays as the same screen.
 */
function checkedOfLog(logged: CheckedDraft | { result: CheckResult; anchors: string[] } | null): CheckedDraft | null {
  if (logged === null || !("result" in logged)) return logged;
  return { ...checkedOf(logged.result), anchors: logged.anchors.slice(0, MAX_LINES) };
}

/** Someone not in the list: the check cannot vouch for the name and facility the writer typed. */
function uncheckedNote(ctx: FlowContext, state: FlowState): string[] {
  return state.target.recipient.unchecked ? [tHtml(ctx, "suggest-check-unchecked")] : [];
}

/** A clean check says so in one line, with what no program can see (issue 16: even a clean check is no guarantee). */
export async function replyCleanCheck(ctx: FlowContext, state: FlowState, summary: FindingsSummary): Promise<CheckOutcome & { kind: "keep" }> {
  await ctx.reply([tHtml(ctx, "letter-ui-check-clean"), tHtml(ctx, "letter-check-limits"), ...uncheckedNote(ctx, state)].join("\n\n"), { parse_mode: "HTML" });
  return { kind: "keep", summary, clean: true };
}

/**
 * "Done" runs the censorship check on the saved draft. A clean letter says so in one line and moves on to signing
 * (issue 15: no extra confirmation). Findings come one line each, with a "why?" button per line and a button to edit
 * the paragraph a finding is in; the writer edits, stops for now (the draft stays), or keeps the letter as it is,
 * which takes a second, explicit yes when anything blocks it or puts someone at risk. Only counts per category reach
 * the database (`findings_summary`), never excerpts.
 */
export async function checkStep(conversation: Flow, ctx: FlowContext, state: FlowState): Promise<CheckOutcome> {
  const { token } = state;
  // The writing stage checked this draft already when it hands over a check with findings (./hand-over.ts).
  const checked = await conversation.external({
    task: (outside) => handedOver(outside)?.checked ?? checkSavedDraft(outside.deps, outside.logger, state),
    afterLoad: checkedOfLog,
  });
  if (!checked) return { kind: "edit" };
  const { screen, anchors, summary } = checked;
  if (screen.findings === 0) return replyCleanCheck(ctx, state, summary);
  const unchecked = uncheckedNote(ctx, state);
  const severe = screen.highestSeverity === "block" || screen.highestSeverity === "danger";
  const { shown } = screen;
  const whyButtons = shown.map((_, index): [string, string, string] => [ctx.t("letter-screens-button-why", { number: index + 1 }), "why", String(index)]);
  const paragraphs = [...new Set(anchors)];
  const editButtons = paragraphs.map((arg): [string, string, string] => [
    ctx.t("letter-screens-button-edit-paragraph", { number: Number(arg.split(".")[0]) + 1 }),
    "para",
    arg,
  ]);
  const rows = (buttons: [string, string, string][], size: number) =>
    Array.from({ length: Math.ceil(buttons.length / size) }, (_, index) => buttons.slice(index * size, index * size + size));
  const keyboard = flowKeyboard(token, [
    ...rows(whyButtons, 3),
    ...rows(editButtons, 2),
    [[ctx.t("letter-ui-button-edit"), "edit"]],
    [
      [ctx.t("letter-ui-button-keep"), "keep"],
      [ctx.t("letter-ui-button-stop"), "stop"],
    ],
    [[ctx.t("letter-check-button-topics"), "topics"]],
  ]);
  await replyBlocks(ctx, [...unchecked, ...renderCheckSummary(ctx, screen)], keyboard, SCREEN_BUDGET);

  const actions = ["edit", "keep", "stop", "topics", "why", "done", ...PARAGRAPH_ACTIONS];
  const choice = await ask(conversation, { token, actions }, async (input): Promise<Choice | typeof AGAIN> => {
    if (input.kind !== "button") {
      await input.ctx.reply(ctx.t("letter-ui-check-use-buttons"), { reply_markup: keyboard });
      return AGAIN;
    }
    if (input.action === "topics") {
      await replyUncheckable(input.ctx, state, keyboard);
      return AGAIN;
    }
    if (input.action === "why") {
      const index = Number(input.arg);
      const group = Number.isInteger(index) ? shown[index] : undefined;
      // Data no button of this check carries (forged): answered as out of date, nothing else happens.
      if (!group) await input.ctx.reply(ctx.t("letter-ui-stale-button"));
      else await input.ctx.reply(renderFindingWhy(ctx, screen, group, index + 1), { parse_mode: "HTML", reply_markup: keyboard });
      return AGAIN;
    }
    // "Edit this paragraph" (and the paragraph list's own buttons): once the draft changed, back to the writing stage
    // with the list the edit answered with as its screen, as after an edit from the writing screen; sending the writing
    // screen too showed two "Done" keyboards for one action. The list's "Done" does what it says: checks again.
    if ((PARAGRAPH_ACTIONS as readonly string[]).includes(input.action)) {
      return (await handleParagraphButton(conversation, ctx, state, input)) ? "edited" : AGAIN;
    }
    if (input.action === "done") return "again";
    return input.action as Choice;
  });
  if (choice === "stop") {
    await ctx.reply(ctx.t("letter-ui-stopped"));
    return { kind: "stop" };
  }
  if (choice === "edit" || choice === "edited" || choice === "again") return { kind: choice };
  if (!severe) return { kind: "keep", summary, clean: false };

  await ctx.reply(ctx.t("letter-ui-keep-confirm", { name: targetName(ctx, state) }), {
    reply_markup: flowKeyboard(token, [
      [[ctx.t("letter-ui-button-keep-yes"), "keep-yes"]],
      [[ctx.t("letter-ui-button-keep-no"), "keep-no"]],
    ]),
  });
  const confirmed = await ask(conversation, { token, actions: ["keep-yes", "keep-no"] }, async (input) => {
    if (input.kind === "button") return input.action === "keep-yes";
    await input.ctx.reply(ctx.t("letter-ui-use-buttons"));
    return AGAIN;
  });
  return confirmed ? { kind: "keep", summary, clean: false } : { kind: "edit" };
}
