import { InlineKeyboard } from "grammy";
import { callbackData } from "../../telegram/callback-data.js";

/**
 * The buttons of one flow: `<prefix>:<token>:<action>:<arg>`. The token is drawn when the flow starts, so a button of
 * an earlier flow (or of a flow that ended) never acts on the current one.
 */
export type FlowButtons = ReturnType<typeof callbackData>;

export function flowButtons(prefix: string): FlowButtons {
  return callbackData(prefix, 3);
}

/** A keyboard of flow buttons: rows of [label, action, arg]. */
export function flowKeyboard(
  buttons: FlowButtons,
  token: string,
  rows: readonly (readonly [string, string, string?])[][],
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  rows.forEach((row, index) => {
    if (index > 0) keyboard.row();
    for (const [label, action, arg] of row) keyboard.text(label, buttons.pack(token, action, arg ?? "-"));
  });
  return keyboard;
}
