import { warningKey } from "../../../../domain/directory/text-keys.js";
import { briefGuidance, formalRussianName, guidanceFor, MAX_LETTER_CHARACTERS, planDelivery } from "../../../../domain/letters/index.js";
import type { Flow, FlowContext } from "../../../context.js";
import type { Guard } from "../../../flows/index.js";
import { bold, replyBlocks, SCREEN_BUDGET, tHtml, tText } from "../render/text.js";
import { escapeHtml } from "../../../../telegram/html.js";
import { type FlowInput, flowKeyboard } from "./input.js";
import { type FlowState, type TitleSource, titleArgs, withEditorButton } from "./state.js";
import { RememberedTexts } from "../render/remembered.js";
import { localeOf } from "../../../locale.js";
import type { Locale } from "../../../../config.js";
import type { CustodyStatus, PrisonSystem } from "../../../../domain/letters/types.js";
import type { WriteWarning } from "../../../../domain/directory/write-decision.js";
import { parkInStage, stageRecord } from "./writing.js";
import { readDraftText } from "../../../../services/letters/letters.js";
import { handedOver } from "./hand-over.js";

/** After a button of the opening screen: the constructor, the check (the editor's "Check and sign"), or the same screen. */
export type OpeningChoice = "starter" | "done" | "opening";

/** The opening screen's buttons: help me begin (the constructor), more guidance, and the editor Mini App's check. */
export const OPENING_ACTIONS = ["starter", "more", "done"] as const;

/**
 * Before a new letter, one short screen (issue 15): whom it is for (declined: «Лист Борисові Кагарлицькому»), the
 * Russian form of the name, where they are held, the directory's cautions, and the guidance folded to three lines the
 * first time or one line for a writer who has finished a letter before. Typing starts the letter; "more" shows the
 * points that apply to this prison system and these routes; "help me begin" opens the constructor. The screen is a
 * stage of its own (issue 14, docs/letter-flow-stages.md): the conversation ends here, the first message is handled
 * by the stage's middleware (../opening-stage.ts) and the buttons enter the conversation again (`openingButton`).
 */
export async function guidanceStep(guard: Guard, ctx: FlowContext, state: FlowState): Promise<void> {
  const facts = openingFacts(ctx, state);
  // The same person and locale give the same text: it is made once, not at every step 1 (issue 14).
  const blocks = openingTexts.about(state.target.recipient, JSON.stringify(facts), () => openingBlocks(ctx, facts));
  await replyBlocks(ctx, blocks, openingKeyboard(ctx, state));
  await parkOnOpeningScreen(guard, state);
}

/** Everything the opening screen's text is made of, and nothing else: its JSON is the key of the remembered text. */
interface OpeningFacts extends TitleSource {
  locale: Locale;
  returning: boolean;
  russianName: string;
  recipient: { system: PrisonSystem; status: CustodyStatus };
  institution: { name: string; region: string } | null;
  warnings: readonly WriteWarning[];
}

function openingFacts(ctx: FlowContext, state: FlowState): OpeningFacts {
  const { names, gender, recipient, institution, warnings } = state.target;
  return {
    locale: localeOf(ctx),
    returning: state.returning === true,
    target: { names, gender },
    russianName: formalRussianName(recipient),
    recipient: { system: recipient.system, status: recipient.status },
    institution: institution ? { name: institution.name, region: institution.region } : null,
    warnings,
  };
}

const openingTexts = new RememberedTexts<readonly string[]>();

function openingBlocks(ctx: FlowContext, facts: OpeningFacts): string[] {
  const header = [bold(tHtml(ctx, "letter-ui-writing-title", titleArgs(ctx, facts)))];
  header.push(tHtml(ctx, "letter-ui-guidance-russian-name", { name: facts.russianName }, ["name"]));
  if (facts.institution) header.push(tHtml(ctx, "letter-ui-guidance-where", facts.institution));
  const warnings = facts.warnings.map((warning) => `⚠️ ${escapeHtml(ctx.t(warningKey(warning)))}`);
  const brief = briefGuidance(facts.recipient, facts.returning).map((point) => `• ${escapeHtml(tText(ctx, point))}`);
  return [
    header.join("\n"),
    ...(warnings.length > 0 ? [warnings.join("\n")] : []),
    brief.join("\n"),
    tHtml(ctx, "letter-screens-start-hint", { limit: MAX_LETTER_CHARACTERS }),
  ];
}

const openingLabels = new RememberedTexts<readonly [string, string]>();

/** The opening screen's buttons (and, with WEBAPP_URL set, the editor Mini App's). */
export function openingKeyboard(ctx: FlowContext, state: Pick<FlowState, "token" | "target">) {
  const [starter, more] = openingLabels.get(localeOf(ctx), () => [ctx.t("letter-ui-button-starter"), ctx.t("letter-screens-button-more")]);
  return withEditorButton(ctx, state, flowKeyboard(state.token, [[[starter, "starter"]], [[more, "more"]]]));
}

/** Records the opening screen's stage: its token, whose letter, and the recipient's names for the writing screen. */
export async function parkOnOpeningScreen(guard: Guard, state: FlowState): Promise<void> {
  const { names, gender } = state.target;
  const opening = { names, gender, ...(state.target.recipient.unchecked ? { unchecked: true as const } : {}), ...(state.opening ? { occasion: state.opening } : {}) };
  await parkInStage(guard, state.writerId, stageRecord(state, { opening }));
}

/**
 * A button of the opening screen handed over by its stage (the flow is entered with the stage, this update being the
 * press): "more" and an empty "Check and sign" are answered and the screen stays; "help me begin" and a saved
 * draft's "Check and sign" lead on.
 */
export async function openingButton(
  conversation: Flow,
  ctx: FlowContext,
  state: FlowState,
  input: Extract<FlowInput, { kind: "button" }>,
): Promise<OpeningChoice> {
  if (input.action === "done") {
    // The opening stage hands "done" over only after checking a saved draft (../stage-steps.ts, ./hand-over.ts).
    const saved = await conversation.external(
      async (outer) => handedOver(outer)?.checked !== undefined || Boolean((await readDraftText(ctx.deps, state.writerId, state.target.slug))?.trim()),
    );
    if (saved) return "done";
    await ctx.reply(ctx.t("letter-ui-done-empty"), { reply_markup: openingKeyboard(ctx, state) });
    return "opening";
  }
  if (input.action === "more") {
    await replyBlocks(ctx, guidanceDetails(ctx, state), openingKeyboard(ctx, state), SCREEN_BUDGET);
    return "opening";
  }
  return "starter";
}

/** The full guidance for this prison system, status and the routes this person can be reached by. */
function guidanceDetails(ctx: FlowContext, state: FlowState): string[] {
  const { recipient } = state.target;
  const routes = planDelivery(recipient, { organiserRelay: state.target.organiserRelay }).options.map((option) => option.route);
  const points = guidanceFor(recipient, { routes }).map((point) => `• ${escapeHtml(tText(ctx, point))}`);
  return [bold(tHtml(ctx, "letter-ui-guidance-before")), ...points];
}
