/**
 * The conversation kit every flow is built on (docs/contributing.md, "A flow"):
 * - a per-flow token (`drawToken`) carried by every button of the flow (`flowButtons`, `flowKeyboard`), so a button
 *   of an earlier flow never acts on the current one;
 * - `waitInput`/`ask`: wait for the current step's input only, and rewind after an answer the step turned down, so
 *   hints and retries never pile up in the stored replay log; `waitTextOrButton` for a step that reads text, which
 *   answers a photo or sticker sent instead with a hint, and `waitButton` for a step that takes only buttons, which
 *   answers any message with the step's hint of what to press; `forgetAnswered` does the same for an answer that
 *   waited for nothing more, without replaying the flow again;
 * - `guarded`: every database call in `conversation.external`, with the outer update's dependencies;
 * - `pressedMessage`/`pressedMessageId`: the message whose button was pressed, `undefined` when the press has none,
 *   to key an action done once per press;
 * - `flowVersionGuard`: a stored flow of an older `FLOW_VERSION` is dropped with a translated answer.
 */
import type { Flow } from "../context.js";
import { type FlowButtons, flowKeyboard } from "./buttons.js";
import { ask, type ButtonInput, type FlowInput, type Step, waitButton, waitInput, waitTextOrButton } from "./input.js";

export { flowButtons } from "./buttons.js";
export { AGAIN, type FlowInput, forgetAnswered } from "./input.js";
export { drawToken, freshToken } from "./token.js";
export { directly, type Guard, guarded, guardOf } from "./guarded.js";
export { pressedMessage, pressedMessageId } from "./pressed.js";

type BoundStep = Omit<Step, "buttons">;

/** The kit bound to one flow's buttons, so its steps name only their token and actions. */
export function flowKit(buttons: FlowButtons) {
  return {
    buttons,
    keyboard: (token: string, rows: Parameters<typeof flowKeyboard>[2]) => flowKeyboard(buttons, token, rows),
    waitInput: (conversation: Flow, step: BoundStep): Promise<FlowInput> => waitInput(conversation, { buttons, ...step }),
    waitTextOrButton: (conversation: Flow, step: Omit<BoundStep, "messages">): Promise<FlowInput> =>
      waitTextOrButton(conversation, { buttons, ...step }),
    waitButton: (conversation: Flow, step: Omit<BoundStep, "messages">, hint: string): Promise<ButtonInput> =>
      waitButton(conversation, { buttons, ...step }, hint),
    ask: <T>(conversation: Flow, step: BoundStep, handle: Parameters<typeof ask<T>>[2]): Promise<T> =>
      ask(conversation, { buttons, ...step }, handle),
  };
}
