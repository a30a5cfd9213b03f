import type { Flow, FlowContext } from "../context.js";
import type { FlowButtons } from "./buttons.js";

/**
 * What a step of a flow receives. A step takes messages in the private chat (every kind, or text only) and only its
 * own flow's current buttons; anything else (an old button, another feature's button) falls through to the features
 * and fallbacks behind it.
 */
export type FlowInput =
  | { kind: "text"; ctx: FlowContext; text: string }
  | { kind: "button"; ctx: FlowContext; action: string; arg: string }
  | { kind: "media"; ctx: FlowContext }
  | { kind: "edited"; ctx: FlowContext };

export interface Step {
  /** The flow's buttons (their callback-data prefix). */
  buttons: FlowButtons;
  /** The flow's token, carried by its buttons. */
  token: string;
  /** Button actions this step accepts; others are stale and fall through. */
  actions: readonly string[];
  /**
   * Which messages reach the step: "all" (the default), "text" (stickers, photos, edits fall through), "new" (every
   * message but edits, which fall through), "none".
   */
  messages?: "all" | "text" | "new" | "none";
}

function accepts(ctx: FlowContext, step: Step): boolean {
  if (ctx.chat?.type !== "private") return false;
  const messages = step.messages ?? "all";
  if (ctx.message !== undefined || ctx.editedMessage !== undefined) {
    if (messages === "all") return true;
    if (messages === "new") return ctx.message !== undefined;
    return messages === "text" && ctx.message?.text !== undefined;
  }
  const parts = step.buttons.unpack(ctx.callbackQuery?.data);
  return parts !== undefined && parts[0] === step.token && step.actions.includes(parts[1] ?? "");
}

export async function waitInput(conversation: Flow, step: Step): Promise<FlowInput> {
  const ctx = await conversation.waitUntil((candidate) => accepts(candidate, step), { next: true });
  const parts = step.buttons.unpack(ctx.callbackQuery?.data);
  if (parts) {
    await ctx.answerCallbackQuery();
    return { kind: "button", ctx, action: parts[1] ?? "", arg: parts[2] ?? "" };
  }
  if (ctx.editedMessage) return { kind: "edited", ctx };
  const text = ctx.message?.text;
  return text === undefined ? { kind: "media", ctx } : { kind: "text", ctx, text };
}

/**
 * Waits for a step that reads text or its buttons. A photo, sticker, voice message or file sent instead is answered
 * with `flows-text-only` and forgotten (the flow rewinds to before the wait): left to fall through, it met the bot's
 * fallback, whose main menu leads out of the flow. Edits still fall through (the bot says an edit is not read).
 */
export function waitTextOrButton(conversation: Flow, step: Omit<Step, "messages">): Promise<FlowInput> {
  return waitOrHint(conversation, step, (input) => input.kind !== "media", "flows-text-only");
}

export type ButtonInput = Extract<FlowInput, { kind: "button" }>;

/**
 * Waits for a step that takes only its buttons (a choice, Save). Any message sent instead is answered with the
 * step's `hint` (a translation key saying what to press) and forgotten: left to fall through, a typed «released» was
 * searched as a name and a photo met the main menu, both leading out of the flow. Edits still fall through.
 */
export async function waitButton(conversation: Flow, step: Omit<Step, "messages">, hint: string): Promise<ButtonInput> {
  return (await waitOrHint(conversation, step, (input) => input.kind === "button", hint)) as ButtonInput;
}

/** A new message or a current button; what `keep` turns down is answered with `hint` and the flow rewinds to the wait. */
async function waitOrHint(conversation: Flow, step: Omit<Step, "messages">, keep: (input: FlowInput) => boolean, hint: string): Promise<FlowInput> {
  const top = conversation.checkpoint();
  const input = await waitInput(conversation, { ...step, messages: "new" });
  if (keep(input)) return input;
  await input.ctx.reply(input.ctx.t(hint));
  return conversation.rewind(top);
}

/** Returned by a step's handler when it answered the input (a hint, a note) and waits for the next one. */
export const AGAIN: unique symbol = Symbol("again");

/**
 * Waits until `handle` accepts an input. Inputs it turns down are answered by `handle` and then forgotten: the flow
 * rewinds to before the wait, so hints and retries never pile up in the stored replay log.
 */
export async function ask<T>(
  conversation: Flow,
  step: Step,
  handle: (input: FlowInput) => Promise<T | typeof AGAIN>,
): Promise<T> {
  const top = conversation.checkpoint();
  const input = await waitInput(conversation, step);
  const result = await handle(input);
  if (result === AGAIN) return conversation.rewind(top);
  return result;
}

/**
 * Ends the handling of an input the step has answered, forgetting it, when the step's wait was the only wait since
 * the step's checkpoint: the stored replay log stays as it was before this update (the step waiting), exactly what
 * `rewind(checkpoint)` leaves, without replaying the whole flow a second time to reach that wait again (issue 14).
 * This is the plugin's `skip` with `next: false`, so the update goes no further. After an answer that itself waited
 * (a confirmation), rewind to the checkpoint instead: the earlier input belongs to the log too.
 */
export function forgetAnswered(conversation: Flow): Promise<never> {
  return conversation.skip({ next: false });
}
