import { notEmulated } from "../api-error.js";

export interface MultipartPart {
  readonly name: string;
  /** Present for file parts. */
  readonly fileName?: string;
  readonly contentType?: string;
  readonly data: Buffer;
}

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

/** Parses a complete `multipart/form-data` body. */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const nextDelimiter = Buffer.concat([CRLF, delimiter]);
  const parts: MultipartPart[] = [];
  let position = body.indexOf(delimiter);
  if (position === -1) throw malformed("no opening boundary");
  for (;;) {
    position += delimiter.length;
    if (body.subarray(position, position + 2).toString() === "--") return parts;
    position = skipLineBreak(body, position);
    const headerEnd = body.indexOf(HEADER_END, position);
    if (headerEnd === -1) throw malformed("part headers are not terminated");
    const headers = parseHeaders(body.subarray(position, headerEnd).toString("utf8"));
    const dataStart = headerEnd + HEADER_END.length;
    const dataEnd = body.indexOf(nextDelimiter, dataStart);
    if (dataEnd === -1) throw malformed("part is not followed by a boundary");
    parts.push(toPart(headers, body.subarray(dataStart, dataEnd)));
    position = dataEnd + CRLF.length;
  }
}

function skipLineBreak(body: Buffer, position: number): number {
  let at = position;
  // Some clients pad the boundary line with spaces before the line break.
  while (body[at] === 0x20 || body[at] === 0x09) at += 1;
  if (body[at] === 0x0d && body[at + 1] === 0x0a) return at + 2;
  throw malformed("boundary line is not followed by a line break");
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon === -1) continue;
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function toPart(headers: Map<string, string>, data: Buffer): MultipartPart {
  const disposition = headers.get("content-disposition");
  if (disposition === undefined) throw malformed("part has no content-disposition");
  const name = dispositionName(disposition);
  if (name === undefined) throw malformed("part has no name");
  const fileName = dispositionFileName(disposition);
  const contentType = headers.get("content-type");
  return {
    name,
    data,
    ...(fileName === undefined ? {} : { fileName }),
    ...(contentType === undefined ? {} : { contentType }),
  };
}

function dispositionName(disposition: string): string | undefined {
  const match = /(?:^|;)\s*name\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/i.exec(disposition);
  return match ? unescapeQuoted(match[1] ?? match[2]?.trim() ?? "") : undefined;
}

function dispositionFileName(disposition: string): string | undefined {
  const extended = /(?:^|;)\s*filename\*\s*=\s*[^']*'[^']*'([^;]*)/i.exec(disposition);
  if (extended?.[1] !== undefined) return decodeURIComponent(extended[1].trim());
  // grammY writes `filename=<name>` unquoted as the last parameter, so an unquoted value runs to the end of the line
  // (a name may legitimately contain `;` or spaces).
  const plain = /(?:^|;)\s*filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|(.*))$/i.exec(disposition);
  if (!plain) return undefined;
  return plain[1] !== undefined ? unescapeQuoted(plain[1]) : (plain[2] ?? "").trim();
}

const unescapeQuoted = (value: string): string => value.replace(/\\(.)/g, "$1");

const malformed = (reason: string) => notEmulated(`malformed multipart/form-data body: ${reason}`);
