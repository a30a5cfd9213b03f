import type { MessageEntity } from "grammy/types";
import { badRequest, notEmulated } from "../api-error.js";
import { type Params, readJson, readString } from "../params.js";
import { validateExplicitEntities } from "./explicit-entities.js";
import { parseTelegramHtml } from "./html-parser.js";

export interface FormattedText {
  readonly text: string;
  readonly entities: MessageEntity[];
}

export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;

/** Telegram rejects a missing text before it even looks at the chat. */
export function requireText(params: Params): string {
  const raw = readString(params, "text");
  if (raw === undefined || raw === "") throw badRequest("message text is empty");
  return raw;
}

/**
 * `text` + `parse_mode`/`entities` of sendMessage and editMessageText. The Bot API server parses them before it
 * looks at the chat, so an unescaped `<` is reported even for a chat that does not exist.
 */
export function parseMessageText(params: Params): FormattedText {
  const raw = requireText(params);
  return formatText(raw, readString(params, "parse_mode"), readJson(params, "entities", "entities"), "entities");
}

/** What Telegram checks only after the chat: something visible is left, and it fits. The two methods word it differently. */
export function checkMessageText(formatted: FormattedText, tooLong: "message is too long" | "MESSAGE_TOO_LONG"): FormattedText {
  if (formatted.text === "") throw badRequest("text must be non-empty");
  if (formatted.text.length > MAX_TEXT_LENGTH) throw badRequest(tooLong);
  return formatted;
}

/** `caption` + `parse_mode`/`caption_entities`; undefined when there is no visible caption. */
export function readCaption(params: Params): FormattedText | undefined {
  const raw = readString(params, "caption");
  if (raw === undefined || raw === "") return undefined;
  const formatted = formatText(
    raw,
    readString(params, "parse_mode"),
    readJson(params, "caption_entities", "caption entities"),
    "caption_entities",
  );
  if (formatted.text === "") return undefined;
  if (formatted.text.length > MAX_CAPTION_LENGTH) throw badRequest("message caption is too long");
  return formatted;
}

/**
 * Applies the parse mode (which wins over explicit entities, as in the Bot API server), then trims surrounding
 * whitespace the way Telegram does. Lengths are UTF-16 code units of the visible text.
 */
export function formatText(raw: string, parseMode: string | undefined, entities: unknown, entitiesField: string): FormattedText {
  const mode = (parseMode ?? "").toLowerCase();
  if (mode === "html") return trimFormatted(parseTelegramHtml(raw));
  if (mode === "markdownv2" || mode === "markdown") {
    throw notEmulated(`parse_mode ${parseMode} is not emulated; Lysty formats text as HTML`);
  }
  if (mode !== "" && mode !== "none") throw badRequest("unsupported parse_mode");
  return trimFormatted({ text: raw, entities: validateExplicitEntities(entities, raw, entitiesField) });
}

const isTrimmable = (char: string | undefined): boolean =>
  char === " " || char === "\n" || char === "\r" || char === "\t" || char === "\f" || char === "\v";

function trimFormatted({ text, entities }: FormattedText): FormattedText {
  let start = 0;
  let end = text.length;
  while (start < end && isTrimmable(text[start])) start += 1;
  while (end > start && isTrimmable(text[end - 1])) end -= 1;
  if (start === 0 && end === text.length) return { text, entities };
  const kept: MessageEntity[] = [];
  for (const entity of entities) {
    const from = Math.max(entity.offset, start);
    const to = Math.min(entity.offset + entity.length, end);
    if (to > from) kept.push({ ...entity, offset: from - start, length: to - from });
  }
  return { text: text.slice(start, end), entities: kept };
}
