import { type FindingsSummary, summariseFindings } from "../../../../domain/letters/index.js";
import type { Flow, FlowContext } from "../../../context.js";
import { checkDraft } from "../../../../services/letters/letters.js";
import { renderCheckReport } from "../render/findings.js";
import { replyBlocks, tHtml } from "../render/text.js";
import { uncheckableTopics } from "../../../../domain/censorship/checklist.js";
import { AGAIN, ask, flowKeyboard } from "./input.js";
import { type FlowState, targetName } from "./state.js";

export type CheckOutcome = { kind: "edit" } | { kind: "stop" } | { kind: "keep"; summary: FindingsSummary };

/**
 * Runs the censorship check on the saved draft and shows every finding. The writer edits, stops for now (the draft
 * stays), or keeps the letter as it is; keeping a letter with findings that block it or put someone at risk takes a
 * second, explicit confirmation. Only counts per category reach the database (`findings_summary`), never excerpts.
 */
export async function checkStep(conversation: Flow, ctx: FlowContext, state: FlowState): Promise<CheckOutcome> {
  const { token, target } = state;
  const result = await conversation.external(async (outside) => {
    const checked = await checkDraft(ctx.deps, {
      writerId: state.writerId,
      slug: target.slug,
      recipient: target.recipient,
      status: target.status,
    });
    if (checked) {
      outside.logger.info(
        { findings: checked.findings.length, highest: checked.highestSeverity, characters: checked.stats.characters },
        "letter checked",
      );
    }
    return checked;
  });
  if (!result) return { kind: "edit" };
  const summary = summariseFindings(result.findings);
  const clean = result.findings.length === 0;
  const severe = result.highestSeverity === "block" || result.highestSeverity === "danger";
  // Honest presentation (issue 16): the check is not a guarantee, and a checklist covers what no program can see.
  const topics: [string, string] = [ctx.t("letter-check-button-topics"), "topics"];
  const keyboard = clean
    ? flowKeyboard(token, [
        [[ctx.t("letter-ui-button-continue-signature"), "keep"]],
        [[ctx.t("letter-ui-button-edit"), "edit"]],
        [topics],
      ])
    : flowKeyboard(token, [
        [[ctx.t("letter-ui-button-edit"), "edit"]],
        [[ctx.t("letter-ui-button-keep"), "keep"]],
        [[ctx.t("letter-ui-button-stop"), "stop"]],
        [topics],
      ]);
  await replyBlocks(ctx, [...renderCheckReport(ctx, result), tHtml(ctx, "letter-check-limits")], keyboard);

  const choice = await ask(conversation, { token, actions: ["edit", "keep", "stop", "topics"] }, async (input) => {
    if (input.kind === "button" && input.action === "topics") {
      const lines = uncheckableTopics(target.recipient.system, target.status).map((key) => ctx.t(key));
      await input.ctx.reply([ctx.t("letter-check-topics-title"), ...lines].join("\n"), { reply_markup: keyboard });
      return AGAIN;
    }
    if (input.kind === "button") return input.action as "edit" | "keep" | "stop";
    await input.ctx.reply(ctx.t("letter-ui-check-use-buttons"), { reply_markup: keyboard });
    return AGAIN;
  });
  if (choice === "stop") {
    await ctx.reply(ctx.t("letter-ui-stopped"));
    return { kind: "stop" };
  }
  if (choice === "edit") return { kind: "edit" };
  if (!severe) return { kind: "keep", summary };

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
  return confirmed ? { kind: "keep", summary } : { kind: "edit" };
}
