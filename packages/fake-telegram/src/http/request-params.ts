import type { Buffer } from "node:buffer";
import { badRequest } from "../api-error.js";
import { isRecord, type Params, UploadedFile } from "../params.js";
import { parseMultipart } from "./multipart.js";

/**
 * Merges query-string parameters (`query`: what follows the URL's `?`) with the body, decoded by its content type,
 * the way the Bot API accepts them.
 */
export function decodeParams(query: string, contentType: string | undefined, body: Buffer): Params {
  const params: Record<string, unknown> = query === "" ? {} : Object.fromEntries(new URLSearchParams(query));
  if (body.length === 0) return params;
  const type = (contentType ?? "").toLowerCase();
  if (type.startsWith("application/json")) return query === "" ? decodeJson(body) : { ...params, ...decodeJson(body) };
  if (type.startsWith("application/x-www-form-urlencoded")) {
    return { ...params, ...Object.fromEntries(new URLSearchParams(body.toString("utf8"))) };
  }
  if (type.startsWith("multipart/form-data")) return { ...params, ...decodeMultipart(contentType ?? "", body) };
  throw badRequest(`unsupported Content-Type ${JSON.stringify(contentType ?? "")}`);
}

function decodeJson(body: Buffer): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw badRequest("can't parse JSON object");
  }
  if (!isRecord(parsed)) throw badRequest("can't parse JSON object");
  return parsed;
}

function decodeMultipart(contentType: string, body: Buffer): Record<string, unknown> {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundaryValue = boundary?.[1] ?? boundary?.[2];
  if (boundaryValue === undefined) throw badRequest("multipart/form-data request without a boundary");
  const fields: Record<string, unknown> = {};
  const files = new Map<string, UploadedFile>();
  for (const part of parseMultipart(body, boundaryValue)) {
    if (part.fileName === undefined) fields[part.name] = part.data.toString("utf8");
    else files.set(part.name, new UploadedFile(part.fileName, part.contentType ?? "application/octet-stream", part.data));
  }
  const attached = new Set<string>();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value !== "string" || !value.startsWith("attach://")) continue;
    const file = files.get(value.slice("attach://".length));
    if (file === undefined) continue;
    fields[name] = file;
    attached.add(value.slice("attach://".length));
  }
  // A file part named after the parameter itself (`document=@file` style) is the other upload form Telegram accepts.
  for (const [name, file] of files) if (!attached.has(name) && !(name in fields)) fields[name] = file;
  return fields;
}
