import { isAscii, transcode } from "node:buffer";
import { type Expression, type RawBuilder, sql } from "kysely";
import { type DB, isPostgresDb } from "./database.js";

/**
 * Below this many bytes a text is read as text: ICU's decoding (below) costs about 2 µs more to set up than it saves.
 * Measured on Node 20 (issue 14): a 1,000-character Cyrillic letter, 1.9 kB, about even; 12,000 characters, 74 → 17 µs.
 */
const LONG_TEXT_BYTES = 2048;

/**
 * A letter's text as "check" reads it, made as fast to read at 12,000 characters as at 1,000. better-sqlite3 hands a
 * TEXT value to V8's UTF-8 decoder, which takes about 6 µs per thousand Cyrillic characters (a 12,000-character
 * letter: 70 µs, most of what "check" spent beyond the censorship check on a long letter); ICU's converter
 * (`transcode`) turns the same bytes into UTF-16 nine times faster. So on SQLite a long value is read as a BLOB of its
 * UTF-8 bytes (`cast` keeps a UTF-8 database's bytes as they are; `octet_length` reads no content) and made a string
 * by `textOfColumn`. Postgres sends text as before.
 */
export function wholeText(db: DB, column: Expression<string | null>): RawBuilder<string | Uint8Array | null> {
  if (isPostgresDb(db)) return sql`${column}`;
  return sql`case when octet_length(${column}) > ${sql.lit(LONG_TEXT_BYTES)} then cast(${column} as blob) else ${column} end`;
}

/** A `wholeText` column's value as a string: the same string better-sqlite3 would have made of the TEXT value. */
export function textOfColumn(value: string | Uint8Array | null | undefined): string | null {
  if (value === null || value === undefined || typeof value === "string") return value ?? null;
  const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  // ASCII as V8 would keep it, in one byte a character (ICU makes two); Node built without ICU has no `transcode`;
  // ICU refuses bytes that are not UTF-8, which V8 decodes with U+FFFD.
  if (isAscii(bytes)) return bytes.toString("latin1");
  if (typeof transcode !== "function") return bytes.toString("utf8");
  try {
    return transcode(bytes, "utf8", "utf16le").toString("utf16le");
  } catch {
    return bytes.toString("utf8");
  }
}
