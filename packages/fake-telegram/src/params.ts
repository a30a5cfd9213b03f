import { badRequest } from "./api-error.js";

/** Request parameters after body decoding: JSON values, form strings, or uploaded files. */
export type Params = Readonly<Record<string, unknown>>;

/** A file part of a multipart request. */
export class UploadedFile {
  constructor(
    readonly fileName: string,
    readonly contentType: string,
    readonly bytes: Buffer,
  ) {}
}

const absent = (value: unknown): value is undefined | null => value === undefined || value === null;

export function readString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (absent(value)) return undefined;
  if (typeof value === "string") return value;
  // Telegram reads every scalar parameter as text, so numbers and booleans are accepted where strings are expected.
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw badRequest(`field "${name}" must be of type String`);
}

export function readInteger(params: Params, name: string): number | undefined {
  const value = params[name];
  if (absent(value) || value === "") return undefined;
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  throw badRequest(`field "${name}" must be of type Number`);
}

export function readBoolean(params: Params, name: string): boolean | undefined {
  const value = params[name];
  if (absent(value)) return undefined;
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  throw badRequest(`field "${name}" must be of type Boolean`);
}

/**
 * Structured parameters arrive as objects in JSON bodies but as JSON text in form fields and query strings;
 * Telegram accepts both, so text is decoded here.
 */
export function readJson(params: Params, name: string, what = name): unknown {
  const value = params[name];
  if (absent(value)) return undefined;
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw badRequest(`can't parse ${what} JSON object`);
  }
}

/** A numeric chat id, or the `@username` string form Telegram accepts for public chats. */
export type ChatIdParam = number | string;

export function readChatId(params: Params, name = "chat_id"): ChatIdParam | undefined {
  const value = params[name];
  if (absent(value) || value === "") return undefined;
  if (typeof value === "number") return value;
  if (typeof value === "string") return /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value.trim();
  throw badRequest(`field "${name}" must be of type Number`);
}

export function requireChatId(params: Params, name = "chat_id"): ChatIdParam {
  const chatId = readChatId(params, name);
  if (chatId === undefined) throw badRequest(`${name} is empty`);
  return chatId;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
