import { warningKey } from "../../../../domain/directory/text-keys.js";
import { formalRussianName, guidanceFor } from "../../../../domain/letters/index.js";
import type { Flow, FlowContext } from "../../../context.js";
import { bold, replyBlocks, tHtml, tText } from "../render/text.js";
import { escapeHtml } from "../../../../telegram/html.js";
import { AGAIN, ask, flowKeyboard } from "./input.js";
import { type FlowState, saveText, targetName } from "./state.js";

/** `typed`: the writer skipped the buttons and sent the first part of the letter, which is saved already. */
export type GuidanceChoice = "write" | "starter" | "typed";

/**
 * Before a new letter: who it is for, where they are held, the directory's cautions and the guidance for this
 * prison system, most important first. The writer then writes alone or with the constructor; typing straight away
 * is understood as the first part of the letter.
 */
export async function guidanceStep(conversation: Flow, ctx: FlowContext, state: FlowState): Promise<GuidanceChoice> {
  const { target } = state;
  const header = [bold(tHtml(ctx, "letter-ui-guidance-title", { name: targetName(ctx, state) }))];
  header.push(tHtml(ctx, "letter-ui-guidance-russian-name", { name: formalRussianName(target.recipient) }, ["name"]));
  if (target.institution) {
    header.push(tHtml(ctx, "letter-ui-guidance-where", target.institution));
  }
  const warnings = target.warnings.map((warning) => `⚠️ ${escapeHtml(ctx.t(warningKey(warning)))}`);
  const points = guidanceFor(target.recipient).map((point) => `• ${escapeHtml(tText(ctx, point))}`);
  const blocks = [
    header.join("\n"),
    ...(warnings.length > 0 ? [warnings.join("\n")] : []),
    [bold(tHtml(ctx, "letter-ui-guidance-before")), ...points].join("\n"),
    tHtml(ctx, "letter-ui-guidance-start-hint"),
  ];
  const keyboard = flowKeyboard(state.token, [
    [[ctx.t("letter-ui-button-write-myself"), "write"]],
    [[ctx.t("letter-ui-button-starter"), "starter"]],
  ]);
  await replyBlocks(ctx, blocks, keyboard);
  return ask(conversation, { token: state.token, actions: ["write", "starter"] }, async (input) => {
    if (input.kind === "button") return input.action === "starter" ? "starter" : "write";
    if (input.kind === "text") return (await saveText(conversation, input.ctx, state, input.text, "append")) ? "typed" : AGAIN;
    await input.ctx.reply(ctx.t(input.kind === "edited" ? "letter-ui-writing-edited" : "letter-ui-text-only"));
    return AGAIN;
  });
}
