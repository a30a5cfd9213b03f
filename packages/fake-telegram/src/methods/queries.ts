import type { InlineQueryResult, InlineQueryResultsButton } from "grammy/types";
import { badRequest } from "../api-error.js";
import { isRecord, readBoolean, readInteger, readJson, readString } from "../params.js";
import { readReplyMarkup } from "../reply-markup.js";
import { formatText, MAX_TEXT_LENGTH } from "../text/formatted-text.js";
import type { MethodCall } from "./method.js";

const MAX_CALLBACK_ANSWER_LENGTH = 200;
const MAX_INLINE_RESULTS = 50;
const MAX_RESULT_ID_BYTES = 64;

export function answerCallbackQuery({ state, params }: MethodCall): true {
  const text = readString(params, "text");
  if (text !== undefined && text.length > MAX_CALLBACK_ANSWER_LENGTH) throw badRequest("MESSAGE_TOO_LONG");
  const url = readString(params, "url");
  const cacheTime = readInteger(params, "cache_time");
  state.queries.answerCallback({
    callbackQueryId: readString(params, "callback_query_id") ?? "",
    showAlert: readBoolean(params, "show_alert") ?? false,
    at: state.now(),
    ...(text === undefined ? {} : { text }),
    ...(url === undefined ? {} : { url }),
    ...(cacheTime === undefined ? {} : { cacheTime }),
  });
  return true;
}

export function answerInlineQuery({ state, params }: MethodCall): true {
  const inlineQueryId = readString(params, "inline_query_id") ?? "";
  const results = readJson(params, "results", "inline query results");
  if (!Array.isArray(results)) throw badRequest('field "results" must be of type Array');
  if (results.length > MAX_INLINE_RESULTS) throw badRequest("RESULTS_TOO_MUCH");
  const ids = new Set<string>();
  for (const result of results) {
    validateResult(result);
    const id = String(result.id);
    if (ids.has(id)) throw badRequest("RESULT_ID_DUPLICATE");
    ids.add(id);
  }
  const cacheTime = readInteger(params, "cache_time");
  const nextOffset = readString(params, "next_offset");
  const button = readJson(params, "button", "inline query results button");
  state.queries.answerInline({
    inlineQueryId,
    results: results as InlineQueryResult[],
    isPersonal: readBoolean(params, "is_personal") ?? false,
    at: state.now(),
    ...(cacheTime === undefined ? {} : { cacheTime }),
    ...(nextOffset === undefined ? {} : { nextOffset }),
    ...(isRecord(button) ? { button: button as unknown as InlineQueryResultsButton } : {}),
  });
  return true;
}

/** Checks what a result needs to be shown and sent, including the HTML of the message it would send. */
function validateResult(result: unknown): asserts result is Record<string, unknown> & { id: unknown } {
  if (!isRecord(result)) throw badRequest("can't parse InlineQueryResult: InlineQueryResult must be an Object");
  if (typeof result.type !== "string") throw badRequest('can\'t parse InlineQueryResult: Can\'t find field "type"');
  if (typeof result.id !== "string" && typeof result.id !== "number") {
    throw badRequest('can\'t parse InlineQueryResult: Can\'t find field "id"');
  }
  const id = String(result.id);
  if (id === "" || Buffer.byteLength(id, "utf8") > MAX_RESULT_ID_BYTES) throw badRequest("RESULT_ID_INVALID");
  if (result.type === "article" && typeof result.title !== "string") {
    throw badRequest('can\'t parse InlineQueryResult: Can\'t find field "title"');
  }
  if (result.reply_markup !== undefined) readReplyMarkup({ reply_markup: result.reply_markup });
  const content = result.input_message_content;
  if (result.type === "article" && !isRecord(content)) {
    throw badRequest('can\'t parse InlineQueryResult: Can\'t find field "input_message_content"');
  }
  if (isRecord(content) && "message_text" in content) {
    const raw = readString(content, "message_text") ?? "";
    if (raw === "") throw badRequest("message text is empty");
    const parsed = formatText(raw, readString(content, "parse_mode"), content.entities, "entities");
    if (parsed.text === "") throw badRequest("text must be non-empty");
    if (parsed.text.length > MAX_TEXT_LENGTH) throw badRequest("MESSAGE_TOO_LONG");
  }
}
