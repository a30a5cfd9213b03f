import { Buffer } from "node:buffer";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import { badRequest, notEmulated } from "./api-error.js";
import { isRecord, type Params, readJson } from "./params.js";
import { checkLink } from "./text/links.js";

export const MAX_CALLBACK_DATA_BYTES = 64;

const ACTIONS = [
  "url", "callback_data", "web_app", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat", "copy_text", "callback_game", "pay", "disabled",
] as const;
type Action = (typeof ACTIONS)[number];
const STYLES = new Set(["danger", "success", "primary"]);
const KEYBOARD_FLAGS = ["resize_keyboard", "one_time_keyboard", "is_persistent", "selective"] as const;

/** What a send method's `reply_markup` amounts to: only inline keyboards are echoed back in the message. */
export type ReplyMarkup = { readonly kind: "inline"; readonly markup: InlineKeyboardMarkup } | { readonly kind: "other" };

export function readReplyMarkup(params: Params): ReplyMarkup | undefined {
  const value = readJson(params, "reply_markup", "reply keyboard markup");
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw badRequest("object expected as reply markup");
  if ("inline_keyboard" in value) return { kind: "inline", markup: { inline_keyboard: inlineKeyboard(value.inline_keyboard) } };
  if ("keyboard" in value) {
    validateReplyKeyboard(value);
    return { kind: "other" };
  }
  for (const flag of ["remove_keyboard", "force_reply"] as const) {
    if (flag in value && typeof value[flag] !== "boolean") throw badRequest(`field "${flag}" must be of type Boolean`);
  }
  return { kind: "other" };
}

/** Edit methods only attach inline keyboards. */
export function readInlineMarkupForEdit(params: Params): InlineKeyboardMarkup | undefined {
  const markup = readReplyMarkup(params);
  if (markup === undefined) return undefined;
  if (markup.kind !== "inline") throw notEmulated("only an inline keyboard can be attached when editing a message");
  return markup.markup;
}

function inlineKeyboard(rows: unknown): InlineKeyboardButton[][] {
  if (!Array.isArray(rows)) throw badRequest('field "inline_keyboard" must be of type Array');
  return rows.map((row) => {
    if (!Array.isArray(row)) throw buttonError("field \"inline_keyboard\" must be an Array of Arrays");
    return row.map(inlineButton);
  });
}

/** Returns the button with its fields in a fixed order, so that "not modified" comparisons are exact. */
function inlineButton(value: unknown): InlineKeyboardButton {
  if (!isRecord(value)) throw buttonError("InlineKeyboardButton must be an Object");
  if (!("text" in value)) throw buttonError('Can\'t find field "text"');
  if (typeof value.text !== "string") throw buttonError('Field "text" must be of type String');
  // Telegram's description for an empty label is not known; BUTTON_TEXT_INVALID is the MTProto error for it.
  if (value.text.trim() === "") throw badRequest("BUTTON_TEXT_INVALID");
  const actions = ACTIONS.filter((action) => isPresentAction(action, value[action]));
  const action = actions[0];
  if (action === undefined) throw buttonError("Text buttons are unallowed in the inline keyboard");
  if (actions.length > 1) {
    throw notEmulated(`an inline keyboard button needs exactly one action field, got ${actions.join(" and ")}`);
  }
  validateAction(action, value[action]);
  const decoration: Record<string, unknown> = {};
  if (value.style !== undefined) {
    if (typeof value.style !== "string" || !STYLES.has(value.style)) throw buttonError('Field "style" is invalid');
    decoration.style = value.style;
  }
  if (typeof value.icon_custom_emoji_id === "string") decoration.icon_custom_emoji_id = value.icon_custom_emoji_id;
  return { text: value.text, ...decoration, [action]: value[action] } as InlineKeyboardButton;
}

/** An empty callback_data counts as absent, as in Telegram (the button then has no action at all). */
function isPresentAction(action: Action, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  return !(action === "callback_data" && value === "");
}

function validateAction(action: Action, value: unknown): void {
  switch (action) {
    case "callback_data":
      if (typeof value !== "string") throw buttonError('Field "callback_data" must be of type String');
      if (Buffer.byteLength(value, "utf8") > MAX_CALLBACK_DATA_BYTES) throw badRequest("BUTTON_DATA_INVALID");
      return;
    case "url": {
      if (typeof value !== "string") throw buttonError('Field "url" must be of type String');
      const link = checkLink(value);
      if (!link.ok) throw badRequest(`inline keyboard button URL '${value}' is invalid: ${link.reason}`);
      return;
    }
    case "web_app": {
      const url = isRecord(value) && typeof value.url === "string" ? value.url : "";
      if (!checkLink(url, { httpsOnly: true }).ok) {
        throw badRequest(`inline keyboard button Web App URL '${url}' is invalid: Only HTTPS links are allowed`);
      }
      return;
    }
    case "copy_text": {
      const text = isRecord(value) && typeof value.text === "string" ? value.text : "";
      if (text === "" || text.length > 256) throw badRequest("BUTTON_COPY_TEXT_INVALID");
      return;
    }
    case "switch_inline_query":
    case "switch_inline_query_current_chat":
      if (typeof value !== "string") throw buttonError(`Field "${action}" must be of type String`);
      return;
    case "callback_game":
    case "pay":
      // Both need a game or an invoice message, which a plain send never is.
      throw badRequest("BUTTON_TYPE_INVALID");
    case "login_url":
    case "switch_inline_query_chosen_chat":
    case "disabled":
      if (!isRecord(value)) throw buttonError(`Field "${action}" must be of type Object`);
      return;
  }
}

function validateReplyKeyboard(markup: Record<string, unknown>): void {
  if (!Array.isArray(markup.keyboard)) throw badRequest('field "keyboard" must be of type Array');
  for (const flag of KEYBOARD_FLAGS) {
    if (flag in markup && typeof markup[flag] !== "boolean") throw badRequest(`field "${flag}" must be of type Boolean`);
  }
  for (const row of markup.keyboard) {
    if (!Array.isArray(row)) throw badRequest('field "keyboard" must be an Array of Arrays');
    for (const button of row) {
      const text = typeof button === "string" ? button : isRecord(button) ? button.text : undefined;
      if (typeof text !== "string") throw badRequest('can\'t parse keyboard button: Can\'t find field "text"');
      if (text.trim() === "") throw badRequest("BUTTON_TEXT_INVALID");
    }
  }
}

const buttonError = (detail: string) => badRequest(`can't parse inline keyboard button: ${detail}`);

/** Every callback_data on a message's inline keyboard, for checking injected button presses. */
export function callbackDataOf(markup: InlineKeyboardMarkup | undefined): string[] {
  return (markup?.inline_keyboard ?? []).flat().flatMap((button) => ("callback_data" in button ? [button.callback_data] : []));
}

/** Whether a button of the keyboard carries this callback_data (what a client can press). */
export function hasCallbackData(markup: InlineKeyboardMarkup | undefined, data: string): boolean {
  for (const row of markup?.inline_keyboard ?? []) {
    for (const button of row) if ("callback_data" in button && button.callback_data === data) return true;
  }
  return false;
}
