import type { MessageEntity, User } from "grammy/types";
import { badRequest } from "../api-error.js";
import { isRecord } from "../params.js";
import { checkLink } from "./links.js";

const PLAIN_TYPES = new Set([
  "mention", "hashtag", "cashtag", "bot_command", "url", "email", "phone_number", "bold", "italic", "underline",
  "strikethrough", "spoiler", "blockquote", "expandable_blockquote", "code",
]);

/** Validates `entities`/`caption_entities` given instead of a parse mode, with Telegram's descriptions. */
export function validateExplicitEntities(value: unknown, text: string, field: string): MessageEntity[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw badRequest(`field "${field}" must be of type Array`);
  const entities = value.map((item) => toEntity(item, text.length));
  return entities.filter((entity) => entity.length > 0);
}

function toEntity(item: unknown, textLength: number): MessageEntity {
  if (!isRecord(item)) throw badRequest("can't parse MessageEntity: MessageEntity must be an Object");
  const { type, offset, length } = item;
  if (typeof type !== "string") throw missingField("type");
  if (typeof offset !== "number" || !Number.isInteger(offset)) throw missingField("offset");
  if (typeof length !== "number" || !Number.isInteger(length)) throw missingField("length");
  if (offset < 0) throw badRequest(`receive an entity with incorrect offset ${offset}`);
  if (length < 0) throw badRequest(`receive an entity with incorrect length ${length}`);
  if (offset > textLength) throw badRequest(`entity begins after the end of the text at UTF-16 offset ${offset}`);
  if (offset + length > textLength) {
    throw badRequest(
      `entity beginning at UTF-16 offset ${offset} ends after the end of the text at UTF-16 offset ${offset + length}`,
    );
  }
  const span = { offset, length };
  if (PLAIN_TYPES.has(type)) return { type: type as MessageEntity.CommonMessageEntity["type"], ...span };
  switch (type) {
    case "pre":
      return { type, ...span, ...(typeof item.language === "string" ? { language: item.language } : {}) };
    case "text_link": {
      if (typeof item.url !== "string") throw missingField("url");
      const link = checkLink(item.url);
      if (!link.ok) throw badRequest(`entity URL '${item.url}' is invalid: ${link.reason}`);
      return { type, ...span, url: link.url };
    }
    case "text_mention":
      if (!isRecord(item.user)) throw missingField("user");
      return { type, ...span, user: item.user as unknown as User };
    case "custom_emoji":
      if (typeof item.custom_emoji_id !== "string") throw missingField("custom_emoji_id");
      if (!/^\d{1,18}$/.test(item.custom_emoji_id)) {
        throw badRequest(`can't parse MessageEntity: Field "custom_emoji_id" must be a valid Number`);
      }
      return { type, ...span, custom_emoji_id: item.custom_emoji_id };
    case "date_time":
      if (typeof item.unix_time !== "number") throw missingField("unix_time");
      return {
        type,
        ...span,
        unix_time: item.unix_time,
        date_time_format: (typeof item.date_time_format === "string" ? item.date_time_format : "") as
          MessageEntity.DateTimeMessageEntity["date_time_format"],
      };
    default:
      throw badRequest("can't parse MessageEntity: Unsupported type specified");
  }
}

const missingField = (name: string) => badRequest(`can't parse MessageEntity: Can't find field "${name}"`);
