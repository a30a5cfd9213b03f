import { draftStats, splitForTelegram } from "../../../../domain/letters/index.js";
import { cutPieceOf } from "../../../../services/letters/client-cut.js";
import { lastParagraphWritten, type ParagraphEdit, paragraphMatching, paragraphPreview, paragraphsOf, paragraphTag } from "../../../../domain/letters/paragraphs.js";
import { changeParagraph } from "../../../../services/letters/paragraphs.js";
import { readDraftText } from "../../../../services/letters/letters.js";
import type { Flow, FlowContext } from "../../../context.js";
import { escapeHtml } from "../../../../telegram/html.js";
import { bold, tHtml } from "../render/text.js";
import { AGAIN, ask, type FlowInput, flowKeyboard } from "./input.js";
import { type FlowState, statsLine, writingKeyboard } from "./state.js";

/** Paragraph buttons: `para` opens one, `pdel`/`pup`/`pdown` act at once; the argument is `<number>.<tag>`. */
export const PARAGRAPH_ACTIONS = ["para", "pdel", "pup", "pdown", "pall", "ppage"] as const;
const PAGE = 10;
/** The list's lines share what is left of the screen budget: a long letter shows shorter previews. */
const LIST_BUDGET = 560;

/** A paragraph button's argument: the paragraph's number in the draft's `paragraphs` with its tag. */
export function paragraphArg(paragraphs: readonly string[], index: number): string {
  return `${index}.${paragraphTag(paragraphs[index] ?? "")}`;
}

function parseArg(arg: string): { index: number; tag: string } | undefined {
  const match = /^(\d{1,3})\.([0-9a-z]{4})$/u.exec(arg);
  return match ? { index: Number(match[1]), tag: match[2] as string } : undefined;
}

async function draftText(conversation: Flow, ctx: FlowContext, state: FlowState): Promise<string> {
  return (await conversation.external(() => readDraftText(ctx.deps, state.writerId, state.target.slug))) ?? "";
}

/**
 * The draft as numbered paragraphs, ten a page, each a short preview: a number opens the paragraph to edit, delete
 * or move it; "the whole text" sends it plain for copying.
 */
export async function showParagraphs(conversation: Flow, ctx: FlowContext, state: FlowState, page = 0): Promise<void> {
  const text = await draftText(conversation, ctx, state);
  const paragraphs = paragraphsOf(text);
  if (paragraphs.length === 0) {
    await ctx.reply(ctx.t("letter-ui-draft-still-empty"), { reply_markup: writingKeyboard(ctx, state) });
    return;
  }
  const pages = Math.ceil(paragraphs.length / PAGE);
  const current = Math.min(Math.max(page, 0), pages - 1);
  const shown = paragraphs.slice(current * PAGE, current * PAGE + PAGE);
  const width = Math.max(24, Math.floor(LIST_BUDGET / shown.length) - 6);
  const lines = shown.map((paragraph, offset) => `${current * PAGE + offset + 1}. ${escapeHtml(paragraphPreview(paragraph, width))}`);
  const numbers = shown.map((_, offset): [string, string, string] => {
    const index = current * PAGE + offset;
    return [String(index + 1), "para", paragraphArg(paragraphs, index)];
  });
  const rows: [string, string, string?][][] = [numbers.slice(0, 5), numbers.slice(5)].filter((row) => row.length > 0);
  if (pages > 1) {
    const nav: [string, string, string][] = [];
    if (current > 0) nav.push(["‹", "ppage", String(current - 1)]);
    if (current < pages - 1) nav.push(["›", "ppage", String(current + 1)]);
    rows.push(nav);
  }
  rows.push([[ctx.t("letter-screens-button-whole-text"), "pall"]], [[ctx.t("letter-ui-button-done"), "done"]]);
  const header = bold(tHtml(ctx, "letter-screens-paragraphs-title", { count: paragraphs.length, stats: statsLine(ctx, draftStats(text)) }));
  await ctx.reply([header, lines.join("\n"), tHtml(ctx, "letter-screens-paragraphs-hint")].join("\n\n"), {
    parse_mode: "HTML",
    reply_markup: flowKeyboard(state.token, rows),
  });
}

/** The whole draft as plain messages (nothing to escape, copies cleanly), split at Telegram's limit. */
export async function showWholeDraft(conversation: Flow, ctx: FlowContext, state: FlowState): Promise<void> {
  const text = await draftText(conversation, ctx, state);
  if (!text.trim()) {
    await ctx.reply(ctx.t("letter-ui-draft-still-empty"), { reply_markup: writingKeyboard(ctx, state) });
    return;
  }
  for (const piece of splitForTelegram(text)) await ctx.reply(piece);
  await ctx.reply(ctx.t("letter-ui-draft-shown", { stats: statsLine(ctx, draftStats(text)) }), { reply_markup: writingKeyboard(ctx, state) });
}

/**
 * A paragraph button of the writing step or of the check. `para` shows the paragraph and waits for its new text (or
 * another paragraph button); the others act at once. A button whose paragraph changed since says so and shows the
 * paragraphs again. Returns true when the draft changed.
 */
export async function handleParagraphButton(
  conversation: Flow,
  ctx: FlowContext,
  state: FlowState,
  input: Extract<FlowInput, { kind: "button" }>,
): Promise<boolean> {
  if (input.action === "pall") {
    await showWholeDraft(conversation, input.ctx, state);
    return false;
  }
  if (input.action === "ppage") {
    await showParagraphs(conversation, input.ctx, state, Number(input.arg) || 0);
    return false;
  }
  const target = parseArg(input.arg);
  if (!target) {
    await input.ctx.reply(ctx.t("letter-screens-paragraph-changed"));
    await showParagraphs(conversation, input.ctx, state);
    return false;
  }
  if (input.action === "para") return editOneParagraph(conversation, input.ctx, state, target);
  const edit: ParagraphEdit =
    input.action === "pdel"
      ? { kind: "delete", index: target.index }
      : { kind: "move", index: target.index, by: input.action === "pup" ? -1 : 1 };
  return (await applyEdit(conversation, input.ctx, state, target.tag, edit)) === "changed";
}

/** "too-long": refused as passing the letter's limit (a paste's later pieces are refused with it); "other": not applied. */
type EditResult = "changed" | "too-long" | "other";

async function applyEdit(conversation: Flow, ctx: FlowContext, state: FlowState, tag: string, edit: ParagraphEdit): Promise<EditResult> {
  const outcome = await conversation.external(() =>
    changeParagraph(ctx.deps, { writerId: state.writerId, slug: state.target.slug, tag, edit }),
  );
  if (!outcome.ok) {
    const key =
      outcome.reason === "too-long"
        ? "letter-screens-paragraph-too-long"
        : outcome.reason === "empty"
          ? "letter-draft-empty"
          : outcome.reason === "no-paragraph"
            ? "letter-screens-paragraph-cannot-move"
            : "letter-screens-paragraph-changed";
    await ctx.reply(outcome.reason === "too-long" ? ctx.t(key, { characters: outcome.characters, limit: outcome.limit }) : ctx.t(key));
    await showParagraphs(conversation, ctx, state, Math.floor(edit.index / PAGE));
    return outcome.reason === "too-long" ? "too-long" : "other";
  }
  const done = edit.kind === "delete" ? "letter-screens-paragraph-deleted" : edit.kind === "move" ? "letter-screens-paragraph-moved" : "letter-screens-paragraph-replaced";
  await ctx.reply(ctx.t(done, { number: edit.index + 1 }));
  const page = edit.kind === "move" ? edit.index + edit.by : edit.index;
  await showParagraphs(conversation, ctx, state, Math.floor(Math.max(page, 0) / PAGE));
  return "changed";
}

/** One paragraph: its text to copy, then the buttons; the next message replaces it. */
async function editOneParagraph(conversation: Flow, ctx: FlowContext, state: FlowState, target: { index: number; tag: string }): Promise<boolean> {
  const text = await draftText(conversation, ctx, state);
  const paragraph = paragraphMatching(text, target.index, target.tag);
  if (paragraph === undefined) {
    await ctx.reply(ctx.t("letter-screens-paragraph-changed"));
    await showParagraphs(conversation, ctx, state);
    return false;
  }
  const count = paragraphsOf(text).length;
  const arg = `${target.index}.${target.tag}`;
  for (const piece of splitForTelegram(paragraph)) await ctx.reply(piece);
  const moves: [string, string, string][] = [];
  if (target.index > 0) moves.push([ctx.t("letter-screens-button-up"), "pup", arg]);
  if (target.index < count - 1) moves.push([ctx.t("letter-screens-button-down"), "pdown", arg]);
  await ctx.reply(tHtml(ctx, "letter-screens-paragraph-edit", { number: target.index + 1, count }), {
    parse_mode: "HTML",
    reply_markup: flowKeyboard(state.token, [
      [[ctx.t("letter-screens-button-delete"), "pdel", arg]],
      ...(moves.length > 0 ? [moves] : []),
      [[ctx.t("letter-screens-button-back"), "pback"]],
    ]),
  });
  return ask(conversation, { token: state.token, actions: ["pdel", "pup", "pdown", "pback"] }, async (answer) => {
    if (answer.kind === "button" && answer.action === "pback") {
      await showParagraphs(conversation, answer.ctx, state, Math.floor(target.index / PAGE));
      return false;
    }
    if (answer.kind === "button") return handleParagraphButton(conversation, ctx, state, answer);
    if (answer.kind !== "text") {
      await answer.ctx.reply(ctx.t(answer.kind === "edited" ? "letter-ui-writing-edited" : "letter-ui-text-only"));
      return AGAIN;
    }
    const edit = { kind: "replace" as const, index: target.index, text: answer.text };
    const result = await applyEdit(conversation, answer.ctx, state, target.tag, edit);
    // The rest of a paste Telegram split into several messages follows this one, or is refused with it (../paste-rest.ts).
    const date = answer.ctx.message?.date;
    const written = result === "changed" ? lastParagraphWritten(edit) : undefined;
    if (date !== undefined && written) state.replaced = { ...written, date };
    // …and where the client cut it inside a paragraph, the rest goes on that paragraph (../cut-rest.ts).
    const piece = written && answer.ctx.message ? cutPieceOf(answer.text, answer.ctx.message) : undefined;
    if (piece) state.cut = piece;
    // Not saved (too long, or the paragraph changed meanwhile): the rest of the same paste must not land at the end.
    if (date !== undefined && result !== "changed") state.replaced = { index: target.index, tag: target.tag, date, refused: true };
    return result === "changed";
  });
}
